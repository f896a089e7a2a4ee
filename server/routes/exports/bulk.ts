import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import {
  BULK_RESOURCE_TYPES,
  BulkExportJobSchema as JobSchema,
  IdSchema,
} from '../../../domain/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { HttpProblem, notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import {
  exportBaseDir,
  exportJob,
  failInterruptedExports,
  insertExportJob,
  jobView,
  recentExportJobs,
  runBulkExport,
} from '../../services/bulk-export.ts';
import type { App } from '../../types.ts';
import { attachment } from './download.ts';

const JobParams = z.object({ id: IdSchema });
const FileParams = z.object({
  id: IdSchema,
  type: z.enum(BULK_RESOURCE_TYPES, {
    error: `Type must be one of: ${BULK_RESOURCE_TYPES.join(', ')}`,
  }),
});

/** Practice bulk export (admin): start, watch progress, download each NDJSON file when done. */
export async function bulkExportRoutes(app: App): Promise<void> {
  const admin = { permission: 'practice:export' as const };
  const baseDir = exportBaseDir(app.config);
  const stop = new AbortController();
  const running = new Set<Promise<void>>();
  // A job left "running" by a process that stopped cannot finish: say so instead of showing it forever.
  await failInterruptedExports(app.db);
  app.addHook('onClose', async () => {
    stop.abort();
    await Promise.allSettled(running);
  });

  app.post(
    '/api/v1/exports',
    {
      config: admin,
      schema: {
        tags: ['exports'],
        summary: 'Start a practice bulk export (FHIR NDJSON)',
        response: { 202: JobSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const actor = { id: user.id, username: user.username, ip: request.ip };
      let row;
      try {
        row = await app.db.transaction().execute(async (tx) => {
          const created = await insertExportJob(tx, user.id);
          await app.audit.append(tx, {
            actorId: user.id,
            actorUsername: user.username,
            action: 'export.bulk-start',
            entity: 'export-job',
            entityId: String(created.id),
            patientId: null,
            ip: request.ip,
            details: {},
          });
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new HttpProblem({
            status: 409,
            title: 'An export is already running',
            code: 'export-running',
            detail: 'Wait for the running export to finish, then start another.',
          });
        }
        throw error;
      }
      const job = runBulkExport(app.db, baseDir, String(row.id), actor, { signal: stop.signal })
        .catch((error: unknown) =>
          app.log.error(
            { err: error instanceof Error ? { name: error.name } : {}, jobId: String(row.id) },
            'bulk export failed',
          ),
        )
        .finally(() => running.delete(job));
      running.add(job);
      return reply
        .status(202)
        .header('content-location', `/api/v1/exports/${row.id}`)
        .send(jobView(row));
    },
  );

  app.get(
    '/api/v1/exports',
    { config: admin, schema: { tags: ['exports'], response: { 200: z.array(JobSchema) } } },
    async () => {
      const rows = await recentExportJobs(app.db);
      return rows.map(jobView);
    },
  );

  app.get(
    '/api/v1/exports/:id',
    {
      config: admin,
      schema: { tags: ['exports'], params: JobParams, response: { 200: JobSchema } },
    },
    async (request) => {
      return jobView(await exportJob(app.db, request.params.id));
    },
  );

  app.get(
    '/api/v1/exports/:id/files/:type',
    {
      config: admin,
      schema: {
        tags: ['exports'],
        summary: 'One NDJSON file of a finished export (application/fhir+ndjson)',
        params: FileParams,
      },
    },
    async (request, reply) => {
      const { id, type } = request.params;
      const row = await exportJob(app.db, id);
      if (row.status !== 'done')
        throw new HttpProblem({
          status: 409,
          title: 'The export is not finished',
          code: 'export-not-done',
          detail: `The export is ${row.status}.`,
        });
      const file = row.files.find((f) => f.type === type);
      if (!file) throw notFound(`The ${type} file`);
      const full = path.join(baseDir, file.file);
      try {
        await access(full);
      } catch {
        throw new HttpProblem({
          status: 410,
          title: 'The export file is gone',
          code: 'export-gone',
          detail: 'Start a new export.',
        });
      }
      const user = sessionOf(request).user;
      await app.audit.append(app.db, {
        actorId: user.id,
        actorUsername: user.username,
        action: 'export.bulk-download',
        entity: 'export-job',
        entityId: id,
        patientId: null,
        ip: request.ip,
        details: { type, lines: file.count },
      });
      return reply
        .type('application/fhir+ndjson')
        .header('content-disposition', attachment(`${type}.ndjson`))
        .send(createReadStream(full));
    },
  );
}
