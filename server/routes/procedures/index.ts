import * as z from 'zod';
import {
  FACET_LEVELS,
  IdParamsSchema as IdParams,
  InterpretationSignSchema,
  PROCEDURE_SHORT,
  ProcedureCreateSchema,
  ProcedureViewSchema,
  type Region,
  type Stage,
} from '../../../domain/index.ts';
import { badRequest, HttpProblem, notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { checksFailedBy } from '../../services/episode-checks.ts';
import { assessProcedure, loadProcedure, procedureViews } from '../../services/procedure-data.ts';
import { lockProcedureForSigning } from '../../services/write-locks.ts';
import type { App } from '../../types.ts';
import { diaryRoutes } from './diary.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';
import { afterProcedureRecorded } from '../../services/procedure-follow-ups.ts';

/** The stage a new procedure moves its episode to, when that is the natural next stage (forward only). */
function naturalStageAfter(
  stage: Stage,
  intent: 'diagnostic' | 'therapeutic',
  kind: string,
): Stage | null {
  if (intent === 'diagnostic' && stage === 'conservative-care') return 'diagnostic-blocks';
  if ((intent === 'therapeutic' || kind === 'rfa') && stage === 'diagnostic-blocks')
    return 'treatment';
  return null;
}

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
        const rows = await tx
          .selectFrom('procedures')
          .selectAll()
          .where('episode_id', '=', id)
          .orderBy('performed_at', 'desc')
          .orderBy('sequence', 'desc')
          .execute();
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
        const episode = await tx
          .selectFrom('episodes')
          .select(['patient_id', 'region', 'stage', 'version'])
          .where('id', '=', episodeId)
          .forUpdate()
          .executeTakeFirst();
        if (!episode) throw notFound('The episode');
        if (episode.stage === 'discharged')
          throw new HttpProblem({
            status: 422,
            title: 'Episode closed',
            code: 'episode-closed',
            detail: 'This episode is discharged; open a new episode for new procedures.',
          });
        const allowed = FACET_LEVELS[episode.region as Region];
        const wrong = b.levels
          .map((level, i) => ({ level, i }))
          .filter(({ level }) => !allowed.includes(level));
        if (wrong.length) {
          throw badRequest(
            wrong.map(({ level, i }) => ({
              path: `levels.${i}`,
              message: `${level} is not a ${episode.region} level (${allowed[0]} to ${allowed.at(-1)})`,
            })),
          );
        }
        if (b.performerId) {
          const performer = await tx
            .selectFrom('users')
            .select('role')
            .where('id', '=', b.performerId)
            .executeTakeFirst();
          if (performer?.role !== 'physician')
            throw badRequest([
              { path: 'performerId', message: 'The performer must be a physician' },
            ]);
        }
        // A procedure that would fail a payer-rule check needs the physician's recorded reason (issue: next step).
        const failing = await checksFailedBy(tx, episodeId, b);
        if (failing.length && !b.overrideReason) {
          throw new HttpProblem({
            status: 422,
            title: 'Payer-rule checks fail',
            code: 'checks-failed',
            detail: `This procedure would fail: ${failing.map((c) => c.message).join(' ')} Record an override reason to go ahead.`,
            errors: [
              {
                path: 'overrideReason',
                message: 'Give a reason for going ahead although these checks fail',
              },
            ],
            current: failing,
          });
        }
        const last = await tx
          .selectFrom('procedures')
          .select((eb) => eb.fn.max('sequence').as('n'))
          .where('episode_id', '=', episodeId)
          .executeTakeFirst();
        const row = await tx
          .insertInto('procedures')
          .values({
            episode_id: episodeId,
            kind: b.kind,
            intent: b.intent,
            sequence: Number(last?.n ?? 0) + 1,
            performed_at: new Date(b.performedAt),
            levels: JSON.stringify(b.levels),
            side: b.side,
            anesthetic_agent: b.anesthetic.agent,
            anesthetic_concentration_percent: b.anesthetic.concentrationPercent,
            anesthetic_volume_ml: b.anesthetic.volumeMl,
            steroid_name: b.steroid?.name ?? null,
            steroid_dose_mg: b.steroid?.doseMg ?? null,
            guidance: b.guidance,
            sedation: b.sedation,
            performer_id: b.performerId ?? user.id,
            complications: JSON.stringify(b.complications),
            notes: b.notes,
            recorded_by: user.id,
            sedation_reason: b.sedationReason,
            interval_exception_reason: b.intervalExceptionReason,
            rfa_not_possible_reason: b.rfaNotPossibleReason,
            override_reason: failing.length ? b.overrideReason : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await afterProcedureRecorded(tx, row, b.plannedProcedureId ?? null, user.id); // issue 12: booking, follow-up schedule
        const patientId = String(episode.patient_id);
        const next = naturalStageAfter(episode.stage as Stage, b.intent, b.kind);
        if (next) {
          await tx
            .updateTable('episodes')
            .set({ stage: next, version: episode.version + 1 })
            .where('id', '=', episodeId)
            .execute();
          await tx
            .insertInto('stage_changes')
            .values({
              episode_id: episodeId,
              from_stage: episode.stage,
              to_stage: next,
              reason: `${PROCEDURE_SHORT[b.kind]} recorded`,
              by_user: user.id,
            })
            .execute();
          await app.audit.patientData(
            tx,
            request,
            'episode.stage',
            patientId,
            'episode',
            episodeId,
            { from: episode.stage, to: next },
          );
        }
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
            ...(failing.length ? { overriddenChecks: failing.map((c) => c.id) } : {}),
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
        const last = await tx
          .selectFrom('interpretations')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('procedure_id', '=', id)
          .executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        await tx
          .insertInto('interpretations')
          .values({
            procedure_id: id,
            version,
            text: request.body.text,
            verdict: assessment.verdict,
            rule_set_id: ruleSet.id,
            signed_by: user.id,
          })
          .execute();
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
