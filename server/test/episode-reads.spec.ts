import { addDays, BUILT_IN_RULE_SETS, todayIso } from '../../domain/index.ts';
import { episodeReport } from '../services/episode-report.ts';
import { assessProcedure } from '../services/procedure-data.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('episode reads: one rule set per episode, response schemas that keep every field', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('nurse8', 'nurse');
    await t.createUser('doc8', 'physician');
    nurse = await t.login('nurse8');
    doc = await t.login('doc8');
  });
  afterAll(async () => t.close());

  const post = (as: Signed, url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: doc.read });
    expect(res.statusCode).withContext(url).toBe(200);
    return res.json();
  };

  async function episodeWithBlock(): Promise<{ episodeId: string; procedureId: string }> {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('E-'),
        givenName: 'Ed',
        familyName: 'Reads',
        birthDate: '1975-05-05',
        sex: 'male',
      })
    ).json();
    const episode = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'bilateral',
        onsetDate: addDays(todayIso(), -200),
        indexPain: 'Low back',
        baselineNrsActivity: 7,
      })
    ).json();
    const procedure = (
      await post(doc, `/api/v1/episodes/${episode.id}/procedures`, {
        kind: 'mbb',
        intent: 'diagnostic',
        performedAt: `${addDays(todayIso(), -3)}T09:00:00.000Z`,
        levels: ['L4-L5'],
        side: 'bilateral',
        anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
        guidance: 'fluoroscopy',
        sedation: 'none',
        overrideReason: 'Spec: checks not the point here',
      })
    ).json();
    for (const [minutesAfter, score, side] of [
      [-5, 8, 'left'],
      [-5, 7, 'right'],
      [30, 1, 'left'],
      [30, 5, 'right'],
    ] as const) {
      await post(nurse, `/api/v1/procedures/${procedure.id}/pain-scores`, {
        minutesAfter,
        score,
        context: 'activity',
        side,
      });
    }
    return { episodeId: episode.id, procedureId: procedure.id };
  }

  it('reads an episode without a stored rule set under the practice default, in the timeline as everywhere else', async () => {
    const { episodeId, procedureId } = await episodeWithBlock();
    await t.db.kysely
      .updateTable('episodes')
      .set({ rule_set_id: null })
      .where('id', '=', episodeId)
      .execute();
    const defaultSet = (await get('/api/v1/rule-sets')).find(
      (r: { isDefault: boolean }) => r.isDefault,
    );

    const timeline = await get(`/api/v1/episodes/${episodeId}/pain-timeline`);
    expect(timeline.ruleSet).toEqual({
      id: defaultSet.id,
      name: defaultSet.name,
      version: defaultSet.version,
      positiveThresholdPercent: defaultSet.settings.positiveThresholdPercent,
      thresholdExclusive: defaultSet.settings.thresholdExclusive,
    });
    const record = await get(`/api/v1/episodes/${episodeId}/record`);
    expect(record.conservativeCare.ruleSetName).toBe(`${defaultSet.name} v${defaultSet.version}`);
    expect(record.conservativeCare.minimumDays).toBe(defaultSet.settings.conservativeCareMinDays);
    expect((await get(`/api/v1/episodes/${episodeId}/checks`)).ruleSet.id).toBe(defaultSet.id);
    expect((await get(`/api/v1/procedures/${procedureId}/assessment`)).ruleSet.id).toBe(
      defaultSet.id,
    );
    expect((await get(`/api/v1/episodes/${episodeId}/report`)).checks.ruleSet.id).toBe(
      defaultSet.id,
    );
  });

  it('answers the assessment and the report exactly as the services build them (the response schemas strip nothing)', async () => {
    const { episodeId, procedureId } = await episodeWithBlock();
    const { patientId: _p, ...assessment } = await assessProcedure(t.db.kysely, procedureId);
    expect(assessment.series.length).toBeGreaterThan(1);
    expect(await get(`/api/v1/procedures/${procedureId}/assessment`)).toEqual(
      JSON.parse(JSON.stringify(assessment)),
    );

    const {
      patientId: _q,
      generatedAt: _g,
      ...report
    } = await episodeReport(t.db.kysely, episodeId);
    const { generatedAt, ...answered } = await get(`/api/v1/episodes/${episodeId}/report`);
    expect(typeof generatedAt).toBe('string');
    expect(answered).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('answers 404 for an unknown episode on each of its reads (their queries now run side by side)', async () => {
    for (const read of ['pain-timeline', 'record', 'checks', 'page']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/episodes/999999999/${read}`,
        headers: doc.read,
      });
      expect(res.statusCode).withContext(read).toBe(404);
      expect(res.headers['content-type']).withContext(read).toContain('application/problem+json');
    }
  });

  it('gives rule-set settings as a typed object, every setting present', async () => {
    const sets = await get('/api/v1/rule-sets');
    for (const set of sets) {
      expect(typeof set.settings.positiveThresholdPercent).toBe('number');
      expect(typeof set.settings.thresholdExclusive).toBe('boolean');
      expect(Array.isArray(set.settings.diaryMinutes)).toBeTrue();
      expect(Object.keys(set.settings).sort()).toEqual(
        Object.keys(BUILT_IN_RULE_SETS[0]!.settings).sort(),
      );
    }
  });
});
