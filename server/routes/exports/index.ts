import { Readable } from 'node:stream';
import * as z from 'zod';
import { IdSchema, patientBundle } from '../../../domain/index.ts';
import { notFound } from '../../http-problem.ts';
import { gatherPatientExports } from '../../services/fhir-export.ts';
import {
  PAIN_SCORE_COLUMNS,
  PATIENT_LIST_COLUMNS,
  painScoreRows,
  patientListPage,
  toCsv,
} from '../../services/csv-export.ts';
import { procedurePatientId, requirePatient } from '../../services/clinical-rows.ts';
import type { App } from '../../types.ts';

import { bulkExportRoutes } from './bulk.ts';
import { attachment } from './download.ts';

const IdParams = z.object({ id: IdSchema });
const PAGE = 500;

/**
 * Exports: a patient's FHIR R4 Bundle (domain.md section 7), CSV downloads, and the practice bulk
 * export (./bulk.ts). Every export is audited in the transaction that reads the data.
 */
export async function exportRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/patients/:id/fhir',
    {
      config: { permission: 'patients:export' },
      schema: {
        tags: ['exports'],
        summary: 'The patient record as a FHIR R4 collection Bundle (application/fhir+json)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const bundle = await app.db.transaction().execute(async (tx) => {
        const [record] = await gatherPatientExports(tx, [id]);
        if (!record) throw notFound('The patient');
        const doc = patientBundle(record);
        await app.audit.patientData(tx, request, 'patient.export-fhir', id, 'patient', id, {
          format: 'fhir-r4-bundle',
          entries: (doc['entry'] as unknown[]).length,
        });
        return doc;
      });
      return reply
        .type('application/fhir+json; charset=utf-8')
        .header('content-disposition', attachment(`patient-${id}.fhir.json`))
        .send(JSON.stringify(bundle));
    },
  );

  app.get(
    '/api/v1/patients/:id/pain-scores.csv',
    {
      config: { permission: 'patients:read' },
      schema: { tags: ['exports'], summary: "A patient's pain scores as CSV", params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const csv = await app.db.transaction().execute(async (tx) => {
        await requirePatient(tx, id);
        const rows = await painScoreRows(tx, { patientId: id });
        await app.audit.patientData(tx, request, 'patient.export-csv', id, 'pain-scores', id, {
          rows: rows.length,
        });
        return toCsv(PAIN_SCORE_COLUMNS, rows);
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`patient-${id}-pain-scores.csv`))
        .send(csv);
    },
  );

  app.get(
    '/api/v1/procedures/:id/diary.csv',
    {
      config: { permission: 'patients:read' },
      schema: { tags: ['exports'], summary: "A procedure's pain diary as CSV", params: IdParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      const csv = await app.db.transaction().execute(async (tx) => {
        const patientId = await procedurePatientId(tx, id);
        const rows = await painScoreRows(tx, { procedureId: id });
        await app.audit.patientData(tx, request, 'patient.export-csv', patientId, 'procedure', id, {
          rows: rows.length,
        });
        return toCsv(PAIN_SCORE_COLUMNS, rows);
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`procedure-${id}-diary.csv`))
        .send(csv);
    },
  );

  // Streamed page by page; each page is read and audited (with the ids it holds) in its own transaction.
  app.get(
    '/api/v1/patients.csv',
    {
      config: { permission: 'patients:read' },
      schema: { tags: ['exports'], summary: 'The patient list as CSV' },
    },
    async (request, reply) => {
      const db = app.db;
      async function* pages(): AsyncGenerator<string> {
        yield toCsv(PATIENT_LIST_COLUMNS, []);
        let after = '0';
        for (;;) {
          const page = await db.transaction().execute(async (tx) => {
            const p = await patientListPage(tx, after, PAGE);
            if (p.ids.length)
              await app.audit.patientData(
                tx,
                request,
                'patient.export-csv',
                null,
                'patient-list',
                null,
                { patientIds: p.ids },
              );
            return p;
          });
          if (!page.ids.length) return;
          yield toCsv(PATIENT_LIST_COLUMNS, page.rows, false);
          after = page.ids.at(-1)!;
          if (page.ids.length < PAGE) return;
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('patients.csv'))
        .send(Readable.from(pages()));
    },
  );

  await app.register(bulkExportRoutes);
}
