import { signal } from '@angular/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { PatientView } from '@domain';
import type { DistanceUnit } from '../../data/distance-unit-store.ts';
import { patient } from '../../data/patient-fixtures.ts';
import type { WriteResult } from '../../../../core/write-result.ts';
import {
  type OpenedDialog,
  openDialogForSpec,
} from '../../../../shared/testing/dialog-spec-harness.ts';
import {
  PATIENT_CONFLICT_MESSAGE,
  PatientFormDialog,
  type PatientFormDialogData,
} from './patient-form-dialog.ts';

describe('PatientFormDialog', () => {
  let save: jasmine.Spy;
  let form: OpenedDialog<PatientView>;
  const unit = signal<DistanceUnit>('km');
  const failed = (problem: object, extra: object = {}): WriteResult<PatientView, PatientView> =>
    ({ ok: false, conflict: false, problem, ...extra }) as WriteResult<PatientView, PatientView>;

  async function openRegister(): Promise<void> {
    save = jasmine.createSpy('save');
    const data: PatientFormDialogData = {
      mode: 'register',
      unit,
      chooseUnit: (u) => unit.set(u),
      save,
    };
    form = await openDialogForSpec(PatientFormDialog, data);
  }

  async function openEdit(): Promise<void> {
    save = jasmine.createSpy('save');
    const data: PatientFormDialogData = {
      mode: 'edit',
      patient: patient(),
      unit,
      chooseUnit: (u) => unit.set(u),
      save,
    };
    form = await openDialogForSpec(PatientFormDialog, data);
  }

  async function fillRequired(): Promise<void> {
    await form.type('MRN', 'MRN-2001');
    await form.type('Given name', 'Ana');
    await form.type('Family name', 'Runner');
    await form.type('Birth date', '1990-04-01');
    const sex = await form.dialog.getHarness(MatSelectHarness);
    await sex.open();
    await sex.clickOptions({ text: 'Female' });
  }

  beforeEach(() => unit.set('km'));

  it('shows the create schema’s message under each field and does not save', async () => {
    await openRegister();
    await form.click(/Register patient/);
    expect(await form.errors('MRN')).toEqual(['MRN is required']);
    expect(await form.errors('Given name')).toEqual(['Given name is required']);
    expect(await form.errors('Family name')).toEqual(['Family name is required']);
    expect(await form.errors('Birth date')).toEqual(['Birth date is required']);
    expect((await form.errors('Sex'))[0]).toBe('Choose the patient’s sex'); // issue 14: no raw code lists
    expect(save).not.toHaveBeenCalled();
  });

  it('takes the birth date day first and refuses what it cannot read (issue 14)', async () => {
    await openRegister();
    await fillRequired();
    await form.type('Birth date', '31021990');
    save.and.resolveTo({ ok: true, value: patient() });
    await form.click(/Register patient/);
    expect(save).not.toHaveBeenCalled();
    expect((await form.errors('Birth date'))[0]).toContain('Birth date must be');

    await form.type('Birth date', '31/12/1990');
    await form.click(/Register patient/);
    expect(save).toHaveBeenCalledWith(jasmine.objectContaining({ birthDate: '1990-12-31' }));
  });

  it('shows a stored birth date day first', async () => {
    await openEdit();
    const input = form.dialog.getHarness(
      MatInputHarness.with({ selector: '[formControlName="birthDate"]' }),
    );
    expect(await (await input).getValue()).toMatch(/^\d\d\/\d\d\/\d{4}$/);
  });

  it('closes on Escape when nothing was typed', async () => {
    await openRegister();
    const closed = jasmine.createSpy('closed');
    form.ref.afterClosed().subscribe(closed);
    await form.dialog.close();
    await form.settle();
    expect(closed).toHaveBeenCalled();
  });

  it('asks before Escape discards typed input, and keeps it on Cancel', async () => {
    await openRegister();
    const closed = jasmine.createSpy('closed');
    form.ref.afterClosed().subscribe(closed);
    await form.type('Given name', 'Ana');
    await form.dialog.close();
    await form.settle();
    const dialogs = await form.root.getAllHarnesses(MatDialogHarness);
    expect(dialogs.length).toBe(2);
    expect(await dialogs[1]!.getTitleText()).toBe('Discard what you typed?');
    await (await dialogs[1]!.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await form.settle();
    expect(closed).not.toHaveBeenCalled();
    expect(
      await (await form.dialog.getHarness(MatInputHarness.with({ value: 'Ana' }))).getValue(),
    ).toBe('Ana');

    await form.dialog.close();
    await form.settle();
    const confirm = (await form.root.getAllHarnesses(MatDialogHarness))[1]!;
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Discard' }))).click();
    await form.settle();
    expect(closed).toHaveBeenCalled();
  });

  it('checks the MRN format and a future birth date before saving', async () => {
    await openRegister();
    await fillRequired();
    await form.type('MRN', 'MRN 2001');
    await form.type('Birth date', '2999-01-01');
    await form.click(/Register patient/);
    expect(await form.errors('MRN')).toEqual(['MRN may use letters, digits and dashes only']);
    expect(await form.errors('Birth date')).toEqual(['Birth date cannot be in the future']);
    expect(save).not.toHaveBeenCalled();
  });

  it('shows a taken MRN (409 mrn-taken) under the MRN field and stays open', async () => {
    await openRegister();
    await fillRequired();
    save.and.resolveTo(
      failed({
        status: 409,
        title: 'MRN already registered',
        code: 'mrn-taken',
        errors: [{ path: 'mrn', message: 'This MRN belongs to another patient' }],
      }),
    );
    await form.click(/Register patient/);
    expect(save).toHaveBeenCalledWith(
      jasmine.objectContaining({ mrn: 'MRN-2001', runner: false, weeklyDistanceKm: null }),
    );
    expect(await form.errors('MRN')).toEqual(['This MRN belongs to another patient']);
  });

  it('stores a weekly distance typed in miles as km', async () => {
    unit.set('mi');
    await openRegister();
    await fillRequired();
    await (await form.dialog.getHarness(MatSlideToggleHarness)).toggle();
    await form.settle();
    await form.type('Usual weekly distance (miles)', '20');
    save.and.resolveTo({ ok: true, value: patient() });
    await form.click(/Register patient/);
    expect(save).toHaveBeenCalledWith(
      jasmine.objectContaining({ runner: true, weeklyDistanceKm: 32.19 }),
    );
  });

  it('on a version conflict shows their change, keeps your input and saves on top of their version', async () => {
    await openEdit();
    await form.type('Given name', 'Renata');
    const theirs = patient({ familyName: 'Marathon-Smith', version: 3 });
    save.and.resolveTo(
      failed(
        { status: 409, title: 'Version conflict', code: 'version-conflict' },
        { conflict: true, current: theirs },
      ),
    );
    await form.click(/Save changes/);

    const text = await (await form.dialog.host()).text();
    expect(text).toContain(PATIENT_CONFLICT_MESSAGE);
    expect(text).toContain('Marathon-Smith');
    const givenName = await form.dialog.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Given name' }),
    );
    const given = await givenName.getControl(MatInputHarness);
    expect(await given!.getValue()).toBe('Renata');
    expect(save.calls.mostRecent().args[1]).toBe(2);

    save.and.resolveTo({ ok: true, value: patient({ givenName: 'Renata', version: 4 }) });
    await form.click(/Save changes/);
    expect(save.calls.mostRecent().args[1]).toBe(3);
    expect(save.calls.mostRecent().args[0]).toEqual(
      jasmine.objectContaining({ givenName: 'Renata' }),
    );
  });
});
