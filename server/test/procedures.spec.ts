import { sql } from 'kysely';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('procedures, the pain diary and the assessment', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  let episodeId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('nurse3', 'nurse');
    await t.createUser('doc3', 'physician');
    nurse = await t.login('nurse3');
    doc = await t.login('doc3');
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('P-'),
        givenName: 'Rita',
        familyName: 'Runner',
        birthDate: '1975-05-05',
        sex: 'female',
      })
    ).json();
    const episode = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'bilateral',
        onsetDate: '2026-01-01',
        indexPain: 'Low back',
      })
    ).json();
    await post(nurse, `/api/v1/episodes/${episode.id}/stage`, {
      version: 1,
      to: 'conservative-care',
    });
    episodeId = episode.id;
  });

  function post(as: Signed, url: string, payload: unknown) {
    return t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  }
  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const mbb = (over: Record<string, unknown> = {}) => ({
    kind: 'mbb',
    intent: 'diagnostic',
    performedAt: new Date(Date.now() - 7 * 3600_000).toISOString(),
    levels: ['L4-L5'],
    side: 'bilateral',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    ...over,
  });
  const score = (
    procedureId: string,
    minutesAfter: number,
    value: number,
    over: Record<string, unknown> = {},
  ) =>
    post(nurse, `/api/v1/procedures/${procedureId}/pain-scores`, {
      minutesAfter,
      score: value,
      context: 'activity',
      ...over,
    });

  it('the issue journey: L4-L5 bilateral MBB with lidocaine, 8 -> 1 -> 2 -> 7 is positive under the LCD, peak 87.5%', async () => {
    const res = await post(doc, `/api/v1/episodes/${episodeId}/procedures`, mbb());
    expect(res.statusCode).toBe(201);
    const procedure = res.json();
    expect(procedure.label).toBe('MBB #1');
    expect(procedure.performerName).toBe('Test doc3');
    for (const [m, v] of [
      [-5, 8],
      [30, 1],
      [120, 2],
      [360, 7],
    ] as const)
      expect((await score(procedure.id, m, v)).statusCode).toBe(201);
    const a = (await get(doc, `/api/v1/procedures/${procedure.id}/assessment`)).json();
    expect(a).toEqual(
      jasmine.objectContaining({
        baseline: 8,
        peakReliefPercent: 87.5,
        reliefDurationMinutes: 30,
        verdict: 'positive',
      }),
    );
    expect(a.ruleSet).toEqual(jasmine.objectContaining({ name: 'Medicare LCD', version: 1 }));
    expect(a.reasons[0]).toContain('peak relief 87.5%');
    const episode = (await get(nurse, `/api/v1/episodes/${episodeId}`)).json();
    expect(episode.stage)
      .withContext('a diagnostic block moves conservative care on')
      .toBe('diagnostic-blocks');
    expect(episode.stageHistory.at(-1).reason).toBe('MBB recorded');
  });

  it('refuses levels from another region, a nurse recording a procedure, and a manager reading one', async () => {
    const wrong = await post(
      doc,
      `/api/v1/episodes/${episodeId}/procedures`,
      mbb({ levels: ['L4-L5', 'C5-C6'] }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { path: 'levels.1', message: 'C5-C6 is not a lumbar level (L1-L2 to L5-S1)' },
    ]);
    const badPerformer = await post(
      doc,
      `/api/v1/episodes/${episodeId}/procedures`,
      mbb({ performerId: 'abc' }),
    );
    expect(badPerformer.statusCode).toBe(400);
    expect((await post(nurse, `/api/v1/episodes/${episodeId}/procedures`, mbb())).statusCode).toBe(
      403,
    );
    const id = (await post(doc, `/api/v1/episodes/${episodeId}/procedures`, mbb())).json().id;
    await t.createUser('mgr3', 'manager');
    const mgr = await t.login('mgr3');
    for (const url of [
      `/api/v1/procedures/${id}`,
      `/api/v1/procedures/${id}/assessment`,
      `/api/v1/procedures/${id}/pain-scores`,
    ]) {
      expect((await get(mgr, url)).statusCode)
        .withContext(url)
        .toBe(403);
    }
  });

  it('refuses scores outside 0-10 or not whole, and times before the baseline', async () => {
    const id = (await post(doc, `/api/v1/episodes/${episodeId}/procedures`, mbb())).json().id;
    for (const bad of [11, -1, 7.5, '7']) {
      const res = await score(id, 30, bad as number);
      expect(res.statusCode).withContext(String(bad)).toBe(400);
      expect(res.json().errors[0]).toEqual({
        path: 'score',
        message: 'Pain score must be a whole number from 0 to 10',
      });
    }
    expect((await score(id, -5, 8)).statusCode).toBe(201);
    const before = await score(id, -30, 7);
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].message).toContain('before the recorded baseline');
    expect((await score(id, -2000, 7, { context: 'rest' })).json().errors[0].message).toBe(
      'A baseline must be within 24 hours before the block',
    );
    const future = await score(id, 24 * 60, 2);
    expect(future.json().errors[0].message).toBe('A score cannot describe a time in the future');
    const far = await post(nurse, `/api/v1/procedures/${id}/pain-scores`, {
      recordedAt: '9999-01-01T00:00:00Z',
      score: 2,
      context: 'rest',
    });
    expect(far.statusCode).toBe(400);
    const both = await post(nurse, `/api/v1/procedures/${id}/pain-scores`, {
      score: 3,
      context: 'rest',
    });
    expect(both.json().errors[0].message).toBe(
      'Give either minutes after the block or the time the score describes',
    );
  });

  it('refuses a diary on a procedure marked entered in error, and a nurse signing', async () => {
    const p = (await post(doc, `/api/v1/episodes/${episodeId}/procedures`, mbb())).json();
    expect(
      (await post(nurse, `/api/v1/procedures/${p.id}/interpretation`, { text: 'Positive' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post(nurse, `/api/v1/procedures/${p.id}/entered-in-error`, {
          version: 1,
          reason: 'x',
        })
      ).statusCode,
    )
      .withContext('nurses do not void procedures')
      .toBe(403);
    expect(
      (
        await post(doc, `/api/v1/procedures/${p.id}/entered-in-error`, {
          version: 1,
          reason: 'Wrong episode',
        })
      ).statusCode,
    ).toBe(204);
    const res = await score(p.id, -5, 8);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('entered-in-error');
  });

  it('takes a score by the time it describes, flags a late entry, and marks errors without deleting', async () => {
    const performedAt = new Date(Date.now() - 5 * 3600_000);
    const p = (
      await post(
        doc,
        `/api/v1/episodes/${episodeId}/procedures`,
        mbb({ performedAt: performedAt.toISOString() }),
      )
    ).json();
    await score(p.id, -5, 6);
    const res = await post(nurse, `/api/v1/procedures/${p.id}/pain-scores`, {
      recordedAt: new Date(performedAt.getTime() + 30 * 60_000).toISOString(),
      score: 3,
      context: 'activity',
      reportedReliefPercent: 40,
    });
    expect(res.json()).toEqual(
      jasmine.objectContaining({
        minutesAfter: 30,
        late: true,
        reliefPercent: 50,
        reportedReliefPercent: 40,
      }),
    );
    const diary = (await get(nurse, `/api/v1/procedures/${p.id}/pain-scores`)).json();
    expect(diary.schedule.slice(0, 3)).toEqual([
      { minutesAfter: 0, status: 'done' },
      { minutesAfter: 15, status: 'overdue' },
      { minutesAfter: 30, status: 'done' },
    ]);
    expect(
      diary.schedule.find((x: { minutesAfter: number }) => x.minutesAfter === 300).status,
    ).toBe('due');
    const scoreId = res.json().id;
    expect(
      (
        await post(nurse, `/api/v1/pain-scores/${scoreId}/entered-in-error`, {
          version: 1,
          reason: 'Wrong side',
        })
      ).statusCode,
    ).toBe(204);
    const after = (await get(nurse, `/api/v1/procedures/${p.id}/pain-scores`)).json();
    expect(after.scores.length).toBe(2);
    expect(after.scores[1].enteredInError.reason).toBe('Wrong side');
  });

  it('reads left and right separately on a bilateral block and only allows sides there', async () => {
    const p = (await post(doc, `/api/v1/episodes/${episodeId}/procedures`, mbb())).json();
    for (const [side, m, v] of [
      ['left', -5, 8],
      ['left', 30, 1],
      ['right', -5, 8],
      ['right', 30, 6],
    ] as const)
      await score(p.id, m, v, { side });
    const a = (await get(doc, `/api/v1/procedures/${p.id}/assessment`)).json();
    expect(
      a.series.map((s: { side: string; verdict: string }) => `${s.side}:${s.verdict}`),
    ).toEqual(['left:positive', 'right:negative']);
    const single = (
      await post(
        doc,
        `/api/v1/episodes/${episodeId}/procedures`,
        mbb({ side: 'left', intervalExceptionReason: 'Repeat the left side only' }),
      )
    ).json();
    expect((await score(single.id, -5, 8, { side: 'left' })).json().errors[0].path).toBe('side');
  });

  it('compares a second block with the first (lidocaine then bupivacaine) and flags sedation', async () => {
    const first = (
      await post(
        doc,
        `/api/v1/episodes/${episodeId}/procedures`,
        mbb({ performedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() }),
      )
    ).json();
    for (const [m, v] of [
      [-5, 8],
      [30, 1],
      [120, 1],
      [180, 6],
    ] as const)
      await score(first.id, m, v);
    const second = (
      await post(
        doc,
        `/api/v1/episodes/${episodeId}/procedures`,
        mbb({
          anesthetic: { agent: 'bupivacaine', concentrationPercent: 0.5, volumeMl: 0.5 },
          sedation: 'moderate',
          sedationReason: 'Severe procedural anxiety',
        }),
      )
    ).json();
    expect(second.label).toBe('MBB #2');
    for (const [m, v] of [
      [-5, 8],
      [30, 1],
      [360, 1],
    ] as const)
      await score(second.id, m, v);
    const a = (await get(doc, `/api/v1/procedures/${second.id}/assessment`)).json();
    expect(a.comparative).toEqual(
      jasmine.objectContaining({ previousProcedureId: first.id, result: 'concordant' }),
    );
    expect(a.confounded).toBeTrue();
  });

  it('signs an interpretation; signing again makes a new version and keeps the old', async () => {
    const p = (await post(doc, `/api/v1/episodes/${episodeId}/procedures`, mbb())).json();
    await score(p.id, -5, 8);
    await score(p.id, 30, 1);
    const v1 = (
      await post(doc, `/api/v1/procedures/${p.id}/interpretation`, {
        text: 'Concordant relief; facet-mediated likely.',
      })
    ).json();
    expect(v1.interpretation).toEqual(
      jasmine.objectContaining({ version: 1, verdict: 'positive', signedByName: 'Test doc3' }),
    );
    const v2 = (
      await post(doc, `/api/v1/procedures/${p.id}/interpretation`, {
        text: 'Addendum: plan second block.',
      })
    ).json();
    expect(v2.interpretation.version).toBe(2);
    const rows = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM interpretations WHERE procedure_id = ${p.id}`.execute(
      t.db.kysely,
    );
    expect(rows.rows[0]!.n).toBe(2);
  });
});
