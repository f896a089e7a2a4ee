import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { PainScoreInputHarness } from '../../../shared/ui/pain-score-input/testing/pain-score-input-harness.ts';
import { problemResponse, settle } from '../../../testing/test-fixtures.ts';
import { PROCEDURE_ROUTES } from '../procedures.routes.ts';
import {
  painDiary,
  painScore,
  pageProviders,
  procedureView,
  signInAs,
} from '../testing/procedure-fixtures.ts';

describe('PainDiaryPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  const text = () => (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
  /** Each time point as "30 min: Due now" (icon names left out). */
  const pointTexts = () =>
    [...harness.routeNativeElement!.querySelectorAll('.point')].map((point) => {
      const time = point.querySelector('.time')!.textContent!.trim();
      const status = point.querySelector('.status')!.lastChild!.textContent!.trim();
      return `${time}: ${status}`;
    });
  const isDiary = (r: { method: string; url: string }) =>
    r.method === 'GET' && r.url === '/api/v1/procedures/11/pain-scores';

  async function openDiary(procedure = procedureView(), diary = painDiary()): Promise<void> {
    harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/procedures/11/diary');
    await settle(harness.fixture);
    await navigation;
    await settle(harness.fixture);
    http.expectOne('/api/v1/procedures/11').flush(procedure);
    http.expectOne(isDiary).flush(diary);
    await settle(harness.fixture);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: pageProviders([{ path: 'procedures/:id', children: PROCEDURE_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
    localStorage.removeItem('facettrack.diary.context');
    localStorage.removeItem('facettrack.diary.side');
    await signInAs(http, 'nurse');
  });

  afterEach(() => http.verify());

  it('opens on the next due time point and shows each point’s status in words', async () => {
    await openDiary();
    const score = await loader.getHarness(PainScoreInputHarness);
    expect(await score.getLabel()).toBe('Pain at 30 min (NRS 0-10)');
    const selected = harness.routeNativeElement!.querySelector('[aria-pressed="true"]');
    expect(selected?.textContent).toContain('30 min');
    expect(selected?.textContent).toContain('Due now');
    expect(pointTexts()).toEqual([
      'Baseline: Done',
      '15 min: Done',
      '30 min: Due now',
      '45 min: Upcoming',
      '1 h: Upcoming',
    ]);
  });

  it('gives a score taken at an odd time its real time, refusing a time it cannot read', async () => {
    await openDiary();
    const other =
      harness.routeNativeElement!.querySelector<HTMLInputElement>('mat-checkbox input')!;
    other.click();
    await settle(harness.fixture);
    const takenAt = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName="takenAt"]' }),
    );
    expect(await takenAt.getValue()).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/); // now, day first, 24-hour

    await takenAt.setValue('31021990');
    const score = await loader.getHarness(PainScoreInputHarness);
    await score.typeKeys('4');
    await score.pressEnter();
    await settle(harness.fixture);
    http.expectNone((r) => r.method === 'POST');
    expect(text()).toContain('Taken at must be a day and time like 02/12/2026 14:05');

    await takenAt.setValue('25/11/2026 10:47');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Save score/ }))).click();
    const post = http.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/v1/procedures/11/pain-scores',
    );
    expect(post.request.body.recordedAt).toBe(new Date(2026, 10, 25, 10, 47).toISOString());
    expect(post.request.body.minutesAfter).toBeUndefined();
    post.flush(painScore({ id: '103', minutesAfter: 47, score: 4 }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(harness.fixture);
    http.expectOne(isDiary).flush(painDiary());
    await settle(harness.fixture);
    expect(text()).toContain('Saved 4 at 47 min');
  });

  it('saves a score typed on the keyboard with one Enter, says so, and moves to the next due point', async () => {
    await openDiary();
    const score = await loader.getHarness(PainScoreInputHarness);
    await score.typeKeys('3');
    await score.pressEnter();

    const post = http.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/v1/procedures/11/pain-scores',
    );
    expect(post.request.body).toEqual({
      minutesAfter: 30,
      score: 3,
      context: 'activity',
      side: null,
      reportedReliefPercent: null,
    });
    post.flush(painScore({ id: '102', minutesAfter: 30, score: 3 }), {
      status: 201,
      statusText: 'Created',
    });
    await settle(harness.fixture);
    http.expectOne(isDiary).flush(
      painDiary({
        schedule: [
          { minutesAfter: 0, status: 'done' },
          { minutesAfter: 15, status: 'done' },
          { minutesAfter: 30, status: 'done' },
          { minutesAfter: 45, status: 'due' },
          { minutesAfter: 60, status: 'upcoming' },
        ],
      }),
    );
    await settle(harness.fixture);

    expect(harness.routeNativeElement!.querySelector('[role="status"]')?.textContent).toContain(
      'Saved 3 at 30 min',
    );
    expect(await score.getLabel()).toBe('Pain at 45 min (NRS 0-10)');
    expect(await score.getValue()).toBeNull();
  });

  it('types 10 as "1" then "0" and sends the chosen context, side and reported relief', async () => {
    await openDiary();
    await (
      await loader.getHarness(
        MatButtonToggleGroupHarness.with({ selector: '[aria-labelledby="context-label"]' }),
      )
    )
      .getToggles({ text: 'At rest' })
      .then(([rest]) => rest!.check());
    const [left] = await (
      await loader.getHarness(
        MatButtonToggleGroupHarness.with({ selector: '[aria-labelledby="side-label"]' }),
      )
    ).getToggles({ text: 'Left' });
    await left!.check();
    await (
      await loader.getHarness(
        MatInputHarness.with({ selector: '[formControlName="reportedReliefPercent"]' }),
      )
    ).setValue('40');
    const score = await loader.getHarness(PainScoreInputHarness);
    await score.typeKeys('1', '0');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Save score/ }))).click();

    const post = http.expectOne((r) => r.method === 'POST');
    expect(post.request.body).toEqual({
      minutesAfter: 30,
      score: 10,
      context: 'rest',
      side: 'left',
      reportedReliefPercent: 40,
    });
    expect(localStorage.getItem('facettrack.diary.context')).toBe('rest');
    post.flush(painScore({ minutesAfter: 30, score: 10 }), { status: 201, statusText: 'Created' });
    await settle(harness.fixture);
    http.expectOne(isDiary).flush(painDiary());
    await settle(harness.fixture);
  });

  it('asks for a score before saving, and shows the server’s field message inline', async () => {
    await openDiary();
    const score = await loader.getHarness(PainScoreInputHarness);
    await score.pressEnter();
    http.expectNone((r) => r.method === 'POST');
    expect(text()).toContain('Pain score is required');

    await score.select(5);
    await score.pressEnter();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        {
          status: 400,
          title: 'Bad request',
          errors: [{ path: 'minutesAfter', message: 'This time is before the recorded baseline' }],
        },
        problemResponse(400, 'Bad Request'),
      );
    await settle(harness.fixture);
    expect(text()).toContain('This time is before the recorded baseline');
  });

  it('offers the side only for bilateral procedures', async () => {
    await openDiary(procedureView({ side: 'left' }));
    expect(
      await loader.getAllHarnesses(
        MatButtonToggleGroupHarness.with({ selector: '[aria-labelledby="side-label"]' }),
      ),
    ).toHaveSize(0);
  });

  it('flags late entries and marks a score entered in error after asking why', async () => {
    await openDiary();
    expect(text()).toContain('Entered late');
    const [, second] = await loader.getAllHarnesses(
      MatButtonHarness.with({ text: 'Entered in error' }),
    );
    await second!.click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(harness.fixture).getHarness(
      MatDialogHarness,
    );
    await (
      await dialog.getHarness(MatButtonHarness.with({ text: 'Mark entered in error' }))
    ).click();
    expect(await dialog.getText()).toContain('Reason is required');
    await (await dialog.getHarness(MatInputHarness)).setValue('Wrong patient');
    await (
      await dialog.getHarness(MatButtonHarness.with({ text: 'Mark entered in error' }))
    ).click();
    await settle(harness.fixture);

    const mark = http.expectOne('/api/v1/pain-scores/101/entered-in-error');
    expect(mark.request.body).toEqual({ version: 1, reason: 'Wrong patient' });
    mark.flush(null, { status: 204, statusText: 'No Content' });
    await settle(harness.fixture);
    http.expectOne(isDiary).flush(
      painDiary({
        scores: [
          painScore(),
          painScore({
            id: '101',
            minutesAfter: 15,
            score: 4,
            enteredInError: {
              reason: 'Wrong patient',
              at: '2026-11-25T09:00:00Z',
              byName: 'Nora Nurse',
            },
          }),
        ],
      }),
    );
    await settle(harness.fixture);
    expect(text()).toContain('Entered in error: Wrong patient');
  });
});
