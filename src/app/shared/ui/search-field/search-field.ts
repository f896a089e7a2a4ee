import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { outputFromObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

/** The search box of a list page: emits the trimmed text once the user stops typing (300 ms). */
@Component({
  selector: 'app-search-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <input matInput type="search" [formControl]="text" autocomplete="off" />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      flex: 1 1 320px;
      max-width: 480px;
    }
    .search {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchField {
  /** The field's label, saying what is searched ("Search by name or MRN"). */
  readonly label = input.required<string>();

  protected readonly text = new FormControl('', { nonNullable: true });

  /** The text to search for, debounced; a repeat of the last search is not emitted. */
  readonly search = outputFromObservable(
    this.text.valueChanges.pipe(
      map((q) => q.trim()),
      debounceTime(300),
      distinctUntilChanged(),
      takeUntilDestroyed(),
    ),
  );
}
