/**
 * Writes a generated practice (generator.ts) in bulk: one `INSERT ... SELECT FROM unnest(...)` per
 * table and batch, with ids chosen up front (OVERRIDING SYSTEM VALUE) so rows can point at each other
 * without a round trip per row; the identity sequences are moved past them afterwards. Runs in one
 * transaction: a failed seed leaves nothing half-written.
 */
import { type Kysely, sql } from 'kysely';
import { searchKey } from '../../domain/index.ts';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../services/audit-trail.ts';
import { hashPassword } from '../services/passwords.ts';
import { randomBytes } from 'node:crypto';
import { generatePractice, type GeneratedPractice, type GenOptions } from './generator.ts';

const BATCH = 20_000;

/** Invented performing physicians, created inactive (they never sign in) when the database lacks them. */
const PERFORMERS = [
  ['sim-dr-adler', 'Dr. Rhea Adler'],
  ['sim-dr-bose', 'Dr. Kiran Bose'],
  ['sim-dr-costa', 'Dr. Leo Costa'],
  ['sim-dr-diallo', 'Dr. Awa Diallo'],
] as const;

export interface SeedSummary {
  patients: number;
  episodes: number;
  procedures: number;
  painScores: number;
  therapies: number;
  runningChecks: number;
  stageChanges: number;
  followUps: number;
  functionScores: number;
  performers: number;
}

type Column = { name: string; type: string; values: unknown[] };

async function nextId(tx: Kysely<Database>, table: string): Promise<number> {
  const r = await sql<{
    m: string | null;
  }>`SELECT max(id)::text AS m FROM ${sql.table(table)}`.execute(tx);
  return Number(r.rows[0]?.m ?? 0) + 1;
}

