import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ProcedureView } from '@domain';
import { procedureView } from '../../testing/procedure-fixtures.ts';
import { ProcedureSummary } from './procedure-summary.ts';

@Component({
  imports: [ProcedureSummary],
  template: `<app-procedure-summary [procedure]="procedure()" [dense]="dense()" />`,
})
class SummaryHost {
  readonly procedure = signal<ProcedureView>(procedureView());
  readonly dense = signal(false);
}

describe('ProcedureSummary', () => {
  async function render(overrides: Partial<ProcedureView>, dense = false): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(SummaryHost);
    fixture.componentInstance.procedure.set(procedureView(overrides));
    fixture.componentInstance.dense.set(dense);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the payer-rule override reason on the procedure, not only in the printed report (issue 14)', async () => {
    const page = await render({
      overrideReason: 'Second block 5 days early: patient travels abroad.',
      intervalExceptionReason: null,
    });
    const row = page.querySelector('[data-reason="override"]')!;
    expect(row.querySelector('dt')!.textContent).toBe('Payer-rule override');
    expect(row.querySelector('dd')!.textContent).toBe(
      'Second block 5 days early: patient travels abroad.',
    );
  });

  it('shows no reason rows when none was documented, and none in the dense (printed) form', async () => {
    expect(
      (
        await render({
          overrideReason: null,
          sedationReason: null,
          intervalExceptionReason: null,
          rfaNotPossibleReason: null,
        })
      ).querySelector('.reason'),
    ).toBeNull();
    expect((await render({ overrideReason: 'x' }, true)).querySelector('.reason')).toBeNull();
  });
});
