import * as z from 'zod';
import {
  IdParamsSchema as IdParams,
  InterpretationSignSchema,
  ProcedureCreateSchema,
  ProcedureViewSchema,
} from '../../../domain/index.ts';
import { HttpProblem } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';
import { assessProcedure, loadProcedure, procedureViews } from '../../services/procedure-data.ts';
import {
  episodeProcedureRows,
  recordProcedure,
  signInterpretation,
} from '../../services/procedure-record.ts';
import { lockProcedureForSigning } from '../../services/write-locks.ts';
import type { App } from '../../types.ts';
import { diaryRoutes } from './diary.ts';

/** Procedures on an episode (physicians record them), and the signed interpretation of each. */
export async function procedureRoutes(app: App): Promise<void> {
  await app.register(diaryRoutes);
  const read = { permission: 'patients:read' as const };

  app.get(
    '/api/v1/episodes/:id/procedures',
    {
      config: read,
      schema: {
        tags: ['procedures'],
        params: IdParams,
        response: { 200: z.array(ProcedureViewSchema) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const rows = await episodeProcedureRows(tx, id);
        await app.audit.patientData(tx, request, 'procedure.read', patientId, 'procedure', null, {
          episodeId: id,
          procedureIds: rows.map((r) => String(r.id)),
        });
        return procedureViews(tx, rows);
      });
    },
  );

  app.post(
    '/api/v1/episodes/:id/procedures',
    {
      config: { permission: 'procedures:write' },
      schema: {
        tags: ['procedures'],
        params: IdParams,
        body: ProcedureCreateSchema,
        response: { 201: ProcedureViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const { id: episodeId } = request.params;
      const b = request.body;
      const view = await app.db.transaction().execute(async (tx) => {
        const { row, patientId, stageChange, overriddenChecks } = await recordProcedure(
          tx,
          episodeId,
          b,
          user.id,
        );
        if (stageChange)
          await app.audit.patientData(
            tx,
            request,
            'episode.stage',
            patientId,
            'episode',
            episodeId,
            stageChange,
          );
        await app.audit.patientData(
          tx,
          request,
          'procedure.create',
          patientId,
          'procedure',
          String(row.id),
          {
            kind: b.kind,
            intent: b.intent,
            ...(overriddenChecks.length ? { overriddenChecks } : {}),
          },
        );
        return (await procedureViews(tx, [row]))[0]!;
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/v1/procedures/:id',
    {
      config: read,
      schema: { tags: ['procedures'], params: IdParams, response: { 200: ProcedureViewSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { row, patientId } = await loadProcedure(tx, id);
        await app.audit.patientData(tx, request, 'procedure.read', patientId, 'procedure', id);
        return (await procedureViews(tx, [row]))[0]!;
      });
    },
  );

  // Signing records who and when; signing again makes a new version, the old ones stay.
  app.post(
    '/api/v1/procedures/:id/interpretation',
    {
      config: { permission: 'interpretations:sign' },
      schema: {
        tags: ['procedures'],
        params: IdParams,
        body: InterpretationSignSchema,
        response: { 200: ProcedureViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        await lockProcedureForSigning(tx, id); // loadProcedure answers 404 when it is missing
        const { row, patientId, ruleSet } = await loadProcedure(tx, id);
        if (row.error_reason)
          throw new HttpProblem({
            status: 422,
            title: 'Procedure entered in error',
            code: 'entered-in-error',
            detail: 'This procedure is marked entered in error and cannot be interpreted.',
          });
        const assessment = await assessProcedure(tx, id);
        const version = await signInterpretation(tx, id, {
          text: request.body.text,
          verdict: assessment.verdict,
          ruleSetId: ruleSet.id,
          userId: user.id,
        });
        await app.audit.patientData(
          tx,
          request,
          'interpretation.sign',
          patientId,
          'procedure',
          id,
          { version, verdict: assessment.verdict },
        );
        return (await procedureViews(tx, [row]))[0]!;
      });
    },
  );
}
