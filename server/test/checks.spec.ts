import { addDays, todayIso } from '../../domain/index.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('payer-rule checks and the next step over the API', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('nurse5', 'nurse');
    await t.createUser('doc5', 'physician');
    nurse = await t.login('nurse5');
    doc = await t.login('doc5');
  });
  afterAll(async () => t.close());

  const post = (as: Signed, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const daysAgo = (d: number) => addDays(todayIso(), -d);
  const atDaysAgo = (d: number) => `${daysAgo(d)}T09:00:00.000Z`;

  /** A lumbar runner with 3 months of therapy and an ODI, in conservative care. */
  async function readyEpisode(): Promise<string> {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('C-'),
        givenName: 'Cora',
        familyName: 'Check',
        birthDate: '1980-01-01',
        sex: 'female',
        runner: true,
      })
    ).json();
    const episode = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'bilateral',
        onsetDate: daysAgo(200),
        indexPain: 'Low back',
        baselineNrsRest: 5,
        baselineNrsActivity: 7,
        radiculopathy: 'none',
        otherCause: 'none',
      })
    ).json();
    // Conservative care that failed (response none), inside the LCD's 6-month window before the blocks.
    await post(nurse, `/api/v1/episodes/${episode.id}/therapies`, {
      kind: 'physical-therapy',
      startDate: daysAgo(150),
      endDate: daysAgo(60),
      response: 'none',
    });
    await post(nurse, `/api/v1/episodes/${episode.id}/function-scores`, {
      instrument: 'odi',
      takenOn: daysAgo(170),
      sections: {
        'pain-intensity': 3,
        'personal-care': 1,
        lifting: 3,
        walking: 2,
        sitting: 2,
        standing: 3,
        sleeping: 1,
        'sex-life': 2,
        'social-life': 2,
        travelling: 2,
      },
    });
    await post(nurse, `/api/v1/episodes/${episode.id}/stage`, {
      version: 1,
      to: 'conservative-care',
    });
    return episode.id;
  }
  const mbb = (d: number, over: Record<string, unknown> = {}) => ({
    kind: 'mbb',
    intent: 'diagnostic',
    performedAt: atDaysAgo(d),
    levels: ['L4-L5'],
    side: 'bilateral',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    ...over,
  });
  async function positiveDiary(procedureId: string) {
    for (const [minutesAfter, score] of [
      [-5, 8],
      [30, 1],
      [120, 1],
    ] as const)
      await post(nurse, `/api/v1/procedures/${procedureId}/pain-scores`, {
        minutesAfter,
        score,
        context: 'activity',
      });
  }

  it('before blocks: every check has a status and the next step is a first MBB', async () => {
    const id = await readyEpisode();
    const res = await get(doc, `/api/v1/episodes/${id}/checks`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ruleSet).toEqual(jasmine.objectContaining({ name: 'Medicare LCD', version: 1 }));
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual([
      'indication',
      'conservative-care',
      'second-block',
      'initial-rfa',
      'repeat-rfa',
      'therapeutic-ia',
      'frequency',
      'levels',
      'imaging',
      'sedation',
      'documentation',
    ]);
    expect(body.checks.find((c: { id: string }) => c.id === 'conservative-care')).toEqual(
      jasmine.objectContaining({ status: 'met' }),
    );
    expect(body.nextStep.message).toBe('Eligible for a first diagnostic MBB.');
  });

  it('two positive MBBs 14 days apart after 3 months of therapy: "Eligible for RFA"', async () => {
    const id = await readyEpisode();
    const first = (await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(30))).json();
    await positiveDiary(first.id);
    expect((await get(doc, `/api/v1/episodes/${id}/checks`)).json().nextStep.message).toContain(
      'Eligible for a second diagnostic MBB',
    );
    const second = await post(
      doc,
      `/api/v1/episodes/${id}/procedures`,
      mbb(16, { anesthetic: { agent: 'bupivacaine', concentrationPercent: 0.5, volumeMl: 0.5 } }),
    );
    expect(second.statusCode).toBe(201);
    await positiveDiary(second.json().id);
    const body = (await get(doc, `/api/v1/episodes/${id}/checks`)).json();
    expect(body.nextStep.message).toMatch(
      /^Eligible for RFA on the left \(L4-L5\) and the right \(L4-L5\): two MBBs ≥ 80% of each joint on that side \(MBB #1 87.5% on .*, MBB #2 87.5% on .*\)\.$/,
    );
    const second14 = body.checks.find((c: { id: string }) => c.id === 'second-block');
    expect(second14.status).toBe('met');
    expect(second14.evidence.length).toBe(2);
  });

  it('refuses a block 13 days after the first without a reason, lists the failing check, and accepts an override', async () => {
    const id = await readyEpisode();
    const first = (await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(20))).json();
    await positiveDiary(first.id);
    const dry = (await post(doc, `/api/v1/episodes/${id}/procedures/check`, mbb(7))).json();
    expect(dry.failing.map((c: { id: string }) => c.id)).toEqual(['second-block']);
    const refused = await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(7));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('checks-failed');
    expect(refused.json().current[0].message).toContain('13 days after MBB #1');
    const count = async () => (await get(doc, `/api/v1/episodes/${id}/procedures`)).json().length;
    expect(await count())
      .withContext('nothing half-written')
      .toBe(1);
    const overridden = await post(
      doc,
      `/api/v1/episodes/${id}/procedures`,
      mbb(7, { overrideReason: 'Patient travels abroad next week' }),
    );
    expect(overridden.statusCode).toBe(201);
    expect(overridden.json().overrideReason).toBe('Patient travels abroad next week');
    // The patient record shows the override too, from the episode's pain timeline.
    const timeline = (await get(doc, `/api/v1/episodes/${id}/pain-timeline`)).json();
    expect(
      timeline.procedures.map((p: { overrideReason: string | null }) => p.overrideReason),
    ).toEqual([null, 'Patient travels abroad next week']);
    // Search results link straight to the latest procedure's diary.
    const episode = (await get(doc, `/api/v1/episodes/${id}/record`)).json();
    const patientId = episode.episode.patientId;
    const found = (await get(nurse, `/api/v1/patients/${patientId}`)).json();
    expect(found.latestProcedureId).toBe(overridden.json().id);
  });

  it('asks for an override on every procedure that breaks a rule, even when the rule already failed, and checks the interval before the diary is read', async () => {
    const id = await readyEpisode();
    await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(40));
    const early = await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(38));
    expect(early.statusCode).withContext('2 days after an unread block').toBe(422);
    expect(early.json().current.map((c: { id: string }) => c.id)).toEqual(['second-block']);
    expect(
      (
        await post(
          doc,
          `/api/v1/episodes/${id}/procedures`,
          mbb(38, { guidance: 'ultrasound', overrideReason: 'Pregnancy' }),
        )
      ).statusCode,
    ).toBe(201);
    const again = await post(
      doc,
      `/api/v1/episodes/${id}/procedures`,
      mbb(20, { guidance: 'ultrasound', intervalExceptionReason: 'x' }),
    );
    expect(again.statusCode).toBe(422);
    expect(again.json().current.map((c: { id: string }) => c.id)).toContain('imaging');
  });

  it('flags a third RFA inside 12 months with evidence', async () => {
    const id = await readyEpisode();
    for (const d of [40, 30])
      await positiveDiary(
        (
          await post(
            doc,
            `/api/v1/episodes/${id}/procedures`,
            mbb(d, { intervalExceptionReason: 'spec' }),
          )
        ).json().id,
      );
    const rfa = (d: number, over: Record<string, unknown> = {}) => ({
      ...mbb(d),
      kind: 'rfa',
      intent: 'therapeutic',
      ...over,
    });
    expect((await post(doc, `/api/v1/episodes/${id}/procedures`, rfa(20))).statusCode).toBe(201);
    expect(
      (
        await post(
          doc,
          `/api/v1/episodes/${id}/procedures`,
          rfa(10, { overrideReason: 'Other side' }),
        )
      ).statusCode,
    ).toBe(201);
    const third = await post(doc, `/api/v1/episodes/${id}/procedures`, rfa(2));
    expect(third.statusCode).toBe(422);
    expect(third.json().current.map((c: { id: string }) => c.id)).toContain('frequency');
    await post(
      doc,
      `/api/v1/episodes/${id}/procedures`,
      rfa(2, { overrideReason: 'Documented exception' }),
    );
    const frequency = (await get(doc, `/api/v1/episodes/${id}/checks`))
      .json()
      .checks.find((c: { id: string }) => c.id === 'frequency');
    expect(frequency.status).toBe('not-met');
    expect(frequency.message).toContain('3 RFA sessions in the 12 months');
    expect(frequency.evidence.length).toBe(3);
  });

  it('gives the pain timeline and the documentation report with both blocks, audited', async () => {
    const id = await readyEpisode();
    const first = (await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(30))).json();
    await positiveDiary(first.id);
    const second = (await post(doc, `/api/v1/episodes/${id}/procedures`, mbb(16))).json();
    await positiveDiary(second.id);
    await post(doc, `/api/v1/procedures/${second.id}/interpretation`, {
      text: 'Two concordant positive blocks.',
    });
    const timeline = (await get(doc, `/api/v1/episodes/${id}/pain-timeline`)).json();
    expect(timeline.procedures.map((p: { label: string }) => p.label)).toEqual([
      'MBB #1',
      'MBB #2',
    ]);
    expect(timeline.scores.length).toBe(6);
    expect(timeline.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'intake',
      'conservative-care',
      'diagnostic-blocks',
    ]);
    expect(timeline.functionScores[0].instrument).toBe('odi');
    expect(timeline.ruleSet.positiveThresholdPercent).toBe(80);
    const report = (await get(doc, `/api/v1/episodes/${id}/report`)).json();
    expect(report.patient.familyName).toBe('Check');
    expect(
      report.blocks.map(
        (b: { procedure: { label: string }; assessment: { verdict: string } }) =>
          `${b.procedure.label}:${b.assessment.verdict}`,
      ),
    ).toEqual(['MBB #1:positive', 'MBB #2:positive']);
    expect(report.blocks[1].procedure.interpretation.signedByName).toBe('Test doc5');
    expect(report.blocks[0].scores.length).toBe(3);
    expect(report.therapies.length).toBe(1);
    expect(report.checks.nextStep.message).toContain('Eligible for RFA');
    const audited = await t.db.kysely
      .selectFrom('audit_events')
      .select('entity')
      .where('entity_id', '=', id)
      .where('entity', '=', 'report')
      .execute();
    expect(audited.length).toBe(1);
  });

  it('keeps managers out (403)', async () => {
    const id = await readyEpisode();
    await t.createUser('mgr5', 'manager');
    const mgr = await t.login('mgr5');
    expect((await get(mgr, `/api/v1/episodes/${id}/checks`)).statusCode).toBe(403);
  });
});
