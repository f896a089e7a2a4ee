import { defaultRuleSet } from '../services/rule-sets.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/**
 * RFA durability is read under the episode's rule set (issue 12; domain rfaDurability): a score
 * counts for a milestone within the rule set's follow-up window (at least 14 days). The page reads
 * the rule set once for all of an episode's RFAs (issue 11), so each RFA must still get it.
 */
describe('RFA durability under the episode rule set', () => {
  let t: TestApp;
  let doc: Signed;
  let docId: string;
  beforeAll(async () => {
    t = await createTestApp();
    docId = await t.createUser('rd-doc', 'physician');
    doc = await t.login('rd-doc');
  }, 60_000);
  afterAll(async () => t.close());
  afterEach(() => t.app.clock.pin(null));

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: method === 'GET' ? doc.read : doc.write, payload });

  /** An RFA on the episode at `performed`, pre score 8 and a later score 2 (75% relief) at `later`. */
  async function rfa(episodeId: string, performed: Date, later: Date): Promise<string> {
    t.app.clock.pin(new Date(performed.getTime() - 3_600_000));
    const res = await call('POST', `/api/v1/episodes/${episodeId}/procedures`, {
      kind: 'rfa',
      intent: 'therapeutic',
      performedAt: performed.toISOString(),
      levels: ['L4-L5'],
      side: 'left',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      guidance: 'fluoroscopy',
      sedation: 'none',
      overrideReason: 'Spec: payer checks are not under test here',
    });
    expect(res.statusCode).withContext(res.body).toBe(201);
    const id = String(res.json().id);
    const score = (at: Date, score: number) => ({
      procedure_id: id,
      minutes_after: Math.round((at.getTime() - performed.getTime()) / 60_000),
      describes_at: at,
      score,
      context: 'activity',
      recorded_by: docId,
    });
    await t.db.kysely
      .insertInto('pain_scores')
      .values([score(new Date(performed.getTime() - 600_000), 8), score(later, 2)])
      .execute();
    return id;
  }

  it("counts a score 20 days from the 3-month mark only where the episode's window allows it", async () => {
    const patient = await call('POST', '/api/v1/patients', {
      mrn: uniqueName('RD-'),
      givenName: 'Ada',
      familyName: uniqueName('Runner'),
      birthDate: '1970-02-02',
      sex: 'female',
    });
    const episode = await call('POST', `/api/v1/patients/${patient.json().id}/episodes`, {
      region: 'lumbar',
      side: 'left',
      onsetDate: '2024-06-01',
      indexPain: 'Low back',
    });
    const episodeId = episode.json().id as string;
    // Two RFAs (UTC practice zone): 3 months after each is 1 Jun and 1 Sep 2025; scores 20 days on.
    await rfa(episodeId, new Date('2025-03-01T15:00:00Z'), new Date('2025-06-21T15:00:00Z'));
    await rfa(episodeId, new Date('2025-06-01T15:00:00Z'), new Date('2025-09-21T15:00:00Z'));
    t.app.clock.pin(new Date('2026-03-16T14:00:00Z'));
    const threeMonths = async () => {
      const alone = (await call('GET', `/api/v1/episodes/${episodeId}/rfa-durability`)).json();
      const page = (await call('GET', `/api/v1/episodes/${episodeId}/page`)).json();
      expect(page.rfaDurability).toEqual(alone);
      return alone.map(
        (r: { milestones: { months: number; status: string }[] }) =>
          r.milestones.find((m) => m.months === 3)!.status,
      );
    };
    // The default rule set's window is 3 days, so 14: 20 days off is no reading.
    expect(await threeMonths()).toEqual(['unknown', 'unknown']);

    const base = await defaultRuleSet(t.db.kysely);
    const wide = await t.db.kysely
      .insertInto('rule_sets')
      .values({
        key: uniqueName('wide-'),
        name: 'Wide follow-up window',
        version: 1,
        source: null,
        settings: JSON.stringify({ ...base.settings, followUpWindowDays: 30 }),
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('episodes')
      .set({ rule_set_id: wide.id })
      .where('id', '=', episodeId)
      .execute();
    expect(await threeMonths()).toEqual(['held', 'held']);
  });
});
