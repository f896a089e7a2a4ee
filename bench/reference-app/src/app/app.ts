import { Component, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, MatToolbarModule, MatButtonModule],
  template: `
    <mat-toolbar>{{ title() }}</mat-toolbar>
    <button mat-flat-button type="button">Hello</button>
    <router-outlet />
  `,
})
export class App {
  protected readonly title = signal('reference');
}
