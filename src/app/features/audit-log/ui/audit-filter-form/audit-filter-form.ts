import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AUDIT_ACTIONS, AuditQuerySchema } from '@domain';
import { fieldMessage, parseForm } from '../../../../shared/forms/schema-errors.ts';
import type { AuditFilters } from '../../data/audit-log-store.ts';
import { DateTextInput } from '../../../../shared/forms/date-text-input.ts';
import { auditActionText } from '../audit-labels.ts';

/** Filters for the audit log, checked with the API's own query schema before they are applied. */
@Component({
  selector: 'app-audit-filter-form',
  imports: [
    DateTextInput,
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
  ],
  templateUrl: './audit-filter-form.html',
  styleUrl: './audit-filter-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditFilterForm {
  /** Valid filters, empty ones left out. */
  readonly apply = output<AuditFilters>();

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly actionText = auditActionText;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: '',
    patient: '',
    action: '',
    from: '',
    to: '',
  });
  protected readonly fieldMessage = fieldMessage;

  protected applyFilters(): void {
    const raw = this.form.getRawValue();
    const set = Object.fromEntries(
      Object.entries(raw)
        .map(([key, value]) => [key, value.trim()] as const)
        .filter(([, value]) => value !== ''),
    );
    const query = parseForm(this.form, AuditQuerySchema, set);
    if (!query) return;
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    this.apply.emit(filters);
  }

  protected clear(): void {
    this.form.reset();
    this.apply.emit({});
  }
}
