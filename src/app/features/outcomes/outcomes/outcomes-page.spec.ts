import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OutcomesReport } from '@domain';
import { tableCsv } from '../../../shared/ui/csv-button/csv-button.ts';
import { settle, specProviders } from '../../../testing/test-fixtures.ts';
import { OUTCOMES_ROUTES } from '../outcomes.routes.ts';
import { waterfall } from '../ui/outcome-charts.ts';

const REPORT: OutcomesReport = {
  from: '2026-01-01',
  to: '2026-06-30',
  waterfall: {
    total: 2,
    truncated: false,
    thresholds: [
      { ruleSet: 'Medicare LCD v1', percent: 80 },
      { ruleSet: 'Lumbar consensus 2020 v1', percent: 50 },
    ],
    bars: [
      {
        procedureId: '11',
        patientId: '3',
        performedAt: '2026-03-02T09:00:00.000Z',
        peakReliefPercent: 90,
        verdict: 'positive',
      },
      {
        procedureId: '12',
        patientId: '4',
        performedAt: '2026-03-03T09:00:00.000Z',
        peakReliefPercent: 60,
        verdict: 'grey-zone',
      },
    ],
  },
  byRuleSet: [
    {
      ruleSetId: '1',
      name: 'Medicare LCD v1',
      positive: 1,
      greyZone: 1,
      negative: 0,
      notAssessable: 0,
    },
  ],
  eligibilityChange: { patients: 1, positiveAt50: 2, positiveAt80: 1 },
  conversion: { patientsWithMbb: 2, patientsWithRfa: 1, rate: 0.5 },
  durability: {
    rfas: 1,
    at: [
      { months: 3, share: 1 },
      { months: 6, share: null },
      { months: 12, share: null },
    ],
    curve: [{ days: 90, atRisk: 1, events: 0, censored: 1, survival: 1 }],
  },
  agreement: {
    total: 1,
    points: [{ procedureId: '11', patientId: '3', nrsPeak: 90, reportedPeak: 85 }],
  },
  running: { runners: 0, yes: 0, partial: 0, no: 0, notChecked: 0 },
};
const EMPTY: OutcomesReport = {
  ...REPORT,
  waterfall: { total: 0, truncated: false, thresholds: [], bars: [] },
  byRuleSet: [],
  agreement: { total: 0, points: [] },
  durability: { rfas: 0, at: [], curve: [] },
};

describe('OutcomesPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(report: OutcomesReport): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: specProviders([{ path: 'outcomes', children: OUTCOMES_ROUTES }]),
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/outcomes');
    await settle(harness.fixture);
    http.expectOne((r) => r.url === '/api/v1/reports/outcomes').flush(report);
    await settle(harness.fixture);
    return harness.routeNativeElement!;
  }
  afterEach(() => http?.verify());

  it('shows the waterfall with verdicts named in its table, each row opening the procedure', async () => {
    const page = await open(REPORT);
    const waterfallFigure = [...page.querySelectorAll('figure')].find((f) =>
      f.textContent?.includes('Peak relief per diagnostic block'),
    )!;
    expect(waterfallFigure.textContent).toContain('Grey zone');
    const link = waterfallFigure.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/procedures/11');
    expect(page.textContent).toContain('50%');
  });

  it('says when the figures were read', async () => {
    const page = await open({ ...REPORT, asOf: '2026-06-30T13:05:00.000Z' });
    const expected = new Date('2026-06-30T13:05:00.000Z');
    const hh = String(expected.getHours()).padStart(2, '0');
    const mm = String(expected.getMinutes()).padStart(2, '0');
    expect(page.querySelector('.as-of')?.textContent).toContain(`${hh}:${mm}`);
    expect(page.querySelector('.as-of')?.textContent).toContain('Figures as of');
  });

  it('says so when nothing matches instead of drawing empty charts', async () => {
    const page = await open(EMPTY);
    expect(page.textContent).toContain('No blocks match');
    expect(page.querySelector('canvas')).toBeNull();
  });

  it('shows a range in the wrong order under the field and does not ask the server', async () => {
    const page = await open(REPORT);
    const [from, to] = [
      ...page.querySelectorAll('input[placeholder="DD/MM/YYYY"]'),
    ] as HTMLInputElement[];
    expect(from!.value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    from!.value = '01/05/2026';
    from!.dispatchEvent(new Event('input'));
    to!.value = '01/01/2026';
    to!.dispatchEvent(new Event('input'));
    (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(harness.fixture);
    expect(page.textContent).toContain('To must be on or after From');
  });

  it('downloads the same values as the table, quoted by papaparse', () => {
    const csv = tableCsv(waterfall(REPORT).table);
    expect(csv.split('\r\n')[0]).toBe('Block,Date,Peak relief (%),Verdict,Procedure id,Patient id');
    expect(csv).toContain('Block 2,03/03/2026,60,Grey zone,12,4');
  });

  it('labels close thresholds on alternate sides with the value only, naming rule sets in the key', () => {
    const w = waterfall({
      ...REPORT,
      waterfall: {
        ...REPORT.waterfall,
        thresholds: [
          { ruleSet: 'ASIPP v1', percent: 75 },
          { ruleSet: 'Medicare LCD v1', percent: 80 },
          { ruleSet: 'Cervical consensus 2021 v1', percent: 80 },
          { ruleSet: 'Lumbar consensus 2020 v1', percent: 50 },
        ],
      },
    });
    const lines = Object.values(
      (w.config.options as { plugins: { annotation: { annotations: object } } }).plugins.annotation
        .annotations,
    ) as { yMin: number; label: { content: string; position: string } }[];
    expect(lines.map((l) => [l.yMin, l.label.content, l.label.position])).toEqual([
      [80, '80%', 'end'],
      [75, '75%', 'start'],
      [50, '50%', 'end'],
    ]);
    expect(w.thresholdKey).toEqual([
      '80% (dashed line): Medicare LCD v1, Cervical consensus 2021 v1',
      '75% (dotted line): ASIPP v1',
      '50% (long dashes): Lumbar consensus 2020 v1',
    ]);
  });
});
