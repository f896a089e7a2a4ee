import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';

/**
 * What every worklist entry page does after a save, written once: a short confirmation, then back
 * to the worklist with the row just done marked (`done=<kind>:<id>`, so the list opens on the next
 * row). Call it in a page's field initializer (it injects the router and the snack bar).
 */
export function returnToWorklist(): (message: string, done: string) => Promise<boolean> {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  return (message, done) => {
    snackBar.open(message, undefined, { duration: 3000 });
    return router.navigate(['/worklist'], { queryParams: { done } });
  };
}
