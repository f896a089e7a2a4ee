import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  forwardRef,
  inject,
  input,
  model,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatButtonToggle, MatButtonToggleModule } from '@angular/material/button-toggle';

/** NRS 0-10 (domain.md section 2). */
const SCORES = Array.from({ length: 11 }, (_, n) => n);

/** How soon after "1" a "0" still means 10, in milliseconds. */
const TEN_CHORD_MS = 1000;

let nextId = 0;

/**
 * A 0-10 pain score (NRS) picker for touch and keyboard: eleven 48 px toggles; typing a digit picks
 * it ("1" then "0" quickly picks 10); Enter emits `confirm` so one key press saves. Works as a form
 * control (formControlName) or with `[(value)]`.
 */
@Component({
  selector: 'app-pain-score-input',
  imports: [MatButtonToggleModule],
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PainScoreInput), multi: true },
  ],
  template: `
    <span class="label" [id]="ids.label">{{ label() }}</span>
    <mat-button-toggle-group
      class="scores"
      hideSingleSelectionIndicator
      [attr.aria-labelledby]="ids.label"
      [attr.aria-describedby]="ids.hint"
      [value]="value()"
      [disabled]="disabled()"
      (change)="pick($event.value)"
      (focusout)="touched()"
    >
      @for (score of scores; track score) {
        <mat-button-toggle [value]="score" [aria-label]="accessibleName(score)">{{
          score
        }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    <span class="anchors" aria-hidden="true">
      <span>0 no pain</span>
      <span>10 worst imaginable</span>
    </span>
    <span class="hint" [id]="ids.hint">Type 0 to 10 (1 then 0 for 10); press Enter to save.</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 4px;
      max-width: 100%;
    }
    .label {
      font: var(--mat-sys-title-small);
    }
    .scores {
      // Touch targets of at least 44 px (48 here), larger digits for a quick glance.
      --mat-button-toggle-height: 48px;
      --mat-button-toggle-label-text-size: 18px;
      flex-wrap: wrap;
      width: fit-content;
      max-width: 100%;
    }
    .scores .mat-button-toggle {
      min-width: 48px;
    }
    .anchors {
      display: flex;
      justify-content: space-between;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PainScoreInput implements ControlValueAccessor {
  /** The visible label, e.g. "Pain score (NRS 0-10)". */
  readonly label = input('Pain score (NRS 0-10)');
  /** The chosen score, or null. */
  readonly value = model<number | null>(null);
  /** Enter was pressed: the page saves. Carries the current score. */
  readonly confirm = output<number | null>();

  protected readonly scores = SCORES;
  protected readonly disabled = signal(false);
  protected readonly ids = {
    label: `pain-score-label-${++nextId}`,
    hint: `pain-score-hint-${nextId}`,
  };
  private readonly toggles = viewChildren(MatButtonToggle);
  private lastDigit: { digit: number; at: number } | null = null;
  private onChange: (value: number | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  constructor() {
    // Capture phase, before the toggle group's own Enter handling, which would pick the focused
    // toggle (0 when nothing is chosen yet) and so save a score the nurse never chose.
    const host: HTMLElement = inject(ElementRef).nativeElement;
    const listener = (event: KeyboardEvent) => this.handleKey(event);
    host.addEventListener('keydown', listener, { capture: true });
    inject(DestroyRef).onDestroy(() =>
      host.removeEventListener('keydown', listener, { capture: true }),
    );
  }

  protected accessibleName(score: number): string {
    if (score === 0) return '0, no pain';
    if (score === 10) return '10, worst imaginable pain';
    return String(score);
  }

  protected pick(score: number | null): void {
    this.value.set(score);
    this.onChange(score);
  }

  private handleKey(event: KeyboardEvent): void {
    if (this.disabled()) return;
    if (event.key === 'Enter') {
      // Not a click on the focused toggle: that could pick a different score than the one shown.
      event.preventDefault();
      event.stopPropagation();
      this.confirm.emit(this.value());
      return;
    }
    if (!/^[0-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const digit = Number(event.key);
    const now = Date.now();
    const isTen =
      digit === 0 && this.lastDigit?.digit === 1 && now - this.lastDigit.at <= TEN_CHORD_MS;
    const score = isTen ? 10 : digit;
    this.lastDigit = isTen ? null : { digit, at: now };
    this.pick(score);
    // Keep focus on the chosen score so arrow keys continue from it.
    this.toggles()[score]?.focus();
  }

  /** Moves keyboard focus to the chosen score (else 0), e.g. after a save, so typing goes on. */
  focus(): void {
    this.toggles()[this.value() ?? 0]?.focus();
  }

  protected touched(): void {
    this.onTouched();
  }

  writeValue(value: number | null): void {
    this.value.set(value ?? null);
  }

  registerOnChange(fn: (value: number | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }
}
