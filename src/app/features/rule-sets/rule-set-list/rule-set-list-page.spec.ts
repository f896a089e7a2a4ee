import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { BUILT_IN_RULE_SETS, type RuleSetView } from '@domain';
import { settle, specProviders } from '../../../testing/test-fixtures.ts';
import { RULE_SETS_ROUTES } from '../rule-sets.routes.ts';

const settings = BUILT_IN_RULE_SETS[0]!.settings;
function ruleSet(overrides: Partial<RuleSetView>): RuleSetView {
  return {
    id: '1',
    key: 'medicare-lcd',
    name: 'Medicare LCD',
    version: 1,
    builtIn: true,
    source: 'ASIPP guidance [23][6]',
    isDefault: true,
    isLatest: true,
    createdAt: '2026-01-01T00:00:00Z',
    positiveThresholdPercent: 80,
    settings,
    ...overrides,
  };
}
const MEDICARE = ruleSet({});
const OURS = ruleSet({
  id: '7',
  key: 'practice-x',
  name: 'Our LCD',
  builtIn: false,
  isDefault: false,
  source: 'Copied from Medicare LCD v1',
});

describe('RuleSetListPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let rootLoader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: specProviders([{ path: 'admin/rule-sets', children: RULE_SETS_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/admin/rule-sets');
    await settle(harness.fixture);
    http.expectOne('/api/v1/rule-sets').flush([MEDICARE, OURS]);
    http.expectOne('/api/v1/practice-settings').flush({ timeZone: 'UTC', timeZoneIsDefault: true });
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    rootLoader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
  });

  afterEach(() => http.verify());

  const button = (text: string | RegExp, describedBy: string) =>
    loader.getHarness(
      MatButtonHarness.with({ text, selector: `[aria-describedby="rule-set-${describedBy}"]` }),
    );

  async function openEdit(): Promise<MatDialogHarness> {
    await (await button('Edit', '7')).click();
    return rootLoader.getHarness(MatDialogHarness);
  }
  const field = (dialog: MatDialogHarness, label: string) =>
    dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const type = async (dialog: MatDialogHarness, label: string, value: string) =>
    (await (await field(dialog, label)).getControl(MatInputHarness))!.setValue(value);

  it('lists rule sets with threshold and status; Edit only for the practice’s latest versions', async () => {
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['threshold'].text).toEqual(['≥ 80%', '≥ 80%']);
    expect(rows['builtIn'].text).toEqual(['Built-in', 'Practice']);
    expect(rows['status'].text[0]).toContain('Default');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Edit' }))).toHaveSize(1);
    expect(
      await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Make default' })),
    ).toHaveSize(1);
  });

  it('shows every setting of a built-in rule set and its source, with nothing to save (issue 14)', async () => {
    await (await button('View settings', '1')).click();
    const dialog = await rootLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Settings of Medicare LCD v1');
    const words = await dialog.getText();
    expect(words).toContain('Source: ASIPP guidance [23][6]');
    // Each citation leads to its full reference (domain.md "Sources").
    expect(words).toContain('[23] ASIPP guidance.');
    expect(words).toContain('[6] CGS "Pathway to an RFA Request" (2023).');
    const threshold = (await (
      await field(dialog, 'Positive threshold (%)')
    ).getControl(MatInputHarness))!;
    expect(await threshold.getValue()).toBe('80');
    expect(await threshold.isDisabled()).toBeTrue();
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: /Save/ }))).toHaveSize(0);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Close' }))).click();
    http.expectNone((r) => r.method !== 'GET');
  });

  it('checks edited settings against the schema before saving, under each field', async () => {
    const dialog = await openEdit();
    await type(dialog, 'Positive threshold (%)', '120');
    await type(dialog, 'Diary time points (minutes after the block)', '15, 30, soon, 30');
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Save new version/ }))).click();

    expect(await (await field(dialog, 'Positive threshold (%)')).getTextErrors()).toEqual([
      'Positive threshold must be from 0 to 100',
    ]);
    expect(
      await (await field(dialog, 'Diary time points (minutes after the block)')).getTextErrors(),
    ).toEqual(['Diary time point must be a whole number']);
    http.expectNone((r) => r.method === 'POST');
  });

  it('refuses a grey zone that starts at or above the threshold', async () => {
    const dialog = await openEdit();
    await type(dialog, 'Grey zone from (%)', '85');
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Save new version/ }))).click();
    expect(await (await field(dialog, 'Grey zone from (%)')).getTextErrors()).toEqual([
      'The grey zone must start below the positive threshold',
    ]);
    http.expectNone((r) => r.method === 'POST');
  });

  it('saves valid settings as a new version and reloads the list', async () => {
    const dialog = await openEdit();
    await type(dialog, 'Positive threshold (%)', '75');
    await type(dialog, 'Grey zone from (%)', '');
    await type(dialog, 'Diary time points (minutes after the block)', '60, 15, 30');
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Save new version/ }))).click();

    const post = http.expectOne('/api/v1/rule-sets/7/versions');
    expect(post.request.body.settings).toEqual({
      ...settings,
      positiveThresholdPercent: 75,
      greyZoneLowerPercent: null,
      diaryMinutes: [60, 15, 30],
    });
    post.flush(ruleSet({ ...OURS, id: '8', version: 2 }), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    http
      .expectOne('/api/v1/rule-sets')
      .flush([MEDICARE, { ...OURS, isLatest: false }, ruleSet({ ...OURS, id: '8', version: 2 })]);
    await settle(harness.fixture);
    expect(await rootLoader.getAllHarnesses(MatDialogHarness)).toHaveSize(0);
  });

  it('copies a rule set under the name given', async () => {
    await (await button('Copy', '1')).click();
    const dialog = await rootLoader.getHarness(MatDialogHarness);
    await type(dialog, 'Name of the copy', 'Our ASIPP');
    await (await dialog.getHarness(MatButtonHarness.with({ text: /^Copy$/ }))).click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/rule-sets');
    expect(post.request.body).toEqual({ fromId: '1', name: 'Our ASIPP' });
    post.flush(ruleSet({ id: '9', name: 'Our ASIPP', builtIn: false }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(harness.fixture);
    http.expectOne('/api/v1/rule-sets').flush([MEDICARE, OURS]);
    await settle(harness.fixture);
  });

  it('asks before making a rule set the default', async () => {
    await (await button('Make default', '7')).click();
    const confirm = await rootLoader.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Make Our LCD v1 the default?');
    http.expectNone((r) => r.method === 'PUT');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Make default' }))).click();
    await settle(harness.fixture);
    const put = http.expectOne('/api/v1/practice-settings/default-rule-set');
    expect(put.request.body).toEqual({ ruleSetId: '7' });
    put.flush([
      { ...MEDICARE, isDefault: false },
      { ...OURS, isDefault: true },
    ]);
    await settle(harness.fixture);
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['status'].text[1]).toContain('Default');
  });

  it("saves the practice time zone, and gives the schema's message for a zone that does not exist", async () => {
    const zone = await loader.getHarness(MatInputHarness.with({ placeholder: 'America/Denver' }));
    expect(await zone.getValue()).toBe('UTC');
    await zone.setValue('Mars/Olympus');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save time zone' }))).click();
    await settle(harness.fixture);
    expect(harness.fixture.nativeElement.textContent).toContain(
      'Time zone must be an IANA zone name',
    );
    await zone.setValue('America/Phoenix');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save time zone' }))).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/practice-settings' });
    expect(put.request.body).toEqual({ timeZone: 'America/Phoenix' });
    put.flush({ timeZone: 'America/Phoenix', timeZoneIsDefault: false });
    await settle(harness.fixture);
  });
});
