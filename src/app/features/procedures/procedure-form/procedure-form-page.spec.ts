import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipListboxHarness } from '@angular/material/chips/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { EpisodeView } from '@domain';
import { problemResponse, settle } from '../../../testing/test-fixtures.ts';
import { EPISODE_PROCEDURES_ROUTES } from '../procedures.routes.ts';
import { pageProviders, procedureView, signInAs } from '../testing/procedure-fixtures.ts';
import { FREQUENCY_NOT_MET } from '../../../shared/ui/payer-checks/testing/payer-check-fixtures.ts';
import { PayerCheckListHarness } from '../../../shared/ui/payer-checks/testing/payer-check-list-harness.ts';

@Component({ template: 'procedure page' })
class ProcedureStub {}

const EPISODE = {
  id: '3',
  patientId: '2',
  region: 'lumbar',
  side: 'bilateral',
  onsetDate: '2026-01-10',
  indexPain: 'Low back',
  signs: [],
  causes: [],
  baselineNrsRest: null,
  baselineNrsActivity: 8,
  stage: 'diagnostic-blocks',
  ruleSetId: '1',
  createdAt: '2026-01-10T00:00:00Z',
  createdByName: 'Dr. Priya Patel',
  version: 1,
  stageHistory: [],
} as unknown as EpisodeView;

