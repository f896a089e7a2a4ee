import { openDialogForSpec } from '../dialog-spec-harness.ts';
import { EnteredInErrorDialog, type EnteredInErrorDialogData } from './entered-in-error-dialog.ts';

describe('EnteredInErrorDialog', () => {
  async function open() {
    const save = jasmine.createSpy('save');
    const data: EnteredInErrorDialogData = { what: 'Physical therapy from 15 Jan 2026, ongoing', version: 4, save };
    const opened = await openDialogForSpec<EnteredInErrorDialogData, boolean>(EnteredInErrorDialog, data);
    const closed = jasmine.createSpy('closed');
    opened.ref.afterClosed().subscribe(closed);
    return { ...opened, save, closed };
  }

  it('asks for confirmation, naming the record', async () => {
    const { dialog } = await open();
    expect(await dialog.getTitleText()).toBe('Mark as entered in error?');
    expect(await (await dialog.host()).text()).toContain('Physical therapy from 15 Jan 2026, ongoing');
  });

  it('requires a reason before marking anything', async () => {
    const { click, errors, save } = await open();
    await click(/Mark entered in error/);
    expect(await errors('Reason')).toEqual(['Reason is required']);
    expect(save).not.toHaveBeenCalled();
  });

  it('marks with the reason and closes with true', async () => {
    const { type, click, save, closed } = await open();
    await type('Reason', 'Recorded on the wrong patient');
    save.and.resolveTo({ ok: true, value: undefined });
    await click(/Mark entered in error/);
    expect(save).toHaveBeenCalledWith('Recorded on the wrong patient');
    expect(closed).toHaveBeenCalledWith(true);
  });

  it('cancelling marks nothing', async () => {
    const { click, save, closed } = await open();
    await click('Cancel');
    expect(save).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalledWith(false);
  });
});
