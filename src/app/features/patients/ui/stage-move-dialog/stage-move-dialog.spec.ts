import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { EpisodeView } from '@domain';
import { episode } from '../../data/patient-fixtures.ts';
import { openDialogForSpec } from '../../../../shared/testing/dialog-spec-harness.ts';
import { StageMoveDialog, type StageMoveDialogData } from './stage-move-dialog.ts';

describe('StageMoveDialog', () => {
  async function open(from: StageMoveDialogData['from'] = 'conservative-care', canClose = true) {
    const save = jasmine.createSpy('save');
    const opened = await openDialogForSpec<StageMoveDialogData, EpisodeView>(StageMoveDialog, {
      from,
      save,
      canClose,
    });
    return { ...opened, save, radios: await opened.dialog.getHarness(MatRadioGroupHarness) };
  }

  it('offers the next stages, forward first, and picks the forward move', async () => {
    const { radios } = await open('conservative-care');
    const labels = await Promise.all((await radios.getRadioButtons()).map((r) => r.getLabelText()));
    expect(labels.map((l) => l.split(' (')[0])).toEqual([
      'Diagnostic blocks',
      'Intake',
      'Discharged',
    ]);
    expect(await radios.getCheckedValue()).toBe('diagnostic-blocks');
  });

  it('hides the moves that end the pathway from a role that may not close an episode (a physician decision)', async () => {
    const { radios } = await open('conservative-care', false);
    const labels = await Promise.all((await radios.getRadioButtons()).map((r) => r.getLabelText()));
    expect(labels.map((l) => l.split(' (')[0])).toEqual(['Diagnostic blocks', 'Intake']);
  });

  it('moves forward without a reason', async () => {
    const { click, save } = await open();
    save.and.resolveTo({ ok: true, value: episode({ stage: 'diagnostic-blocks' }) });
    await click(/Move stage/);
    expect(save).toHaveBeenCalledWith('diagnostic-blocks', null);
  });

  it('requires a reason for a move back, with the domain’s message under Reason', async () => {
    const { radios, click, save, errors } = await open();
    await radios.checkRadioButton({ label: /^Intake/ });
    await click(/Move stage/);
    expect(await errors('Reason')).toEqual([
      'Moving from Conservative care to Intake needs a reason.',
    ]);
    expect(save).not.toHaveBeenCalled();
  });

  it('requires a reason to leave the pathway, then sends it', async () => {
    const { radios, click, save, type } = await open();
    await radios.checkRadioButton({ label: /^Discharged/ });
    await type('Reason', 'Moved away');
    save.and.resolveTo({ ok: true, value: episode({ stage: 'discharged' }) });
    await click(/Move stage/);
    expect(save).toHaveBeenCalledWith('discharged', 'Moved away');
  });

  it('shows the server’s refusal (422 stage-move-refused) under its field', async () => {
    const { click, save, errors, dialog } = await open();
    save.and.resolveTo({
      ok: false,
      conflict: false,
      problem: {
        status: 422,
        title: 'Stage move refused',
        code: 'stage-move-refused',
        errors: [{ path: 'reason', message: 'A reason is needed.' }],
      },
    });
    await click(/Move stage/);
    expect(await errors('Reason')).toEqual(['A reason is needed.']);
    expect(await (await dialog.getHarness(MatInputHarness)).getValue()).toBe('');
  });
});
