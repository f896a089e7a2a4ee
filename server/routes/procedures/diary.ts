import * as z from 'zod';
import {
  diarySchedule, IdSchema, isLateEntry, PainScoreCreateSchema, type PainScoreView, PainScoreViewSchema, percentRelief,
} from '../../../domain/index.ts';
import type { PainScoresTable } from '../../db/schema.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { insertPainScore } from '../../services/pain-scores.ts';
import { assessProcedure, loadProcedure } from '../../services/procedure-data.ts';
import type { App } from '../../types.ts';
import { auditPatientData, errorMark, iso, userNames } from '../clinical.ts';
import type { Selectable } from 'kysely';

const IdParams = z.object({ id: IdSchema });
const DiarySchema = z.object({
  performedAt: z.string(),
  lateEntryMinutes: z.number(),
  schedule: z.array(z.object({ minutesAfter: z.number(), status: z.enum(['done', 'due', 'overdue', 'upcoming']) })),
  scores: z.array(PainScoreViewSchema),
});

/** How a patient-entered score names who recorded it (issue 15). */
export const PATIENT_RECORDER = 'Patient (home diary)';

export function scoreViews(rows: Selectable<PainScoresTable>[], names: Map<string, string>, lateEntryMinutes: number): PainScoreView[] {
  const baselineOf = (r: Selectable<PainScoresTable>) => {
    const candidates = rows.filter((b) => !b.error_reason && b.minutes_after <= 0 && b.context === r.context && b.side === r.side);
    return candidates.length ? candidates[candidates.length - 1]!.score : null;
  };
  return rows.map((r) => {
    const baseline = baselineOf(r);
    return {
      id: String(r.id), procedureId: String(r.procedure_id), minutesAfter: r.minutes_after, describesAt: iso(r.describes_at), enteredAt: iso(r.entered_at),
      late: isLateEntry(r.describes_at, r.entered_at, lateEntryMinutes), score: r.score, context: r.context as PainScoreView['context'],
      side: r.side as PainScoreView['side'], reportedReliefPercent: r.reported_relief_percent,
      reliefPercent: r.minutes_after > 0 && baseline !== null ? percentRelief(baseline, r.score) : null,
      recordedByName: r.source === 'patient' ? PATIENT_RECORDER : names.get(String(r.recorded_by)) ?? 'Unknown', source: r.source, version: r.version,
      enteredInError: errorMark(r, names),
    };
  });
}

/** The post-block pain diary (nurses and physicians) and the block's assessment. */
export async function diaryRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };

  app.get('/api/v1/procedures/:id/pain-scores', { config: read, schema: { tags: ['diary'], params: IdParams, response: { 200: DiarySchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { row, patientId, ruleSet } = await loadProcedure(tx, id);
      const rows = await tx.selectFrom('pain_scores').selectAll().where('procedure_id', '=', id).orderBy('minutes_after').orderBy('id').execute();
      const names = await userNames(tx, rows.flatMap((r) => [r.recorded_by, r.error_by]));
      const valid = rows.filter((r) => !r.error_reason).map((r) => r.minutes_after);
      await auditPatientData(tx, request, 'procedure.read', patientId, 'pain-score', null, { procedureId: id });
      return {
        performedAt: iso(row.performed_at), lateEntryMinutes: ruleSet.settings.lateEntryMinutes,
        schedule: diarySchedule(ruleSet.settings.diaryMinutes, row.performed_at, valid, new Date()),
        scores: scoreViews(rows, names, ruleSet.settings.lateEntryMinutes),
      };
    });
  });

  app.post('/api/v1/procedures/:id/pain-scores', { config: { permission: 'patients:write' }, schema: { tags: ['diary'], params: IdParams, body: PainScoreCreateSchema, response: { 201: PainScoreViewSchema } } }, async (request, reply) => {
    const user = sessionOf(request).user;
    const { id } = request.params;
    const b = request.body;
    const view = await app.db.transaction().execute(async (tx) => {
      const { row, patientId, ruleSet } = await loadProcedure(tx, id);
      const inserted = await insertPainScore(tx, row, b, { kind: 'staff', userId: user.id });
      const minutesAfter = inserted.minutes_after;
      await auditPatientData(tx, request, 'pain-score.create', patientId, 'pain-score', String(inserted.id), { procedureId: id, minutesAfter });
      const all = await tx.selectFrom('pain_scores').selectAll().where('procedure_id', '=', id).orderBy('minutes_after').orderBy('id').execute();
      return scoreViews(all, new Map([[user.id, user.name]]), ruleSet.settings.lateEntryMinutes).find((s) => s.id === String(inserted.id))!;
    });
    return reply.status(201).send(view);
  });

  app.get('/api/v1/procedures/:id/assessment', { config: read, schema: { tags: ['diary'], params: IdParams } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { patientId, ...assessment } = await assessProcedure(tx, id);
      await auditPatientData(tx, request, 'procedure.read', patientId, 'assessment', id);
      return assessment;
    });
  });
}
