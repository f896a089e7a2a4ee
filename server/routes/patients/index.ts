import type * as z from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  IdParamsSchema as IdParams,
  pageSchema,
  PatientCreateSchema,
  PatientListQuerySchema,
  PatientUpdateSchema,
  PatientViewSchema,
} from '../../../domain/index.ts';
import { notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import type { App } from '../../types.ts';
import { patientPageRoutes } from './page.ts';
import {
  registerPatient,
  searchPatients,
  updatePatient,
  withMrnUnique,
} from '../../services/patient-records.ts';
import { loadPatientView, loadPatientViewAudited } from '../../services/patient-views.ts';

const PageOfPatients = pageSchema(PatientViewSchema);

/** Patients (nurses and physicians): search, register, read, edit with optimistic concurrency. */
export async function patientRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const write = { permission: 'patients:write' as const };
  await app.register(patientPageRoutes); // the page in one call (issue 11)

  // GET ?q= puts search terms (patient names) in URLs, where proxy access logs keep them; the client
  // uses POST /patients/search with the same parameters in the body (FHIR's _search; issue 10, defect 10).
  // Everything runs on the transaction: PGlite has one connection, so app.db inside it would wait forever.
  const search = (request: FastifyRequest, query: z.output<typeof PatientListQuerySchema>) =>
    app.db.transaction().execute(async (tx) => {
      const found = await searchPatients(tx, query);
      await app.audit.patientData(tx, request, 'patient.search', null, 'patient', null, {
        patientIds: found.items.map((p) => p.id),
        ...(query.stage ? { stage: query.stage } : {}),
      });
      return found;
    });
  app.get(
    '/api/v1/patients',
    {
      config: read,
      schema: {
        tags: ['patients'],
        querystring: PatientListQuerySchema,
        response: { 200: PageOfPatients },
      },
    },
    (request) => search(request, request.query),
  );
  app.post(
    '/api/v1/patients/search',
    {
      config: read,
      schema: {
        tags: ['patients'],
        body: PatientListQuerySchema,
        response: { 200: PageOfPatients },
      },
    },
    (request) => search(request, request.body),
  );

  app.post(
    '/api/v1/patients',
    {
      config: write,
      schema: {
        tags: ['patients'],
        body: PatientCreateSchema,
        response: { 201: PatientViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const view = await withMrnUnique(request.body.mrn, () =>
        app.db.transaction().execute(async (tx) => {
          const id = await registerPatient(tx, request.body, user.id);
          await app.audit.patientData(tx, request, 'patient.create', id, 'patient', id);
          return (await loadPatientView(tx, id))!;
        }),
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/patients/:id',
    {
      config: read,
      schema: { tags: ['patients'], params: IdParams, response: { 200: PatientViewSchema } },
    },
    async (request) => {
      const { id } = request.params;
      // The most frequent audited read: one statement, its audit row included, on the shared
      // connections (db/shared-reads.ts; issue 11).
      const entry = app.audit.patientDataEntry(request, 'patient.read', id, 'patient', id);
      const view = await loadPatientViewAudited(app.sharedReads, id, entry);
      if (!view) throw notFound('The patient');
      return view;
    },
  );

  app.patch(
    '/api/v1/patients/:id',
    {
      config: write,
      schema: {
        tags: ['patients'],
        params: IdParams,
        body: PatientUpdateSchema,
        response: { 200: PatientViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      return withMrnUnique(request.body.mrn ?? '', () =>
        app.db.transaction().execute(async (tx) => {
          const fields = await updatePatient(tx, id, request.body, user.id);
          // Field names only: the audit trail never copies names or contact details.
          await app.audit.patientData(tx, request, 'patient.update', id, 'patient', id, { fields });
          return (await loadPatientView(tx, id))!;
        }),
      );
    },
  );
}
