import { Directive, ElementRef, forwardRef, inject } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { formatDateText, parseDateText } from './date-text.ts';

/**
 * A date typed day first (DD/MM/YYYY, as every date on screen reads) on a plain text input, in place
 * of the browser's date field, whose format follows the browser's locale and which turned
 * "31021990" into 10 Mar 1990. The form control holds YYYY-MM-DD; text it cannot read is passed on
 * as typed, so the domain schema refuses it with the field's own message.
 */
@Directive({
  selector: 'input[appDateText]',
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => DateTextInput), multi: true },
  ],
  host: {
    placeholder: 'DD/MM/YYYY',
    inputmode: 'numeric',
    autocomplete: 'off',
    '(input)': 'typed()',
    '(blur)': 'touched()',
  },
})
export class DateTextInput implements ControlValueAccessor {
  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;
  private changed: (value: string) => void = () => undefined;
  protected touched: () => void = () => undefined;

  writeValue(value: string | null): void {
    this.input.value = value ? formatDateText(value) : '';
  }

  registerOnChange(fn: (value: string) => void): void {
    this.changed = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.touched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  protected typed(): void {
    const text = this.input.value;
    this.changed(parseDateText(text) ?? text.trim());
  }
}
