import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * A small practice with hand-computed numbers (issue 13): six lumbar patients under the Medicare LCD,
 * first MBBs on 2026-03-02 (60 days after intake on 2026-01-01), RFAs in April.
 *   P0: MBB 10 -> 1 (90%), MBB 10 -> 2 (80%), RFA baseline 8; follow-ups 30 d 2, 90 d 3 (held), 180 d 6 (lost)
 *   P1: MBB 10 -> 4 (60%)   P2: MBB 8 -> 6 (25%; an entered-in-error 0 is ignored)
 *   P3: MBB 8 -> 0 (100%), RFA baseline 8; follow-up 30 d 2 (held, then censored)
 *   P4: MBB without a baseline (not assessable)   P5: MBB 10 -> 5 (50%; a 0 at 10 h is outside the phase)
 */
export async function smallPractice(
  db: Kysely<Database>,
  userId: string,
): Promise<{ patients: string[]; mrns: string[] }> {
  const rs = await db
    .selectFrom('rule_sets')
    .select('id')
    .where('key', '=', 'medicare-lcd')
    .executeTakeFirstOrThrow();
  const patients: string[] = [];
  const mrns: string[] = [];
  const day = (d: string, minutes = 0) => new Date(Date.parse(`${d}T09:00:00Z`) + minutes * 60_000);
  const blocks: [number, string, 'mbb' | 'rfa', number | null, [number, number][]][] = [
    [0, '2026-03-02', 'mbb', 10, [[30, 1]]],
    [0, '2026-03-20', 'mbb', 10, [[30, 2]]],
    [
      0,
      '2026-04-10',
      'rfa',
      8,
      [
        [30 * 1440, 2],
        [90 * 1440, 3],
        [180 * 1440, 6],
      ],
    ],
    [1, '2026-03-02', 'mbb', 10, [[30, 4]]],
    [2, '2026-03-02', 'mbb', 8, [[30, 6]]],
    [3, '2026-03-02', 'mbb', 8, [[30, 0]]],
    [3, '2026-04-20', 'rfa', 8, [[30 * 1440, 2]]],
    [4, '2026-03-02', 'mbb', null, [[30, 2]]],
    [
      5,
      '2026-03-02',
      'mbb',
      10,
      [
        [30, 5],
        [600, 0],
      ],
    ],
  ];
  const episodes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const mrn = `HC-${7000 + i}`;
    const p = await db
      .insertInto('patients')
      .values({
        mrn,
        given_name: `Given${i}x`,
        family_name: `Family${i}x`,
        birth_date: `197${i}-05-1${i}`,
        sex: 'female',
        runner: false,
        weekly_distance_km: null,
        search_mrn: mrn.toLowerCase(),
        search_given: `given${i}x`,
        search_family: `family${i}x`,
        created_by: userId,
        updated_by: userId,
        phone: null,
        email: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    patients.push(String(p.id));
    mrns.push(mrn);
    const e = await db
      .insertInto('episodes')
      .values({
        patient_id: p.id,
        region: 'lumbar',
        side: 'left',
        onset_date: '2025-10-01',
        index_pain: `Secret pain text ${i}`,
        signs: '[]',
        causes: '[]',
        baseline_nrs_rest: 5,
        baseline_nrs_activity: 8,
        stage: i === 0 || i === 3 ? 'treatment' : 'diagnostic-blocks',
        rule_set_id: rs.id,
        created_by: userId,
        created_at: day('2026-01-01'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    episodes.push(String(e.id));
  }
  const seq = new Map<number, number>();
  const mbbs: string[] = [];
  for (const [who, date, kind, baseline, posts] of blocks) {
    seq.set(who, (seq.get(who) ?? 0) + 1);
    const pr = await db
      .insertInto('procedures')
      .values({
        episode_id: episodes[who]!,
        kind,
        intent: kind === 'mbb' ? 'diagnostic' : 'therapeutic',
        sequence: seq.get(who)!,
        performed_at: day(date),
        levels: '["L4-L5"]',
        side: 'left',
        anesthetic_agent: 'lidocaine',
        anesthetic_concentration_percent: 2,
        anesthetic_volume_ml: 0.5,
        guidance: 'fluoroscopy',
        sedation: 'none',
        performer_id: userId,
        complications: '[]',
        recorded_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (kind === 'mbb') mbbs.push(String(pr.id));
    const scores: [number, number][] = baseline === null ? posts : [[-5, baseline], ...posts];
    for (const [m, score] of scores) {
      await db
        .insertInto('pain_scores')
        .values({
          procedure_id: pr.id,
          minutes_after: m,
          describes_at: day(date, m),
          score,
          context: 'activity',
          recorded_by: userId,
        })
        .execute();
    }
    if (who === 2) {
      await db
        .insertInto('pain_scores')
        .values({
          procedure_id: pr.id,
          minutes_after: 45,
          describes_at: day(date, 45),
          score: 0,
          context: 'activity',
          recorded_by: userId,
          error_reason: 'wrong patient',
          error_at: new Date(),
          error_by: userId,
        })
        .execute();
    }
  }
  // Follow-ups of the 7 MBBs, due 2026-03-16 (window 3 days): 5 done, 1 missed, 1 still open (overdue);
  // one more cancelled and one due after the range, neither counted: 5 of 7 done.
  const statuses = ['done', 'done', 'done', 'done', 'done', 'missed', 'due'] as const;
  const followUp = (procedureId: string, status: string, due: string) =>
    db
      .insertInto('follow_ups')
      .values({
        procedure_id: procedureId,
        label: '2 weeks',
        due_date: due,
        window_days: 3,
        kind: 'call',
        status,
        max_attempts: 3,
      })
      .execute();
  for (const [i, id] of mbbs.entries()) await followUp(id, statuses[i]!, '2026-03-16');
  await followUp(mbbs[0]!, 'cancelled', '2026-03-17');
  await followUp(mbbs[1]!, 'due', '2026-07-15');
  return { patients, mrns };
}
