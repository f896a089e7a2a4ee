import { Component, signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { type ListPage, ListFrame } from './list-frame.ts';

@Component({
  imports: [ListFrame],
  template: `
    <app-list-frame
      noun="patients"
      errorHeading="The patient list could not be loaded"
      [loading]="loading()"
      [loadError]="loadError()"
      [empty]="rows() === 0"
      [total]="total()"
      [page]="{ page: 2, pageSize: 10 }"
      (retry)="retries = retries + 1"
      (pageChange)="pages.push($event)"
    >
      <p empty class="empty">No patients yet</p>
      <p class="rows">{{ rows() }} rows</p>
    </app-list-frame>
  `,
})
class ListFrameHost {
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly rows = signal(3);
  readonly total = signal<number | null>(42);
  retries = 0;
  readonly pages: ListPage[] = [];
}

describe('ListFrame', () => {
  async function render(change: (host: ListFrameHost) => void = () => undefined) {
    const fixture = TestBed.createComponent(ListFrameHost);
    change(fixture.componentInstance);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return {
      fixture,
      element,
      host: fixture.componentInstance,
      loader: TestbedHarnessEnvironment.loader(fixture),
    };
  }

  it('shows the rows and a paginator on the page the list is on', async () => {
    const { element, loader } = await render();
    expect(element.querySelector('.rows')?.textContent).toBe('3 rows');
    expect(element.querySelector('.empty')).toBeNull();
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('11 – 20 of 42');
  });

  it('turns the paginator into 1-based pages', async () => {
    const { host, loader } = await render();
    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    expect(host.pages).toEqual([{ page: 3, pageSize: 10 }]);
  });

  it('shows the empty notice instead of rows and paginator once loaded with nothing', async () => {
    const { element, loader } = await render((host) => host.rows.set(0));
    expect(element.querySelector('.empty')?.textContent).toBe('No patients yet');
    expect(element.querySelector('.rows')).toBeNull();
    expect(await loader.getAllHarnesses(MatPaginatorHarness)).toEqual([]);
  });

  it('says nothing is there only after loading, with a labelled progress bar meanwhile', async () => {
    const { element } = await render((host) => {
      host.rows.set(0);
      host.loading.set(true);
    });
    expect(element.querySelector('.empty')).toBeNull();
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Loading patients',
    );
  });

  it('explains a failed load and retries on request', async () => {
    const { element, host, loader } = await render((h) =>
      h.loadError.set('Cannot reach the server.'),
    );
    expect(element.textContent).toContain('The patient list could not be loaded');
    expect(element.textContent).toContain('Cannot reach the server.');
    expect(element.querySelector('.rows')).toBeNull();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();
    expect(host.retries).toBe(1);
  });

  it('has no paginator for a list without pages', async () => {
    const { loader } = await render((host) => host.total.set(null));
    expect(await loader.getAllHarnesses(MatPaginatorHarness)).toEqual([]);
  });
});
