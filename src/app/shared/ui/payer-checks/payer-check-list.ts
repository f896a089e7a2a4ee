import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { CheckStatus, Evidence, PayerCheck } from '@domain';

/** Each status reads by its icon and words, never by colour alone. */
export const CHECK_STATUS_DISPLAY: Readonly<Record<CheckStatus, { label: string; icon: string }>> =
  {
    met: { label: 'Met', icon: 'check_circle' },
    'not-met': { label: 'Not met', icon: 'cancel' },
    'not-assessable': { label: 'Not assessable', icon: 'help' },
    'not-applicable': { label: 'Not applicable yet', icon: 'schedule' },
  };

let nextId = 0;

/**
 * Payer-rule checks, one row each: status as icon and words, the message, and the evidence behind it
 * (procedures link to their page). Evidence is a disclosure per row, or always shown (`expanded`)
 * where the list must print or be read at once.
 */
@Component({
  selector: 'app-payer-check-list',
  imports: [NgTemplateOutlet, MatButtonModule, MatIconModule, RouterLink],
  template: `
    <ul class="checks">
      @for (check of checks(); track check.id) {
        <li class="check" [class]="'check status-' + check.status" [attr.data-check]="check.id">
          <div class="head">
            <span class="status">
              <mat-icon aria-hidden="true">{{ display[check.status].icon }}</mat-icon>
              <span class="status-label">{{ display[check.status].label }}</span>
            </span>
            <span class="title">{{ check.title }}</span>
          </div>
          <p class="message">{{ check.message }}</p>
          @if (check.evidence.length) {
            @if (expanded()) {
              <ng-container
                [ngTemplateOutlet]="evidenceList"
                [ngTemplateOutletContext]="{ $implicit: check.evidence, id: null }"
              />
            } @else {
              <button
                mat-button
                type="button"
                class="evidence-toggle"
                [attr.aria-expanded]="isOpen(check.id)"
                [attr.aria-controls]="listId(check.id)"
                (click)="toggle(check.id)"
              >
                <mat-icon aria-hidden="true">{{
                  isOpen(check.id) ? 'expand_less' : 'expand_more'
                }}</mat-icon>
                Evidence: {{ check.title }} ({{ check.evidence.length }})
              </button>
              @if (isOpen(check.id)) {
                <ng-container
                  [ngTemplateOutlet]="evidenceList"
                  [ngTemplateOutletContext]="{ $implicit: check.evidence, id: listId(check.id) }"
                />
              }
            }
          }
        </li>
      } @empty {
        <li class="empty">No checks yet.</li>
      }
    </ul>

    <ng-template #evidenceList let-evidence let-id="id">
      <ul class="evidence" [attr.id]="id" aria-label="Evidence">
        @for (item of asEvidence(evidence); track $index) {
          <li>
            @if (linkable(item)) {
              <a [routerLink]="['/procedures', item.id]">{{ item.text }}</a>
            } @else {
              {{ item.text }}
            }
          </li>
        }
      </ul>
    </ng-template>
  `,
  styles: `
    .checks {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .check {
      padding: 10px 0 10px 12px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      margin-bottom: 8px;
      break-inside: avoid;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-width: 9.5em;
      font: var(--mat-sys-label-large);
    }
    .status mat-icon {
      font-size: 20px;
      width: 20px;
      height: 20px;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .message {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
    // Tints support the icon and words; they never carry the meaning alone.
    .status-met {
      border-left-color: var(--mat-sys-primary);
      .status {
        color: var(--mat-sys-primary);
      }
    }
    .status-not-met {
      border-left-color: var(--mat-sys-error);
      .status {
        color: var(--mat-sys-error);
      }
    }
    .status-not-assessable {
      border-left-color: var(--mat-sys-tertiary);
      border-left-style: dashed;
      .status {
        color: var(--mat-sys-on-surface-variant);
      }
    }
    // Nothing to judge yet: neutral, neither green nor red.
    .status-not-applicable {
      border-left-color: var(--mat-sys-outline-variant);
      .status {
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .evidence-toggle {
      min-height: 44px;
      margin-left: -12px;
    }
    .evidence {
      margin: 4px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    .evidence li {
      margin: 2px 0;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    @media print {
      .check {
        padding: 2px 0 2px 8px;
        margin-bottom: 4px;
      }
      .message,
      .evidence {
        font-size: 9pt;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayerCheckList {
  readonly checks = input.required<readonly PayerCheck[]>();
  /** Show every check's evidence without disclosures (print, or a short list to act on). */
  readonly expanded = input(false);

  protected readonly display = CHECK_STATUS_DISPLAY;
  private readonly open = signal<ReadonlySet<string>>(new Set());
  private readonly idPrefix = `check-evidence-${++nextId}`;

  protected isOpen(checkId: string): boolean {
    return this.open().has(checkId);
  }

  protected toggle(checkId: string): void {
    const open = new Set(this.open());
    if (open.has(checkId)) open.delete(checkId);
    else open.add(checkId);
    this.open.set(open);
  }

  protected listId(checkId: string): string {
    return `${this.idPrefix}-${checkId}`;
  }

  /** A procedure already recorded has a page; a planned one ("new") does not. */
  protected linkable(item: Evidence): boolean {
    return item.kind === 'procedure' && !!item.id && /^\d+$/.test(item.id);
  }

  protected asEvidence(value: unknown): readonly Evidence[] {
    return value as readonly Evidence[];
  }
}