describe('ProcedureFormPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: pageProviders([
        { path: 'episodes/:episodeId/procedures', children: EPISODE_PROCEDURES_ROUTES },
        { path: 'procedures/:id', component: ProcedureStub },
      ]),
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(http, 'physician');
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/episodes/3/procedures/new');
    await settle(harness.fixture);
    await navigation;
    await settle(harness.fixture);
    http.expectOne('/api/v1/episodes/3').flush(EPISODE);
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => http.verify());

  const field = (label: string) =>
    loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const save = async () =>
    (await loader.getHarness(MatButtonHarness.with({ text: /Save procedure/ }))).click();
  const text = () => harness.routeNativeElement!.textContent!.replace(/\s+/g, ' ');
  const isCreate = (r: { method: string; url: string }) =>
    r.method === 'POST' && r.url === '/api/v1/episodes/3/procedures';
  /** Answers the dry run that precedes every save. */
  async function answerDryRun(failing: unknown[] = []) {
    const dryRun = http.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/v1/episodes/3/procedures/check',
    );
    dryRun.flush({ failing });
    await settle(harness.fixture);
    return dryRun;
  }

  async function fillLidocaineMbb(): Promise<void> {
    await (await loader.getHarness(MatChipListboxHarness)).selectChips({ text: 'L4-L5' });
    const agent = (await (await field('Agent')).getControl(MatSelectHarness))!;
    await agent.open();
    await agent.clickOptions({ text: 'Lidocaine' });
    await (await (await field('Concentration (%)')).getControl(MatInputHarness))!.setValue('2');
    await (await (await field('Volume (mL)')).getControl(MatInputHarness))!.setValue('0.5');
  }

  it('offers the levels of the episode’s region and starts on its side', async () => {
    const chips = await (await loader.getHarness(MatChipListboxHarness)).getChips();
    expect(await Promise.all(chips.map((c) => c.getText()))).toEqual([
      'L1-L2',
      'L2-L3',
      'L3-L4',
      'L4-L5',
      'L5-S1',
    ]);
    expect(await (await (await field('Side')).getControl(MatSelectHarness))!.getValueText()).toBe(
      'Bilateral',
    );
  });

  it('shows the schema’s messages under the fields and sends nothing', async () => {
    await save();
    expect(text()).toContain('Choose at least one level');
    expect(await (await field('Agent')).getTextErrors()).toEqual(['Choose the anesthetic agent']);
    expect(await (await field('Concentration (%)')).getTextErrors()).toEqual([
      'Concentration must be a number',
    ]);
    http.expectNone((r) => r.method === 'POST');
  });

  it('sends the procedure, shows a server level error under the levels, then opens the saved procedure', async () => {
    await fillLidocaineMbb();
    await save();
    const dryRun = await answerDryRun();
    const first = http.expectOne(isCreate);
    expect(first.request.body).toEqual(dryRun.request.body);
    expect(first.request.body).toEqual(
      jasmine.objectContaining({
        kind: 'mbb',
        intent: 'diagnostic',
        levels: ['L4-L5'],
        side: 'bilateral',
        guidance: 'fluoroscopy',
        sedation: 'none',
        anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
        steroid: null,
        complications: [],
      }),
    );
    first.flush(
      {
        status: 400,
        title: 'Bad request',
        errors: [{ path: 'levels.0', message: 'L4-L5 is not a lumbar level' }],
      },
      problemResponse(400, 'Bad Request'),
    );
    await settle(harness.fixture);
    expect(text()).toContain('L4-L5 is not a lumbar level');

    await save();
    await answerDryRun();
    http
      .expectOne(isCreate)
      .flush(procedureView({ id: '11' }), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/procedures/11');
  });

  it('shows the checks a planned procedure would fail, with evidence, and requires a reason before saving', async () => {
    await fillLidocaineMbb();
    await save();
    await answerDryRun([FREQUENCY_NOT_MET]);
    http.expectNone(isCreate);
    expect(text()).toContain('A payer-rule check would fail');
    const [failing] = await (await loader.getHarness(PayerCheckListHarness)).getChecks();
    expect(failing!.status).toBe('Not met');
    expect(failing!.message).toContain('3 RFA sessions in the 12 months');
    expect(failing!.evidence).toEqual([
      'RFA #1 on 1 Oct 2026',
      'RFA #2 on 1 Nov 2026',
      'RFA #3 (planned) on 20 Nov 2026',
    ]);
    expect(await (await field('Reason for going ahead')).getTextErrors()).toEqual([
      'Give a reason for going ahead although these checks fail',
    ]);

    await (await (await field('Reason for going ahead')).getControl(MatInputHarness))!.setValue(
      'Recurrence after a fall',
    );
    await save();
    await answerDryRun([FREQUENCY_NOT_MET]);
    const create = http.expectOne(isCreate);
    expect(create.request.body.overrideReason).toBe('Recurrence after a fall');
    create.flush(procedureView({ id: '13' }), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    expect(TestBed.inject(Router).url).toBe('/procedures/13');
  });

  it('sends no override reason when the dry run finds nothing failing', async () => {
    await fillLidocaineMbb();
    await save();
    await answerDryRun();
    const create = http.expectOne(isCreate);
    expect(create.request.body.overrideReason).toBeNull();
    expect(text()).not.toContain('would fail');
    create.flush(procedureView({ id: '14' }), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
  });

  it('still asks for a reason when the server refuses with checks-failed after a clean dry run', async () => {
    await fillLidocaineMbb();
    await save();
    await answerDryRun();
    http.expectOne(isCreate).flush(
      {
        status: 422,
        title: 'Payer-rule checks fail',
        code: 'checks-failed',
        detail:
          'This procedure would fail: a third level is flagged. Record an override reason to go ahead.',
        errors: [
          {
            path: 'overrideReason',
            message: 'Give a reason for going ahead although these checks fail',
          },
        ],
        current: [FREQUENCY_NOT_MET],
      },
      problemResponse(422, 'Unprocessable Entity'),
    );
    await settle(harness.fixture);
    expect(text()).toContain('3 RFA sessions in the 12 months');
    expect(await (await field('Reason for going ahead')).getTextErrors()).toEqual([
      'Give a reason for going ahead although these checks fail',
    ]);

    await (await (await field('Reason for going ahead')).getControl(MatInputHarness))!.setValue(
      'Documented exception',
    );
    await save();
    await answerDryRun([FREQUENCY_NOT_MET]);
    const second = http.expectOne(isCreate);
    expect(second.request.body.overrideReason).toBe('Documented exception');
    second.flush(procedureView({ id: '12' }), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
  });
});
