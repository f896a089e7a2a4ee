import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  ErrorHandler,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { apiInterceptor } from './core/api-interceptor.ts';
import { AppErrorHandler } from './core/app-error-handler.ts';
import { routes } from './app.routes.ts';

export const appConfig: ApplicationConfig = {
  providers: [
    // Zoneless is the default since Angular 21; stated here so nobody adds zone.js back by accident.
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    { provide: ErrorHandler, useClass: AppErrorHandler },
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([apiInterceptor])),
    // Icons: <mat-icon> infers its font-set class from the declared 'Material Symbols Outlined' face
    // (src/styles/fonts/fonts.scss); no icon option here keeps @angular/material/icon out of the
    // initial bundle.
  ],
};
