import { openDialogForSpec } from '../../shared/testing/dialog-spec-harness.ts';
import { ReasonDialog, type ReasonDialogData } from './reason-dialog.ts';

describe('ReasonDialog', () => {
  async function open() {
    const save = jasmine.createSpy('save');
    const data: ReasonDialogData = {
      title: 'Mark as entered in error?',
      message:
        'Physical therapy from 15 Jan 2026, ongoing stays on the record, struck through with your reason.',
      confirmLabel: 'Mark entered in error',
      save,
    };
    const opened = await openDialogForSpec<ReasonDialogData, boolean>(ReasonDialog, data);
    const closed = jasmine.createSpy('closed');
    opened.ref.afterClosed().subscribe(closed);
    return { ...opened, save, closed };
  }

  it('asks for confirmation, naming the record', async () => {
    const { dialog } = await open();
    expect(await dialog.getTitleText()).toBe('Mark as entered in error?');
    expect(await (await dialog.host()).text()).toContain(
      'Physical therapy from 15 Jan 2026, ongoing',
    );
  });

  it('requires a reason before saving anything', async () => {
    const { click, errors, save } = await open();
    await click(/Mark entered in error/);
    expect(await errors('Reason')).toEqual(['Reason is required']);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves with the trimmed reason and closes with true', async () => {
    const { type, click, save, closed } = await open();
    await type('Reason', '  Recorded on the wrong patient ');
    save.and.resolveTo({ ok: true });
    await click(/Mark entered in error/);
    expect(save).toHaveBeenCalledWith('Recorded on the wrong patient');
    expect(closed).toHaveBeenCalledWith(true);
  });

  it('shows a refused save in place and stays open', async () => {
    const { type, click, save, closed, dialog } = await open();
    await type('Reason', 'Wrong time point');
    save.and.resolveTo({
      ok: false,
      problem: { status: 422, title: 'Refused', detail: 'The score is already marked.' },
    });
    await click(/Mark entered in error/);
    expect(await (await dialog.host()).text()).toContain('The score is already marked.');
    expect(closed).not.toHaveBeenCalled();
  });

  it('closes with false when someone else changed the record first', async () => {
    const { type, click, save, closed } = await open();
    await type('Reason', 'Duplicate');
    save.and.resolveTo({ ok: false, conflict: true, problem: { status: 409, title: 'Conflict' } });
    await click(/Mark entered in error/);
    expect(closed).toHaveBeenCalledWith(false);
  });

  it('cancelling saves nothing', async () => {
    const { click, save, closed } = await open();
    await click('Cancel');
    expect(save).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledWith(false);
  });
});
