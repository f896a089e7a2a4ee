import { hasModifierKey } from '@angular/cdk/keycodes';
import { inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { filter, merge } from 'rxjs';
import { confirmAction } from '../../shared/ui/confirm-dialog/confirm-dialog.ts';

/**
 * Escape (or a click beside the dialog) on a form with typed input asks before throwing it away;
 * an untouched form still closes at once. Call from a dialog component's constructor or field
 * initialiser. The dialog's own Cancel button stays an explicit discard. Returns the same
 * close-or-ask step for anything else that closes the dialog.
 */
export function confirmDiscardOnEscape(form: AbstractControl): () => Promise<void> {
  const ref = inject(MatDialogRef);
  const dialog = inject(MatDialog);
  ref.disableClose = true;
  let asking = false;
  const closeOrAsk = async () => {
    if (!form.dirty) return ref.close();
    if (asking) return;
    asking = true;
    const discard = await confirmAction(dialog, {
      title: 'Discard what you typed?',
      message: 'Nothing in this form has been saved yet.',
      confirmLabel: 'Discard',
    });
    asking = false;
    if (discard) ref.close();
  };
  merge(
    ref.backdropClick(),
    ref.keydownEvents().pipe(filter((e) => e.key === 'Escape' && !hasModifierKey(e))),
  )
    .pipe(takeUntilDestroyed())
    .subscribe(() => void closeOrAsk());
  return closeOrAsk;
}
