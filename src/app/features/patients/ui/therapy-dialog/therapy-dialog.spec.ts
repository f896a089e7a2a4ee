import { MatSelectHarness } from '@angular/material/select/testing';
import type { TherapyView } from '@domain';
import { record } from '../../data/patient-fixtures.ts';
import { openDialogForSpec } from '../../../../shared/testing/dialog-spec-harness.ts';
import { TherapyDialog, type TherapyDialogData } from './therapy-dialog.ts';

describe('TherapyDialog', () => {
  async function open() {
    const save = jasmine.createSpy('save');
    const opened = await openDialogForSpec<TherapyDialogData, TherapyView>(TherapyDialog, { save });
    const [kind] = await opened.dialog.getAllHarnesses(MatSelectHarness);
    await kind!.open();
    await kind!.clickOptions({ text: 'Physical therapy' });
    return { ...opened, save };
  }

  it('says the start date is required', async () => {
    const { click, errors, save } = await open();
    await click(/Add therapy/);
    expect(await errors('Start date')).toEqual(['Start date is required']);
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses an end date before the start date, under End date', async () => {
    const { type, click, errors, save } = await open();
    await type('Start date', '2026-03-10');
    await type('End date', '2026-03-01');
    await click(/Add therapy/);
    expect(await errors('End date')).toEqual(['End date must be on or after the start date']);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves an ongoing therapy with no end date and closes', async () => {
    const { type, click, save, ref } = await open();
    await type('Start date', '2026-03-10');
    await type('Notes', 'Twice weekly');
    save.and.resolveTo({ ok: true, value: record().therapies[0] });
    const closed = jasmine.createSpy('closed');
    ref.afterClosed().subscribe(closed);
    await click(/Add therapy/);
    expect(save).toHaveBeenCalledWith({
      kind: 'physical-therapy',
      startDate: '2026-03-10',
      endDate: null,
      response: null,
      notes: 'Twice weekly',
    });
    expect(closed).toHaveBeenCalled();
  });
});
