import { seedPractice } from '../demo/bulk-insert.ts';
import { smallPractice } from './small-practice.ts';
import { createTestApp, type Signed, type TestApp } from './test-app.ts';

describe('practice and outcomes reports', () => {
  let t: TestApp;
  let manager: Signed;
  let doc: Signed;
  let nurse: Signed;
  let fixture: { patients: string[]; mrns: string[] };
  const range = 'from=2026-01-01&to=2026-06-30';
  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });

  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('rep-manager', 'manager');
    await t.createUser('rep-doc', 'physician');
    await t.createUser('rep-nurse', 'nurse');
    manager = await t.login('rep-manager');
    doc = await t.login('rep-doc');
    nurse = await t.login('rep-nurse');
    const docId = (
      await t.db.kysely
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'rep-doc')
        .executeTakeFirstOrThrow()
    ).id;
    fixture = await smallPractice(t.db.kysely, String(docId));
  });
  afterAll(async () => t.close());

  it('outcomes: waterfall, verdicts under each rule set, conversion and durability as computed by hand', async () => {
    const res = await get(doc, `/api/v1/reports/outcomes?${range}&region=lumbar&kind=mbb`);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.waterfall.total).toBe(6);
    expect(o.waterfall.bars.map((b: { peakReliefPercent: number }) => b.peakReliefPercent)).toEqual(
      [100, 90, 80, 60, 50, 25],
    );
    expect(o.waterfall.bars.map((b: { verdict: string }) => b.verdict)).toEqual([
      'positive',
      'positive',
      'positive',
      'grey-zone',
      'grey-zone',
      'negative',
    ]);
    expect(o.waterfall.bars[0].patientId).toBe(fixture.patients[3]);
    const byName = Object.fromEntries(o.byRuleSet.map((r: { name: string }) => [r.name, r]));
    expect(byName['Medicare LCD v1']).toEqual(
      jasmine.objectContaining({ positive: 3, greyZone: 2, negative: 1, notAssessable: 1 }),
    );
    expect(byName['Lumbar consensus 2020 v1']).toEqual(
      jasmine.objectContaining({ positive: 5, greyZone: 0, negative: 1, notAssessable: 1 }),
    );
    expect(byName['Cervical consensus 2021 v1']).toEqual(
      jasmine.objectContaining({ positive: 4, negative: 2, notAssessable: 1 }),
    );
    expect(o.eligibilityChange).toEqual({ patients: 2, positiveAt50: 4, positiveAt80: 2 });
    expect(o.conversion).toEqual({ patientsWithMbb: 6, patientsWithRfa: 2, rate: 2 / 6 });
    expect(o.durability.rfas).toBe(2);
    expect(o.durability.curve).toEqual([
      { days: 30, atRisk: 2, events: 0, censored: 1, survival: 1 },
      { days: 180, atRisk: 1, events: 1, censored: 0, survival: 0 },
    ]);
    // 6 months (183 days) is past the longest follow-up (180 days): not known, not 0 (kaplan-meier.ts survivalAt).
    expect(o.durability.at).toEqual([
      { months: 3, share: 1 },
      { months: 6, share: null },
      { months: 12, share: null },
    ]);
    expect(o.running).toEqual({ runners: 0, yes: 0, partial: 0, no: 0, notChecked: 0 });
  });

  it("counts eligibility change under the practice's latest version of each rule, not the built-in one", async () => {
    const lcd = await t.db.kysely
      .selectFrom('rule_sets')
      .selectAll()
      .where('key', '=', 'medicare-lcd')
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    // A later LCD version that asks 50% as the consensus does: no patient changes eligibility.
    const v2 = await t.db.kysely
      .insertInto('rule_sets')
      .values({
        key: lcd.key,
        name: lcd.name,
        version: lcd.version + 1,
        source: lcd.source,
        settings: JSON.stringify({ ...lcd.settings, positiveThresholdPercent: 50 }),
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const o = (await get(doc, `/api/v1/reports/outcomes?${range}&region=lumbar&kind=mbb`)).json();
      expect(o.eligibilityChange).toEqual({ patients: 0, positiveAt50: 4, positiveAt80: 4 });
    } finally {
      await t.db.kysely.deleteFrom('rule_sets').where('id', '=', v2.id).execute();
    }
  });

  it('reads scores added or entered in error since (the stored series follow pain_scores, migration 0014)', async () => {
    const peakOf = async () => {
      const o = (await get(doc, `/api/v1/reports/outcomes?${range}&region=lumbar&kind=mbb`)).json();
      const bar = o.waterfall.bars.find(
        (b: { patientId: string }) => b.patientId === fixture.patients[1],
      );
      return { peak: bar.peakReliefPercent, procedureId: bar.procedureId as string };
    };
    const before = await peakOf();
    expect(before.peak).toBe(60);
    const userId = (
      await t.db.kysely
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'rep-doc')
        .executeTakeFirstOrThrow()
    ).id;
    const added = await t.db.kysely
      .insertInto('pain_scores')
      .values({
        procedure_id: before.procedureId,
        minutes_after: 60,
        describes_at: new Date('2026-03-02T10:00:00Z'),
        score: 1,
        context: 'activity',
        recorded_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await peakOf()).peak).toBe(90);
    await t.db.kysely
      .updateTable('pain_scores')
      .set({ error_at: new Date(), error_by: userId, error_reason: 'wrong time point' })
      .where('id', '=', added.id)
      .execute();
    expect((await peakOf()).peak).toBe(60);
  });

  it('outcomes filters narrow the cohort (another region, agent or level has no blocks)', async () => {
    for (const filter of ['region=cervical', 'agent=bupivacaine', 'level=L5-S1', 'runners=true']) {
      const o = (await get(doc, `/api/v1/reports/outcomes?${range}&${filter}`)).json();
      expect(o.waterfall.total).withContext(filter).toBe(0);
    }
    expect(
      (await get(doc, `/api/v1/reports/outcomes?${range}&level=L4-L5&runners=false`)).json()
        .waterfall.total,
    ).toBe(6);
  });

  it('practice: counts, rates and medians, small cells as "< 5"', async () => {
    const res = await get(manager, `/api/v1/reports/practice?${range}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.proceduresByMonth).toEqual([
      { month: '2026-03', kind: 'mbb', count: 7 },
      { month: '2026-04', kind: 'rfa', count: '< 5' },
    ]);
    expect(p.blocks).toEqual({ assessed: 6, positive: '< 5', positiveRate: 0.5 });
    expect(p.conversion).toEqual({ patientsWithMbb: 6, patientsWithRfa: '< 5', rate: 2 / 6 });
    expect(p.medianDays).toEqual({ intakeToFirstBlock: 60, lastBlockToRfa: null });
    expect(p.stages.find((s: { stage: string }) => s.stage === 'diagnostic-blocks').current).toBe(
      '< 5',
    );
    // 7 MBBs x (baseline + 25 diary points) expected; 6 baselines + 7 scores at 30 min recorded.
    expect(p.diary).toEqual({
      procedures: 7,
      expectedPoints: 182,
      recordedPoints: 13,
      completeness: 13 / 182,
      overdueProcedures: 0,
    });
    const performer = p.proceduresByPerformer[0].performer;
    expect(p.followUps).toEqual([{ performer, due: 7, done: 5, overdue: '< 5', rate: 5 / 7 }]);
  });

  it('an empty range gives an empty, valid response', async () => {
    const p = (await get(manager, '/api/v1/reports/practice?from=2000-01-01&to=2000-01-31')).json();
    expect(p.proceduresByMonth).toEqual([]);
    expect(p.blocks).toEqual({ assessed: 0, positive: 0, positiveRate: null });
    const o = (await get(doc, '/api/v1/reports/outcomes?from=2000-01-01&to=2000-01-31')).json();
    expect(o.waterfall).toEqual(jasmine.objectContaining({ total: 0, bars: [] }));
    expect(o.durability).toEqual({
      rfas: 0,
      at: [
        { months: 3, share: null },
        { months: 6, share: null },
        { months: 12, share: null },
      ],
      curve: [],
    });
  });

  it('refuses bad filters with field messages', async () => {
    const cases: [string, string][] = [
      ['from=2026-05-01&to=2026-01-01', 'query.to'],
      ['from=2026-13-01', 'query.from'],
      ['from=1990-01-01&to=2026-01-01', 'query.from'],
      ['region=knee', 'query.region'],
      ['kind=x', 'query.kind'],
      ['level=L4', 'query.level'],
      ['agent=x', 'query.agent'],
      ['runners=maybe', 'query.runners'],
      ['performerId=abc', 'query.performerId'],
    ];
    for (const [query, path] of cases) {
      const res = await get(doc, `/api/v1/reports/outcomes?${query}`);
      expect(res.statusCode).withContext(query).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path))
        .withContext(query)
        .toContain(path);
    }
    expect((await get(manager, '/api/v1/reports/practice?to=yesterday')).statusCode).toBe(400);
  });

  it('gives managers no patient-level data: outcomes, patients and procedures are 403; nurses see no reports', async () => {
    for (const url of [
      '/api/v1/reports/outcomes',
      `/api/v1/patients/${fixture.patients[0]}`,
      '/api/v1/patients',
      '/api/v1/procedures/1',
    ]) {
      expect((await get(manager, url)).statusCode)
        .withContext(url)
        .toBe(403);
    }
    expect((await get(nurse, '/api/v1/reports/practice')).statusCode).toBe(403);
    expect((await get(nurse, '/api/v1/reports/outcomes')).statusCode).toBe(403);
  });

  it('records each report read in the audit trail', async () => {
    await get(doc, `/api/v1/reports/outcomes?${range}&region=lumbar`);
    const last = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'report.read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.entity_id).toBe('outcomes');
    expect(last.details).toEqual(
      jasmine.objectContaining({ region: 'lumbar', from: '2026-01-01' }),
    );
  });
});

// Its own database: the walk adds a generated practice beside the small one.
describe('manager responses', () => {
  let w: TestApp;
  let manager: Signed;
  const range = 'from=2026-01-01&to=2026-06-30';
  beforeAll(async () => {
    w = await createTestApp();
    await w.createUser('walk-manager', 'manager');
    await w.createUser('walk-doc', 'physician');
    manager = await w.login('walk-manager');
    const docId = (
      await w.db.kysely
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'walk-doc')
        .executeTakeFirstOrThrow()
    ).id;
    await smallPractice(w.db.kysely, String(docId));
    await seedPractice(w.db.kysely, { patients: 40, seed: 5, until: '2026-06-30', spanDays: 365 });
  });
  afterAll(async () => w.close());

  it('puts no identifier in any response a manager can read (walking every GET route)', async () => {
    const rows = await w.db.kysely
      .selectFrom('patients')
      .select(['mrn', 'given_name', 'family_name', 'birth_date'])
      .execute();
    const texts = await w.db.kysely.selectFrom('episodes').select('index_pain').execute();
    const identifiers = new Set<string>([
      ...rows.flatMap((r) => [
        r.mrn,
        r.given_name,
        r.family_name,
        String(r.birth_date).slice(0, 10),
      ]),
      ...texts.map((r) => r.index_pain),
    ]);
    const doc = (
      await w.app.inject({ method: 'GET', url: '/api/docs/json', headers: manager.read })
    ).json() as { paths: Record<string, Record<string, unknown>> };
    const reached: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!('get' in methods)) continue;
      for (const query of ['', `?${range}`, '?from=2025-06-01&to=2026-06-30']) {
        const res = await w.app.inject({
          method: 'GET',
          url: path.replace('{id}', '1') + query,
          headers: manager.read,
        });
        if (res.statusCode !== 200) continue;
        reached.push(path);
        const leaked = [...identifiers].filter((id) =>
          new RegExp(`\\b${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(res.body),
        );
        expect(leaked)
          .withContext(path + query)
          .toEqual([]);
      }
    }
    expect(reached).toContain('/api/v1/reports/practice');
  });
});
