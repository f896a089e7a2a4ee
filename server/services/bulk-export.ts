/**
 * The practice bulk export (FHIR Bulk Data layout: one NDJSON file per resource type, `Type/id`
 * references). It runs in the background in batches of patients: each batch is read and audited in
 * one transaction, written line by line with back-pressure, and then forgotten, so memory stays flat
 * however many patients the practice has. Progress lives in `export_jobs` (migration 0009).
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import {
  BULK_RESOURCE_TYPES,
  type BulkExportJob as BulkJobView,
  patientResources,
} from '../../domain/index.ts';
import type { ServerConfig } from '../config.ts';
import type { Database, ExportJobsTable } from '../db/schema.ts';
import { notFound } from '../http-problem.ts';
import { iso } from './clinical-rows.ts';
import { appendAudit } from './audit-trail.ts';
import { gatherPatientExports } from './fhir-export.ts';

export interface ExportActor {
  id: string;
  username: string;
  ip: string | null;
}

/** Where job files go: beside the PGlite data (its folder already holds the lock file), else the system temp folder. */
export function exportBaseDir(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): string {
  return !config.databaseUrl && !config.dataDir.startsWith('memory://')
    ? path.join(config.dataDir, 'exports')
    : path.join(tmpdir(), 'facettrack-exports');
}

export function jobView(row: Selectable<ExportJobsTable>): BulkJobView {
  const id = String(row.id);
  return {
    id,
    status: row.status as BulkJobView['status'],
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at ? iso(row.finished_at) : null,
    totalPatients: row.total_patients,
    donePatients: row.done_patients,
    progressPercent:
      row.status === 'done'
        ? 100
        : row.total_patients
          ? Math.floor((row.done_patients / row.total_patients) * 100)
          : 0,
    output:
      row.status === 'done'
        ? row.files.map((f) => ({
            type: f.type,
            count: f.count,
            url: `/api/v1/exports/${id}/files/${f.type}`,
          }))
        : [],
    error: row.error,
  };
}

/** Writes one line, waiting when the file's buffer is full (back-pressure keeps memory flat). */
async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

async function closeAll(streams: Iterable<WriteStream>): Promise<void> {
  await Promise.all(
    [...streams].map(
      (s) =>
        new Promise<void>((resolve, reject) =>
          s.end((err?: Error | null) => (err ? reject(err) : resolve())),
        ),
    ),
  );
}

type JobRow = Selectable<ExportJobsTable>;

/** A job left "running" by a process that stopped cannot finish: marks it failed (at start-up). */
export async function failInterruptedExports(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('export_jobs')
    .set({
      status: 'failed',
      finished_at: new Date(),
      error: 'The server stopped before the export finished.',
    })
    .where('status', '=', 'running')
    .execute();
}

/** A new running job (a second running one raises the driver's unique violation for the route to answer). */
export function insertExportJob(tx: Kysely<Database>, userId: string): Promise<JobRow> {
  return tx
    .insertInto('export_jobs')
    .values({ status: 'running', requested_by: userId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The 20 newest jobs, newest first. */
export async function recentExportJobs(db: Kysely<Database>): Promise<JobRow[]> {
  return db.selectFrom('export_jobs').selectAll().orderBy('id', 'desc').limit(20).execute();
}

/** One job, or 404. */
export async function exportJob(db: Kysely<Database>, id: string): Promise<JobRow> {
  const row = await db
    .selectFrom('export_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('The export');
  return row;
}

export interface RunOptions {
  batchSize?: number;
  signal?: AbortSignal;
}

/** Runs job `jobId` to the end: done with its files, or failed with a message that names no patient. */
export async function runBulkExport(
  db: Kysely<Database>,
  baseDir: string,
  jobId: string,
  actor: ExportActor,
  options: RunOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 200;
  const folder = `job-${jobId}-${randomUUID()}`;
  const streams = new Map<string, WriteStream>();
  const counts = new Map<string, number>(BULK_RESOURCE_TYPES.map((t) => [t, 0]));
  try {
    await mkdir(path.join(baseDir, folder), { recursive: true, mode: 0o700 });
    for (const type of BULK_RESOURCE_TYPES)
      streams.set(
        type,
        createWriteStream(path.join(baseDir, folder, `${type}.ndjson`), { mode: 0o600 }),
      );
    const total = await db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await db
      .updateTable('export_jobs')
      .set({ total_patients: Number(total.n) })
      .where('id', '=', jobId)
      .execute();
    let after = '0';
    let done = 0;
    for (;;) {
      if (options.signal?.aborted)
        throw new Error('The server stopped before the export finished.');
      const ids = (
        await db
          .selectFrom('patients')
          .select('id')
          .where('id', '>', after)
          .orderBy('id')
          .limit(batchSize)
          .execute()
      ).map((r) => String(r.id));
      if (!ids.length) break;
      const records = await db.transaction().execute(async (tx) => {
        const batch = await gatherPatientExports(tx, ids);
        await appendAudit(tx, {
          actorId: actor.id,
          actorUsername: actor.username,
          action: 'export.bulk-patients',
          entity: 'export-job',
          entityId: jobId,
          patientId: null,
          ip: actor.ip,
          details: { patientIds: ids },
        });
        return batch;
      });
      for (const record of records) {
        for (const resource of patientResources(record, 'relative')) {
          await writeLine(streams.get(resource.resourceType)!, JSON.stringify(resource));
          counts.set(resource.resourceType, (counts.get(resource.resourceType) ?? 0) + 1);
        }
      }
      done += ids.length;
      after = ids.at(-1)!;
      await db
        .updateTable('export_jobs')
        .set({ done_patients: done })
        .where('id', '=', jobId)
        .execute();
    }
    await closeAll(streams.values());
    const files = BULK_RESOURCE_TYPES.filter((t) => counts.get(t)).map((type) => ({
      type,
      count: counts.get(type)!,
      file: `${folder}/${type}.ndjson`,
    }));
    await db
      .updateTable('export_jobs')
      .set({ status: 'done', finished_at: new Date(), files: JSON.stringify(files) })
      .where('id', '=', jobId)
      .execute();
  } catch (error) {
    await closeAll(streams.values()).catch(() => undefined);
    const message =
      error instanceof Error && error.message.startsWith('The server stopped')
        ? error.message
        : 'The export failed; see the server log.';
    await db
      .updateTable('export_jobs')
      .set({ status: 'failed', finished_at: new Date(), error: message })
      .where('id', '=', jobId)
      .execute()
      .catch(() => undefined);
    throw error;
  }
}
