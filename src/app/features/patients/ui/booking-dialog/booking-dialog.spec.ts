import { signal } from '@angular/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { PlannedProcedureView } from '@domain';
import type { WriteResult } from '../../../../core/write-result.ts';
import {
  type OpenedDialog,
  openDialogForSpec,
} from '../../../../shared/testing/dialog-spec-harness.ts';
import { BookingDialog, type BookingDialogData } from './booking-dialog.ts';

const CHECK = { id: 'conservative-care', status: 'not-met', message: 'No conservative care yet.' };
const booked = (over: Partial<PlannedProcedureView> = {}): PlannedProcedureView => ({
  id: '7',
  episodeId: '3',
  patientId: '2',
  region: 'lumbar',
  kind: 'mbb',
  intent: 'diagnostic',
  plannedDate: '2026-12-03',
  levels: ['L4-L5'],
  side: 'left',
  performerId: '9',
  performerName: 'Dr Vega',
  notes: null,
  status: 'planned',
  procedureId: null,
  cancelReason: null,
  baselines: [],
  checks: [CHECK],
  history: [],
  version: 1,
  ...over,
});

describe('BookingDialog', () => {
  let dialog: OpenedDialog<PlannedProcedureView>;
  let check: jasmine.Spy;
  let save: jasmine.Spy;

  beforeEach(async () => {
    check = jasmine.createSpy('check').and.resolveTo({ ok: true, value: [CHECK] });
    save = jasmine.createSpy('save');
    const data: BookingDialogData = {
      region: 'lumbar',
      side: 'left',
      performers: signal([{ id: '9', name: 'Dr Vega' }]),
      defaultPerformerId: '9',
      check,
      save,
    };
    dialog = await openDialogForSpec(BookingDialog, data);
  });

  async function chooseLevel(level: string): Promise<void> {
    const select = await dialog.dialog.getHarness(
      MatSelectHarness.with({ selector: '[formControlName="levels"]' }),
    );
    await select.open();
    await select.clickOptions({ text: level });
    await select.close();
  }

  it('asks for a level and a date before anything is sent', async () => {
    await dialog.click('Book');
    expect(save).not.toHaveBeenCalled();
    expect(await dialog.errors('Levels')).toEqual(['Choose at least one level']);
    expect((await dialog.errors('Date')).length).toBe(1);
  });

  it("shows the payer-rule dry run before booking, and the server's past-day refusal under the date", async () => {
    await chooseLevel('L4-L5');
    await dialog.type('Date', '01/12/2026');
    await dialog.click('Check payer rules');
    expect(check).toHaveBeenCalledWith(
      jasmine.objectContaining({
        kind: 'mbb',
        intent: 'diagnostic',
        levels: ['L4-L5'],
        side: 'left',
        performerId: '9',
        plannedDate: '2026-12-01',
      }),
    );
    expect(document.body.textContent).toContain('No conservative care yet.');
    save.and.resolveTo({
      ok: false,
      conflict: false,
      problem: {
        status: 400,
        title: 'Bad input',
        errors: [
          { path: 'plannedDate', message: 'A procedure cannot be booked for a day in the past' },
        ],
      },
    } satisfies WriteResult<PlannedProcedureView>);
    await dialog.click('Book');
    expect(await dialog.errors('Date')).toEqual([
      'A procedure cannot be booked for a day in the past',
    ]);
  });

  it('confirms what was booked, with the checks still to resolve', async () => {
    await chooseLevel('L4-L5');
    await dialog.type('Date', '03/12/2026');
    save.and.resolveTo({ ok: true, value: booked() });
    await dialog.click('Book');
    expect(await dialog.dialog.getTitleText()).toBe('Procedure booked');
    const text = await dialog.dialog.getContentText();
    expect(text).toContain(
      'Medial branch block L4-L5 (left, diagnostic) on Thursday 3 Dec 2026 with Dr Vega',
    );
    expect(text).toContain('No conservative care yet.');
  });
});
