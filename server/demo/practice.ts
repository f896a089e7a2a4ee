import type { Kysely } from 'kysely';
import { addDays, searchKey, type Stage, todayIso } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';

/** Demo patients (invented): each shows a different point on the pathway. */
interface DemoPatient {
  mrn: string;
  given: string;
  family: string;
  birth: string;
  sex: string;
  runnerKm: number | null;
  region: 'lumbar' | 'cervical';
  side: 'left' | 'right' | 'bilateral';
  onsetDaysAgo: number;
  pain: string;
  rest: number;
  activity: number;
  stages: Stage[];
  therapyDaysAgo: [string, number, number | null][];
  odi?: number[];
  /** Blocks: days ago, agent, diary [minutesAfter, score][]. */
  blocks?: [number, 'lidocaine' | 'bupivacaine', [number, number][]][];
}

const DIARY_POSITIVE: [number, number][] = [
  [-5, 8],
  [15, 3],
  [30, 1],
  [60, 1],
  [120, 2],
  [240, 4],
  [360, 7],
];
const DIARY_LONG: [number, number][] = [
  [-5, 8],
  [30, 1],
  [60, 1],
  [240, 1],
  [480, 2],
  [1440, 6],
];
const DIARY_GREY: [number, number][] = [
  [-5, 8],
  [30, 3],
  [60, 2],
  [120, 4],
  [360, 7],
];

const PATIENTS: DemoPatient[] = [
  {
    mrn: 'DEMO-1001',
    given: 'Maya',
    family: 'Okafor',
    birth: '1986-03-14',
    sex: 'female',
    runnerKm: 45,
    region: 'lumbar',
    side: 'bilateral',
    onsetDaysAgo: 210,
    pain: 'Low back pain, worse running downhill and standing',
    rest: 4,
    activity: 8,
    stages: ['conservative-care', 'diagnostic-blocks'],
    therapyDaysAgo: [
      ['physical-therapy', 180, 90],
      ['mileage-reduction', 170, null],
      ['nsaids', 150, 120],
    ],
    odi: [3, 1, 3, 2, 2, 3, 1, 2, 2, 2],
    blocks: [
      [30, 'lidocaine', DIARY_POSITIVE],
      [15, 'bupivacaine', DIARY_LONG],
    ],
  },
  {
    mrn: 'DEMO-1002',
    given: 'Tomás',
    family: 'Ibáñez',
    birth: '1979-11-02',
    sex: 'male',
    runnerKm: 60,
    region: 'lumbar',
    side: 'right',
    onsetDaysAgo: 150,
    pain: 'Right-sided low back pain after marathon training',
    rest: 3,
    activity: 7,
    stages: ['conservative-care', 'diagnostic-blocks'],
    therapyDaysAgo: [
      ['physical-therapy', 140, 80],
      ['stretching', 140, null],
    ],
    odi: [2, 1, 2, 1, 2, 2, 1, 1, 2, 1],
    blocks: [[3, 'lidocaine', DIARY_GREY]],
  },
  {
    mrn: 'DEMO-1003',
    given: 'Grace',
    family: 'Lindqvist',
    birth: '1992-07-21',
    sex: 'female',
    runnerKm: 30,
    region: 'lumbar',
    side: 'left',
    onsetDaysAgo: 60,
    pain: 'Left low back pain with stiffness in the morning',
    rest: 3,
    activity: 6,
    stages: ['conservative-care'],
    therapyDaysAgo: [
      ['rest', 55, 45],
      ['cross-training', 44, null],
      ['running-form', 30, null],
    ],
  },
  {
    mrn: 'DEMO-1004',
    given: 'Samuel',
    family: 'Adeyemi',
    birth: '1968-01-30',
    sex: 'male',
    runnerKm: null,
    region: 'cervical',
    side: 'bilateral',
    onsetDaysAgo: 400,
    pain: 'Axial neck pain, worse turning the head',
    rest: 5,
    activity: 7,
    stages: [],
    therapyDaysAgo: [],
  },
];

