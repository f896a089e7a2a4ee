import { addDays, todayIn } from '../../domain/index.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/** The rules of issue 9 driven through the API: the same cases as the domain specs, end to end. */
describe('clinical rules over the API (per side, per session, local dates)', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  let admin: Signed;
  const ZONE = 'America/Phoenix'; // UTC-7 all year (no DST)
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('nurse9', 'nurse');
    await t.createUser('doc9', 'physician');
    await t.createUser('admin9', 'admin');
    [nurse, doc, admin] = [await t.login('nurse9'), await t.login('doc9'), await t.login('admin9')];
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/practice-settings',
      headers: admin.write,
      payload: { timeZone: ZONE },
    });
    expect(res.statusCode).toBe(200);
  }, 60_000);
  afterAll(async () => t?.close());

  const post = (as: Signed, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const localDaysAgo = (d: number) => addDays(todayIn(ZONE), -d);

  async function episode(over: Record<string, unknown> = {}): Promise<string> {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('R-'),
        givenName: 'Rhea',
        familyName: 'Rules',
        birthDate: '1979-05-01',
        sex: 'female',
      })
    ).json();
    const e = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'bilateral',
        onsetDate: localDaysAgo(300),
        indexPain: 'Low back',
        baselineNrsRest: 5,
        baselineNrsActivity: 7,
        radiculopathy: 'none',
        otherCause: 'none',
        ...over,
      })
    ).json();
    await post(nurse, `/api/v1/episodes/${e.id}/therapies`, {
      kind: 'physical-therapy',
      startDate: localDaysAgo(160),
      endDate: localDaysAgo(70),
      response: 'partial',
    });
    await post(nurse, `/api/v1/episodes/${e.id}/function-scores`, {
      instrument: 'odi',
      takenOn: localDaysAgo(150),
      sections: {
        'pain-intensity': 3,
        'personal-care': 2,
        lifting: 3,
        walking: 2,
        sitting: 2,
        standing: 3,
        sleeping: 2,
        'sex-life': 2,
        'social-life': 2,
        travelling: 2,
      },
    });
    return e.id;
  }
  const proc = (performedAt: string, over: Record<string, unknown> = {}) => ({
    kind: 'mbb',
    intent: 'diagnostic',
    performedAt,
    levels: ['L4-L5'],
    side: 'bilateral',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    ...over,
  });
  /** 09:00 local (16:00 UTC) on a local day N days ago. */
  const at = (d: number, utcTime = '16:00') => `${localDaysAgo(d)}T${utcTime}:00.000Z`;
  async function create(episodeId: string, body: Record<string, unknown>): Promise<string> {
    const res = await post(doc, `/api/v1/episodes/${episodeId}/procedures`, {
      overrideReason: 'spec',
      ...body,
    });
    expect(res.statusCode).withContext(res.body).toBe(201);
    return res.json().id;
  }
  async function diary(procedureId: string, left: number, right: number) {
    for (const [side, post30] of [
      ['left', left],
      ['right', right],
    ] as const) {
      for (const [minutesAfter, score] of [
        [-5, 8],
        [30, post30],
      ] as const) {
        const res = await post(nurse, `/api/v1/procedures/${procedureId}/pain-scores`, {
          minutesAfter,
          score,
          context: 'activity',
          side,
        });
        expect(res.statusCode).withContext(res.body).toBe(201);
      }
    }
  }
  const assessment = async (id: string) =>
    (await get(doc, `/api/v1/procedures/${id}/assessment`)).json();
  const checks = async (id: string) => (await get(doc, `/api/v1/episodes/${id}/checks`)).json();

  it('a bilateral block and its mirror image read alike, with a verdict per side and the threshold', async () => {
    const e = await episode();
    const a = await create(e, proc(at(40)));
    await diary(a, 1, 7);
    const b = await create(e, proc(at(20)));
    await diary(b, 7, 1);
    const [ra, rb] = [await assessment(a), await assessment(b)];
    expect([ra.verdict, rb.verdict]).toEqual(['negative', 'negative']);
    expect(
      ra.sides.map((s: { side: string; verdict: string }) => `${s.side}:${s.verdict}`),
    ).toEqual(['left:positive', 'right:negative']);
    expect(rb.summary).toBe('Left negative (12.5%), right positive (87.5%)');
    expect(ra.threshold).toEqual(jasmine.objectContaining({ percent: 80, label: '≥ 80%' }));
    // Positive on different sides: no joint has two positive blocks, so no RFA; and not comparable.
    const c = await checks(e);
    expect(c.checks.find((x: { id: string }) => x.id === 'initial-rfa').status).toBe('not-met');
    expect(rb.comparative.result).toBe('not-comparable');
  });

  it('side-specific RFA eligibility: two bilateral blocks positive only on the left', async () => {
    const e = await episode();
    for (const d of [40, 20]) await diary(await create(e, proc(at(d))), 1, 7);
    const c = await checks(e);
    expect(c.nextStep.id).toBe('rfa');
    expect(c.nextStep.message).toContain('Eligible for RFA on the left (L4-L5); not on the right');
    const dry = (
      await post(
        doc,
        `/api/v1/episodes/${e}/procedures/check`,
        proc(at(1), { kind: 'rfa', intent: 'therapeutic' }),
      )
    ).json();
    expect(dry.failing.map((x: { id: string }) => x.id))
      .withContext('a bilateral RFA')
      .toContain('initial-rfa');
    const left = (
      await post(
        doc,
        `/api/v1/episodes/${e}/procedures/check`,
        proc(at(1), { kind: 'rfa', intent: 'therapeutic', side: 'left' }),
      )
    ).json();
    expect(left.failing.map((x: { id: string }) => x.id))
      .withContext('a left RFA')
      .not.toContain('initial-rfa');
  });

  it('counts 14 local days between 1 Jul 18:00 and 15 Jul 08:00 at UTC-7', async () => {
    const e = await episode({ onsetDate: '2025-01-10' });
    const therapy = await post(nurse, `/api/v1/episodes/${e}/therapies`, {
      kind: 'physical-therapy',
      startDate: '2025-04-01',
      endDate: '2025-06-15',
      response: 'none',
    });
    expect(therapy.statusCode).toBe(201);
    const first = await create(e, proc('2025-07-02T01:00:00.000Z', { side: 'left' })); // 1 Jul 18:00 local
    await post(nurse, `/api/v1/procedures/${first}/pain-scores`, {
      minutesAfter: -5,
      score: 8,
      context: 'activity',
    });
    await post(nurse, `/api/v1/procedures/${first}/pain-scores`, {
      minutesAfter: 30,
      score: 1,
      context: 'activity',
    });
    const dry = (
      await post(
        doc,
        `/api/v1/episodes/${e}/procedures/check`,
        proc('2025-07-15T15:00:00.000Z', { side: 'left' }),
      )
    ).json(); // 15 Jul 08:00 local
    expect(dry.failing.map((x: { id: string }) => x.id)).not.toContain('second-block');
  });

  it('three levels in one session across two records are flagged; a diagnostic RFA is refused with a field message', async () => {
    const e = await episode();
    await create(e, proc(at(10, '15:00'), { side: 'left', levels: ['L3-L4', 'L4-L5'] }));
    const second = await post(
      doc,
      `/api/v1/episodes/${e}/procedures`,
      proc(at(10, '16:30'), { side: 'right', levels: ['L5-S1'] }),
    );
    expect(second.statusCode).toBe(422);
    expect(second.json().current.map((x: { id: string }) => x.id)).toContain('levels');
    const rfa = await post(
      doc,
      `/api/v1/episodes/${e}/procedures`,
      proc(at(5), { kind: 'rfa', intent: 'diagnostic' }),
    );
    expect(rfa.statusCode).toBe(400);
    expect(rfa.json().errors).toEqual([jasmine.objectContaining({ path: 'intent' })]);
  });

  it('an RFA with only its 14-day diary is not yet assessable for a repeat; minimal sedation is flagged', async () => {
    const e = await episode();
    for (const d of [120, 100]) await diary(await create(e, proc(at(d))), 1, 1);
    const rfa = await create(e, proc(at(60), { kind: 'rfa', intent: 'therapeutic' }));
    for (const [minutesAfter, score] of [
      [-5, 8],
      [1440, 2],
      [14 * 1440, 2],
    ] as const)
      await post(nurse, `/api/v1/procedures/${rfa}/pain-scores`, {
        minutesAfter,
        score,
        context: 'activity',
      });
    const c = await checks(e);
    expect(c.nextStep.id).toBe('follow-up');
    const sedated = await create(e, proc(at(30), { sedation: 'minimal' }));
    const a = await assessment(sedated);
    expect(a.confounded).toBeTrue();
    expect((await checks(e)).checks.find((x: { id: string }) => x.id === 'sedation').status).toBe(
      'not-met',
    );
  });

  it('records intake exclusions later; untreated radiculopathy makes the indication not met', async () => {
    const e = await episode({ radiculopathy: null, otherCause: null });
    expect((await checks(e)).checks.find((x: { id: string }) => x.id === 'indication').status).toBe(
      'not-assessable',
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/episodes/${e}/intake-exclusions`,
      headers: nurse.write,
      payload: { version: 1, radiculopathy: 'untreated', otherCause: 'none' },
    });
    expect(res.statusCode).withContext(res.body).toBe(200);
    const c = await checks(e);
    expect(c.checks.find((x: { id: string }) => x.id === 'indication').status).toBe('not-met');
    expect(c.nextStep.id).toBe('indication');
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/episodes/${e}/intake-exclusions`,
      headers: nurse.write,
      payload: { version: 2, radiculopathy: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
