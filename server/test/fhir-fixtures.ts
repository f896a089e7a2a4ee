import type { Kysely } from 'kysely';
import { searchKey } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const daysAgoIso = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);

/**
 * A patient with every kind of record the export maps (written straight to the tables, since the
 * API's payer checks would refuse some of these on purpose): two episodes, a bilateral block with
 * left and right diary series, a comparative second block, an IA with steroid, an RFA, an
 * entered-in-error procedure and score, ODI and NDI scores (one entered in error), stage history
 * ending in "not facet-mediated", and text that starts like a spreadsheet formula.
 */
export async function insertRichPatient(
  db: Kysely<Database>,
  userId: string,
  mrn: string,
): Promise<{ patientId: string; procedureIds: string[] }> {
  const patient = await db
    .insertInto('patients')
    .values({
      mrn,
      given_name: '=HYPERLINK("x")',
      family_name: 'Every-Record',
      birth_date: '1970-06-15',
      sex: 'other',
      phone: '+1 555 0100',
      email: 'every@example.org',
      runner: true,
      weekly_distance_km: 20,
      created_by: userId,
      updated_by: userId,
      search_mrn: searchKey(mrn),
      search_given: searchKey('=HYPERLINK("x")'),
      search_family: searchKey('Every-Record'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const episode = (region: string, side: string, stage: string) =>
    db
      .insertInto('episodes')
      .values({
        patient_id: patient.id,
        region,
        side,
        onset_date: daysAgoIso(300),
        index_pain: 'Axial pain',
        signs: '[]',
        causes: '[]',
        baseline_nrs_rest: 4,
        baseline_nrs_activity: 8,
        stage,
        rule_set_id: null,
        created_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const lumbar = await episode('lumbar', 'bilateral', 'treatment');
  const cervical = await episode('cervical', 'left', 'not-facet-mediated');
  for (const [e, stages] of [
    [lumbar.id, ['intake', 'conservative-care', 'diagnostic-blocks', 'treatment']],
    [cervical.id, ['intake', 'diagnostic-blocks', 'not-facet-mediated']],
  ] as const) {
    let from: string | null = null;
    for (const [i, to] of stages.entries()) {
      await db
        .insertInto('stage_changes')
        .values({
          episode_id: e,
          from_stage: from,
          to_stage: to,
          reason: 'moved',
          at: hoursAgo(2000 - i * 200),
          by_user: userId,
        })
        .execute();
      from = to;
    }
  }
  let sequence = 0;
  const procedure = async (
    episodeId: string,
    over: Partial<Parameters<ReturnType<typeof db.insertInto<'procedures'>>['values']>[0]>,
    ago: number,
  ) => {
    sequence += 1;
    const row = await db
      .insertInto('procedures')
      .values({
        episode_id: episodeId,
        kind: 'mbb',
        intent: 'diagnostic',
        sequence,
        performed_at: hoursAgo(ago),
        levels: JSON.stringify(['L4-L5', 'L5-S1']),
        side: 'bilateral',
        anesthetic_agent: 'lidocaine',
        anesthetic_concentration_percent: 2,
        anesthetic_volume_ml: 0.5,
        guidance: 'fluoroscopy',
        sedation: 'none',
        performer_id: userId,
        recorded_by: userId,
        ...over,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return String(row.id);
  };
  const scores = async (
    procedureId: string,
    ago: number,
    series: [number, number, string | null][],
    context = 'activity',
  ) => {
    for (const [minutes, score, side] of series) {
      await db
        .insertInto('pain_scores')
        .values({
          procedure_id: procedureId,
          minutes_after: minutes,
          describes_at: new Date(hoursAgo(ago).getTime() + minutes * 60_000),
          score,
          context,
          side,
          reported_relief_percent: minutes > 0 ? 70 : null,
          recorded_by: userId,
        })
        .execute();
    }
  };
  const first = await procedure(lumbar.id, {}, 800);
  await scores(first, 800, [
    [-5, 8, 'left'],
    [30, 1, 'left'],
    [240, 6, 'left'],
    [-5, 7, 'right'],
    [30, 4, 'right'],
    [240, 6, 'right'],
  ]);
  await scores(
    first,
    800,
    [
      [-5, 5, null],
      [60, 1, null],
    ],
    'rest',
  );
  const second = await procedure(
    lumbar.id,
    { anesthetic_agent: 'bupivacaine', anesthetic_concentration_percent: 0.5 },
    400,
  );
  await scores(second, 400, [
    [-5, 8, null],
    [30, 1, null],
    [480, 1, null],
    [1440, 6, null],
  ]);
  await db
    .updateTable('pain_scores')
    .set({ error_reason: 'Wrong patient', error_at: new Date(), error_by: userId })
    .where('procedure_id', '=', second)
    .where('minutes_after', '=', 480)
    .execute();
  const rfa = await procedure(
    lumbar.id,
    {
      kind: 'rfa',
      intent: 'therapeutic',
      levels: JSON.stringify(['L3-L4', 'L4-L5', 'L5-S1']),
      side: 'right',
    },
    100,
  );
  const wrong = await procedure(
    lumbar.id,
    { error_reason: 'Recorded on the wrong episode', error_at: new Date(), error_by: userId },
    90,
  );
  await scores(wrong, 90, [
    [-5, 6, null],
    [30, 2, null],
  ]);
  const ia = await procedure(
    cervical.id,
    {
      kind: 'ia',
      intent: 'therapeutic',
      levels: JSON.stringify(['C4-C5', 'C5-C6', 'C6-C7', 'C7-T1']),
      side: 'left',
      anesthetic_agent: 'ropivacaine',
      anesthetic_concentration_percent: 0.2,
      anesthetic_volume_ml: 1,
      steroid_name: 'triamcinolone',
      steroid_dose_mg: 40,
      performer_id: null,
    },
    50,
  );
  await scores(
    ia,
    50,
    [
      [0, 6, null],
      [60, 6, null],
    ],
    'rest',
  );
  const noScores = await procedure(
    cervical.id,
    { levels: JSON.stringify(['C5-C6']), side: 'left', guidance: 'ct' },
    40,
  );
  const fn = (
    episodeId: string,
    instrument: string,
    sections: Record<string, number | null>,
    total: number,
    band: string,
    error = false,
  ) =>
    db
      .insertInto('function_scores')
      .values({
        episode_id: episodeId,
        instrument,
        taken_on: daysAgoIso(100),
        sections: JSON.stringify(sections),
        total,
        band,
        answered: Object.values(sections).filter((v) => v !== null).length,
        recorded_by: userId,
        ...(error ? { error_reason: 'Typo', error_at: new Date(), error_by: userId } : {}),
      })
      .execute();
  await fn(
    lumbar.id,
    'odi',
    {
      'pain-intensity': 3,
      'personal-care': 1,
      lifting: 3,
      walking: 2,
      sitting: 2,
      standing: 3,
      sleeping: 1,
      'sex-life': null,
      'social-life': 2,
      travelling: 2,
    },
    42,
    'severe',
  );
  await fn(
    cervical.id,
    'ndi',
    {
      'pain-intensity': 2,
      'personal-care': 1,
      lifting: 2,
      reading: 1,
      headaches: 2,
      concentration: 1,
      work: 2,
      driving: 1,
      sleeping: 1,
      recreation: 2,
    },
    15,
    'moderate',
    true,
  );
  return { patientId: String(patient.id), procedureIds: [first, second, rfa, wrong, ia, noScores] };
}
