/** Opens a dialog widget alone for a spec, with the data a page would pass (never imported by app code). */
import { Component, type Type } from '@angular/core';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { settle, specProviders } from '../../testing/test-fixtures.ts';

@Component({ template: '' })
class DialogSpecHost {}

/** A dialog opened for a spec, with helpers to fill and read its fields. */
export interface OpenedDialog<R> {
  ref: MatDialogRef<unknown, R>;
  dialog: MatDialogHarness;
  root: HarnessLoader;
  /** Types into the input of the field with this label. */
  type(label: string, value: string): Promise<void>;
  /** The messages under the field with this label. */
  errors(label: string): Promise<string[]>;
  click(text: string | RegExp): Promise<void>;
  settle(): Promise<void>;
}

export async function openDialogForSpec<D, R>(
  component: Type<unknown>,
  data: D,
): Promise<OpenedDialog<R>> {
  TestBed.configureTestingModule({ providers: specProviders() });
  const fixture = TestBed.createComponent(DialogSpecHost);
  const ref = TestBed.inject(MatDialog).open<unknown, D, R>(component, { data });
  await settle(fixture);
  const root = TestbedHarnessEnvironment.documentRootLoader(fixture);
  const dialog = await root.getHarness(MatDialogHarness);
  const field = (label: string) =>
    dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  return {
    ref,
    dialog,
    root,
    async type(label, value) {
      await (await (await field(label)).getControl(MatInputHarness))!.setValue(value);
    },
    async errors(label) {
      return (await field(label)).getTextErrors();
    },
    async click(text) {
      await (await dialog.getHarness(MatButtonHarness.with({ text }))).click();
      await settle(fixture);
    },
    settle: () => settle(fixture),
  };
}
