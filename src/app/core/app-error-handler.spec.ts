import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AppErrorHandler, UNEXPECTED_ERROR_MESSAGE } from './app-error-handler.ts';

describe('AppErrorHandler', () => {
  let open: jasmine.Spy;
  let handler: AppErrorHandler;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [AppErrorHandler] });
    open = spyOn(TestBed.inject(MatSnackBar), 'open');
    spyOn(console, 'error');
    handler = TestBed.inject(AppErrorHandler);
  });

  it('logs the error and tells the user in plain words, without the stack', async () => {
    const error = new TypeError('cannot read properties of undefined');
    await handler.handleError(error);

    expect(console.error).toHaveBeenCalledWith(error);
    expect(open).toHaveBeenCalledWith(UNEXPECTED_ERROR_MESSAGE, 'Dismiss', jasmine.anything());
    expect(UNEXPECTED_ERROR_MESSAGE).not.toContain('TypeError');
  });

  it('stays quiet about a 401: the user is already on the login page with the reason', async () => {
    await handler.handleError(new HttpErrorResponse({ status: 401 }));
    expect(open).not.toHaveBeenCalled();
  });
});