/** Seeds the demo practice's patients once (when no patient exists), recorded by the demo nurse and physician. */
export async function seedDemoPractice(db: Kysely<Database>): Promise<number> {
  if (await db.selectFrom('patients').select('id').limit(1).executeTakeFirst()) return 0;
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['nurse', 'physician'])
    .execute();
  const nurse = users.find((u) => u.username === 'nurse')?.id;
  const doc = users.find((u) => u.username === 'physician')?.id;
  if (!nurse || !doc) return 0;
  const ruleSet = await db
    .selectFrom('rule_sets')
    .select('id')
    .where('key', '=', 'medicare-lcd')
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  const today = todayIso();
  const day = (ago: number) => addDays(today, -ago);
  const at = (ago: number, hour = 9) =>
    new Date(`${day(ago)}T${String(hour).padStart(2, '0')}:00:00Z`);
  await db.transaction().execute(async (tx) => {
    for (const p of PATIENTS) {
      const patient = await tx
        .insertInto('patients')
        .values({
          mrn: p.mrn,
          given_name: p.given,
          family_name: p.family,
          birth_date: p.birth,
          sex: p.sex,
          phone: '+1 555 0100',
          email: null,
          runner: p.runnerKm !== null,
          weekly_distance_km: p.runnerKm,
          search_mrn: searchKey(p.mrn),
          search_given: searchKey(p.given),
          search_family: searchKey(p.family),
          created_by: nurse,
          updated_by: nurse,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const stage = p.stages.at(-1) ?? 'intake';
      const episode = await tx
        .insertInto('episodes')
        .values({
          patient_id: patient.id,
          region: p.region,
          side: p.side,
          onset_date: day(p.onsetDaysAgo),
          index_pain: p.pain,
          signs: JSON.stringify(['axial-pain', 'worse-extension-rotation', 'better-rest']),
          causes: JSON.stringify(p.runnerKm ? ['overuse', 'running-form'] : ['degeneration']),
          baseline_nrs_rest: p.rest,
          baseline_nrs_activity: p.activity,
          stage,
          rule_set_id: ruleSet.id,
          created_by: nurse,
          created_at: at(p.onsetDaysAgo - 10),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let from: Stage = 'intake';
      await tx
        .insertInto('stage_changes')
        .values({
          episode_id: episode.id,
          from_stage: null,
          to_stage: 'intake',
          reason: 'Episode opened',
          by_user: nurse,
          at: at(p.onsetDaysAgo - 10),
        })
        .execute();
      for (const [i, to] of p.stages.entries()) {
        const when =
          to === 'diagnostic-blocks' && p.blocks
            ? at(p.blocks[0]![0], 8)
            : at(p.onsetDaysAgo - 12 - i);
        await tx
          .insertInto('stage_changes')
          .values({
            episode_id: episode.id,
            from_stage: from,
            to_stage: to,
            reason: to === 'diagnostic-blocks' ? 'MBB recorded' : null,
            by_user: nurse,
            at: when,
          })
          .execute();
        from = to;
      }
      for (const [kind, start, end] of p.therapyDaysAgo) {
        await tx
          .insertInto('therapies')
          .values({
            episode_id: episode.id,
            kind,
            start_date: day(start),
            end_date: end === null ? null : day(end),
            response: 'partial',
            notes: null,
            recorded_by: nurse,
          })
          .execute();
      }
      if (p.odi) {
        const names = [
          'pain-intensity',
          'personal-care',
          'lifting',
          'walking',
          'sitting',
          'standing',
          'sleeping',
          'sex-life',
          'social-life',
          'travelling',
        ];
        const sum = p.odi.reduce((a, b) => a + b, 0);
        const total = Math.round((sum / 50) * 1000) / 10;
        await tx
          .insertInto('function_scores')
          .values({
            episode_id: episode.id,
            instrument: 'odi',
            taken_on: day(p.onsetDaysAgo - 20),
            sections: JSON.stringify(Object.fromEntries(names.map((n, i) => [n, p.odi![i]]))),
            total,
            band: total <= 20 ? 'minimal' : total <= 40 ? 'moderate' : 'severe',
            answered: 10,
            recorded_by: nurse,
          })
          .execute();
      }
      for (const [i, [ago, agent, diary]] of (p.blocks ?? []).entries()) {
        const performed = at(ago, 8);
        const proc = await tx
          .insertInto('procedures')
          .values({
            episode_id: episode.id,
            kind: 'mbb',
            intent: 'diagnostic',
            sequence: i + 1,
            performed_at: performed,
            levels: JSON.stringify(['L4-L5', 'L5-S1']),
            side: p.side,
            anesthetic_agent: agent,
            anesthetic_concentration_percent: agent === 'lidocaine' ? 2 : 0.5,
            anesthetic_volume_ml: 0.5,
            guidance: 'fluoroscopy',
            sedation: 'none',
            performer_id: doc,
            complications: '[]',
            recorded_by: doc,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const [minutesAfter, score] of diary) {
          const describes = new Date(performed.getTime() + minutesAfter * 60_000);
          await tx
            .insertInto('pain_scores')
            .values({
              procedure_id: proc.id,
              minutes_after: minutesAfter,
              describes_at: describes,
              score,
              context: 'activity',
              recorded_by: nurse,
              entered_at: new Date(describes.getTime() + 2 * 60_000),
            })
            .execute();
        }
      }
    }
  });
  return PATIENTS.length;
}