/** INSERT INTO table (id, cols...) OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::type[], ...), in batches. */
async function insertColumns(
  tx: Kysely<Database>,
  table: string,
  columns: Column[],
): Promise<void> {
  const n = columns[0]!.values.length;
  for (let from = 0; from < n; from += BATCH) {
    const names = sql.join(columns.map((c) => sql.ref(c.name)));
    const arrays = sql.join(
      columns.map((c) => sql`${c.values.slice(from, from + BATCH)}::${sql.raw(c.type)}[]`),
    );
    await sql`INSERT INTO ${sql.table(table)} (${names}) OVERRIDING SYSTEM VALUE SELECT * FROM unnest(${arrays})`.execute(
      tx,
    );
  }
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT coalesce(max(id), 1) FROM ${sql.table(table)}))`.execute(
    tx,
  );
}

const col = <T>(
  name: string,
  type: string,
  rows: readonly T[],
  f: (row: T, i: number) => unknown,
): Column => ({ name, type, values: rows.map(f) });

/** The user ids rows are recorded by: the demo nurse if present, else an inactive "sim-nurse". */
async function ensureUsers(
  tx: Kysely<Database>,
  performers: number,
): Promise<{ recorder: string; performerIds: string[] }> {
  const hash = await hashPassword(randomBytes(24).toString('base64url'));
  const find = (username: string) =>
    tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const ensure = async (username: string, name: string, role: string) =>
    (await find(username))?.id ??
    (
      await tx
        .insertInto('users')
        .values({ username, name, role, password_hash: hash, active: false })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const recorder = (await find('nurse'))?.id ?? (await ensure('sim-nurse', 'Sim Nurse', 'nurse'));
  const performerIds: string[] = [];
  const demoDoc = await find('physician');
  if (demoDoc) performerIds.push(demoDoc.id);
  for (const [username, name] of PERFORMERS) {
    if (performerIds.length >= performers) break;
    performerIds.push(await ensure(username, name, 'physician'));
  }
  return { recorder: String(recorder), performerIds: performerIds.map(String) };
}

/** Generates and writes a practice; returns what it made. */
export async function seedPractice(
  db: Kysely<Database>,
  options: Omit<GenOptions, 'performers' | 'mrnStart'> & { performers?: number },
): Promise<SeedSummary> {
  const summary = await db.transaction().execute(async (tx) => {
    const { recorder, performerIds } = await ensureUsers(tx, options.performers ?? 4);
    const mrnStart = (await nextId(tx, 'patients')) + 100_000;
    const g = generatePractice({ ...options, performers: performerIds.length, mrnStart });
    await writePractice(tx, g, recorder, performerIds);
    const summary: SeedSummary = {
      patients: g.patients.length,
      episodes: g.episodes.length,
      procedures: g.procedures.length,
      painScores: g.scores.length,
      therapies: g.therapies.length,
      runningChecks: g.runningChecks.length,
      stageChanges: g.stages.length,
      followUps: g.followUps.length,
      functionScores: g.functionScores.length,
      performers: performerIds.length,
    };
    await appendAudit(tx, {
      actorId: null,
      actorUsername: 'cli',
      action: 'practice.seed',
      details: { ...summary, seed: options.seed },
    });
    return summary;
  });
  // Fresh statistics for the planner: without them, a report query over the new rows picked a plan
  // that ran for minutes (autovacuum's own ANALYZE comes later, if the server is still up).
  await sql`ANALYZE`.execute(db);
  return summary;
}

async function writePractice(
  tx: Kysely<Database>,
  g: GeneratedPractice,
  recorder: string,
  performerIds: string[],
): Promise<void> {
  const ruleSets = new Map(
    (
      await tx
        .selectFrom('rule_sets')
        .select(['id', 'key', 'version'])
        .orderBy('version', 'asc')
        .execute()
    ).map((r) => [r.key, String(r.id)]),
  );
  const p0 = await nextId(tx, 'patients');
  const e0 = await nextId(tx, 'episodes');
  const pr0 = await nextId(tx, 'procedures');
  await insertColumns(tx, 'patients', [
    col('id', 'bigint', g.patients, (_, i) => p0 + i),
    col('mrn', 'text', g.patients, (p) => p.mrn),
    col('given_name', 'text', g.patients, (p) => p.given),
    col('family_name', 'text', g.patients, (p) => p.family),
    col('birth_date', 'date', g.patients, (p) => p.birth),
    col('sex', 'text', g.patients, (p) => p.sex),
    col('runner', 'boolean', g.patients, (p) => p.runner),
    col('weekly_distance_km', 'numeric', g.patients, (p) => p.km),
    col('search_mrn', 'text', g.patients, (p) => searchKey(p.mrn)),
    col('search_given', 'text', g.patients, (p) => searchKey(p.given)),
    col('search_family', 'text', g.patients, (p) => searchKey(p.family)),
    col('created_at', 'timestamptz', g.patients, (p) => p.createdAt),
    col('updated_at', 'timestamptz', g.patients, (p) => p.createdAt),
    col('created_by', 'bigint', g.patients, () => recorder),
    col('updated_by', 'bigint', g.patients, () => recorder),
  ]);
  await insertColumns(tx, 'episodes', [
    col('id', 'bigint', g.episodes, (_, i) => e0 + i),
    col('patient_id', 'bigint', g.episodes, (e) => p0 + e.patient),
    col('region', 'text', g.episodes, (e) => e.region),
    col('side', 'text', g.episodes, (e) => e.side),
    col('onset_date', 'date', g.episodes, (e) => e.onset),
    col('index_pain', 'text', g.episodes, (e) => `Axial ${e.region} pain`),
    col('signs', 'jsonb', g.episodes, () => '["axial-pain","worse-extension-rotation"]'),
    col('causes', 'jsonb', g.episodes, () => '["degeneration"]'),
    col('baseline_nrs_rest', 'smallint', g.episodes, (e) => e.baselineRest),
    col('baseline_nrs_activity', 'smallint', g.episodes, (e) => e.baselineActivity),
    col('stage', 'text', g.episodes, (e) => e.stage),
    col('rule_set_id', 'bigint', g.episodes, (e) => ruleSets.get(e.ruleSet) ?? null),
    col('created_at', 'timestamptz', g.episodes, (e) => e.createdAt),
    col('created_by', 'bigint', g.episodes, () => recorder),
    col('radiculopathy', 'text', g.episodes, (e) => e.radiculopathy),
    col('other_cause', 'text', g.episodes, (e) => e.otherCause),
  ]);
  const f0 = await nextId(tx, 'function_scores');
  await insertColumns(tx, 'function_scores', [
    col('id', 'bigint', g.functionScores, (_, i) => f0 + i),
    col('episode_id', 'bigint', g.functionScores, (f) => e0 + f.episode),
    col('instrument', 'text', g.functionScores, (f) => f.instrument),
    col('taken_on', 'date', g.functionScores, (f) => f.takenOn),
    col('sections', 'jsonb', g.functionScores, (f) => JSON.stringify(f.sections)),
    col('total', 'numeric', g.functionScores, (f) => f.total),
    col('band', 'text', g.functionScores, (f) => f.band),
    col('answered', 'smallint', g.functionScores, () => 10),
    col('recorded_at', 'timestamptz', g.functionScores, (f) => `${f.takenOn}T09:00:00.000Z`),
    col('recorded_by', 'bigint', g.functionScores, () => recorder),
  ]);
  const s0 = await nextId(tx, 'stage_changes');
  await insertColumns(tx, 'stage_changes', [
    col('id', 'bigint', g.stages, (_, i) => s0 + i),
    col('episode_id', 'bigint', g.stages, (s) => e0 + s.episode),
    col('from_stage', 'text', g.stages, (s) => s.from),
    col('to_stage', 'text', g.stages, (s) => s.to),
    col('reason', 'text', g.stages, (s) => s.reason),
    col('at', 'timestamptz', g.stages, (s) => s.at),
    col('by_user', 'bigint', g.stages, () => recorder),
  ]);
  const t0 = await nextId(tx, 'therapies');
  await insertColumns(tx, 'therapies', [
    col('id', 'bigint', g.therapies, (_, i) => t0 + i),
    col('episode_id', 'bigint', g.therapies, (t) => e0 + t.episode),
    col('kind', 'text', g.therapies, (t) => t.kind),
    col('start_date', 'date', g.therapies, (t) => t.start),
    col('end_date', 'date', g.therapies, (t) => t.end),
    col('response', 'text', g.therapies, (t) => t.response),
    col('recorded_by', 'bigint', g.therapies, () => recorder),
  ]);
  await insertColumns(tx, 'procedures', [
    col('id', 'bigint', g.procedures, (_, i) => pr0 + i),
    col('episode_id', 'bigint', g.procedures, (p) => e0 + p.episode),
    col('kind', 'text', g.procedures, (p) => p.kind),
    col('intent', 'text', g.procedures, (p) => p.intent),
    col('sequence', 'integer', g.procedures, (p) => p.sequence),
    col('performed_at', 'timestamptz', g.procedures, (p) => p.performedAt),
    col('levels', 'jsonb', g.procedures, (p) => JSON.stringify(p.levels)),
    col('side', 'text', g.procedures, (p) => p.side),
    col('anesthetic_agent', 'text', g.procedures, (p) => p.agent),
    col('anesthetic_concentration_percent', 'numeric', g.procedures, (p) => p.concentration),
    col('anesthetic_volume_ml', 'numeric', g.procedures, () => 0.5),
    col('guidance', 'text', g.procedures, () => 'fluoroscopy'),
    col('sedation', 'text', g.procedures, () => 'none'),
    col('performer_id', 'bigint', g.procedures, (p) => performerIds[p.performer]),
    col('recorded_at', 'timestamptz', g.procedures, (p) => p.performedAt),
    col('recorded_by', 'bigint', g.procedures, (p) => performerIds[p.performer]),
  ]);
  const fu0 = await nextId(tx, 'follow_ups');
  await insertColumns(tx, 'follow_ups', [
    col('id', 'bigint', g.followUps, (_, i) => fu0 + i),
    col('procedure_id', 'bigint', g.followUps, (f) => pr0 + f.procedure),
    col('label', 'text', g.followUps, (f) => f.label),
    col('due_date', 'date', g.followUps, (f) => f.dueDate),
    col('window_days', 'integer', g.followUps, (f) => f.windowDays),
    col('kind', 'text', g.followUps, (f) => f.kind),
    col('status', 'text', g.followUps, (f) => f.status),
    col('attempts', 'integer', g.followUps, (f) => f.attempts),
    col('max_attempts', 'integer', g.followUps, (f) => f.maxAttempts),
    col('done_at', 'timestamptz', g.followUps, (f) => f.doneAt),
    col('done_by', 'bigint', g.followUps, (f) => (f.doneAt ? recorder : null)),
    col('created_at', 'timestamptz', g.followUps, (f) => g.procedures[f.procedure]!.performedAt),
  ]);
  const sc0 = await nextId(tx, 'pain_scores');
  await insertColumns(tx, 'pain_scores', [
    col('id', 'bigint', g.scores, (_, i) => sc0 + i),
    col('procedure_id', 'bigint', g.scores, (s) => pr0 + s.procedure),
    col('minutes_after', 'integer', g.scores, (s) => s.minutesAfter),
    col('describes_at', 'timestamptz', g.scores, (s) => s.describesAt),
    col('score', 'smallint', g.scores, (s) => s.score),
    col('context', 'text', g.scores, () => 'activity'),
    col('reported_relief_percent', 'smallint', g.scores, (s) => s.reported),
    col('entered_at', 'timestamptz', g.scores, (s) => s.enteredAt),
    col('recorded_by', 'bigint', g.scores, () => recorder),
  ]);
  const r0 = await nextId(tx, 'running_checks');
  await insertColumns(tx, 'running_checks', [
    col('id', 'bigint', g.runningChecks, (_, i) => r0 + i),
    col('episode_id', 'bigint', g.runningChecks, (r) => e0 + r.episode),
    col('taken_on', 'date', g.runningChecks, (r) => r.takenOn),
    col('status', 'text', g.runningChecks, (r) => r.status),
    col('weekly_distance_km', 'numeric', g.runningChecks, (r) => r.km),
    col('recorded_by', 'bigint', g.runningChecks, () => recorder),
  ]);
}
