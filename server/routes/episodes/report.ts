import * as z from 'zod';
import {
  assessBlock, type AssessmentView, type EpisodeReport, type FunctionInstrument, IdSchema, type Intent, type PainContext, PainTimelineSchema, procedureLabels, type ProcedureKind,
  type Region, type Stage,
} from '../../../domain/index.ts';
import { episodeChecks } from '../../services/episode-checks.ts';
import { episodeRecord } from '../../services/episode-record.ts';
import { loadPatientView } from '../../services/patient-views.ts';
import { assessProcedure, procedureViews } from '../../services/procedure-data.ts';
import { blockFactsOf, diaryScoresOf } from '../../services/rule-inputs.ts';
import { defaultRuleSet, ruleSetById } from '../../services/rule-sets.ts';
import type { App } from '../../types.ts';
import { auditPatientData, episodePatientId, iso, userNames } from '../clinical.ts';
import { scoreViews } from '../procedures/diary.ts';

const IdParams = z.object({ id: IdSchema });

/**
 * The patient's pain timeline over the whole episode (all NRS scores, procedure markers, stage bands,
 * function scores) and the printable documentation report. Both are reads of patient data: audited.
 */
export async function reportRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };

  app.get('/api/v1/episodes/:id/pain-timeline', { config: read, schema: { tags: ['episodes'], params: IdParams, response: { 200: PainTimelineSchema } } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx) => {
      const { patientId } = await episodePatientId(tx, id);
      const episode = await tx.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const ruleSet = episode.rule_set_id ? await ruleSetById(tx, String(episode.rule_set_id)) : null;
      const procedures = await tx.selectFrom('procedures').selectAll().where('episode_id', '=', id).where('error_reason', 'is', null).orderBy('performed_at').execute();
      const scores = procedures.length
        ? await tx.selectFrom('pain_scores').selectAll().where('procedure_id', 'in', procedures.map((p) => p.id)).where('error_reason', 'is', null).orderBy('describes_at').execute()
        : [];
      const history = await tx.selectFrom('stage_changes').selectAll().where('episode_id', '=', id).orderBy('id').execute();
      const functionScores = await tx.selectFrom('function_scores').selectAll().where('episode_id', '=', id).where('error_reason', 'is', null).orderBy('taken_on').execute();
      const labels = procedureLabels(procedures.map((p) => ({ id: String(p.id), kind: p.kind as ProcedureKind, performedAt: p.performed_at, sequence: p.sequence })));
      const rules = (ruleSet ?? (await defaultRuleSet(tx))).settings;
      // Each block's verdict per side, in words, for the patient page (domain assessBlock).
      const reading = (p: (typeof procedures)[number]) => assessBlock(diaryScoresOf(scores.filter((s) => String(s.procedure_id) === String(p.id)), rules), rules, blockFactsOf(p));
      await auditPatientData(tx, request, 'episode.read', patientId, 'pain-timeline', id);
      return {
        episode: { id, region: episode.region as Region, onsetDate: episode.onset_date, baselineNrsRest: episode.baseline_nrs_rest, baselineNrsActivity: episode.baseline_nrs_activity },
        ruleSet: ruleSet ? { id: ruleSet.id, name: ruleSet.name, version: ruleSet.version, positiveThresholdPercent: ruleSet.settings.positiveThresholdPercent, thresholdExclusive: ruleSet.settings.thresholdExclusive } : null,
        procedures: procedures.map((p) => ({ id: String(p.id), label: labels.get(String(p.id))!, kind: p.kind as ProcedureKind, intent: p.intent as Intent, performedAt: iso(p.performed_at), ...(() => { const a = reading(p); return { verdict: a.verdict, sideSummary: a.summary }; })() })),
        scores: scores.map((s) => ({
          at: iso(s.describes_at), score: s.score, context: s.context as PainContext, side: s.side as 'left' | 'right' | null, minutesAfter: s.minutes_after,
          procedureId: String(s.procedure_id), label: labels.get(String(s.procedure_id))!,
        })),
        stages: history.map((h, i) => ({ stage: h.to_stage as Stage, from: iso(h.at), to: history[i + 1] ? iso(history[i + 1]!.at) : null })),
        functionScores: functionScores.map((f) => ({ takenOn: f.taken_on, instrument: f.instrument as FunctionInstrument, total: f.total, band: f.band })),
      };
    });
  });

  app.get('/api/v1/episodes/:id/report', { config: read, schema: { tags: ['episodes'], params: IdParams } }, async (request) => {
    const { id } = request.params;
    return app.db.transaction().execute(async (tx): Promise<EpisodeReport> => {
      const { patientId } = await episodePatientId(tx, id);
      const [patient, record, checks] = await Promise.all([loadPatientView(tx, patientId), episodeRecord(tx, id), episodeChecks(tx, id)]);
      const rows = await tx.selectFrom('procedures').selectAll().where('episode_id', '=', id).where('error_reason', 'is', null).orderBy('performed_at').execute();
      const procedures = await procedureViews(tx, rows);
      const blocks: { procedure: (typeof procedures)[number]; scores: ReturnType<typeof scoreViews>; assessment: AssessmentView }[] = [];
      for (const procedure of procedures) {
        const scoreRows = await tx.selectFrom('pain_scores').selectAll().where('procedure_id', '=', procedure.id).where('error_reason', 'is', null).orderBy('minutes_after').execute();
        const names = await userNames(tx, scoreRows.map((r) => r.recorded_by));
        const { patientId: _, ...assessment } = await assessProcedure(tx, procedure.id);
        blocks.push({ procedure, scores: scoreViews(scoreRows, names, checks.input.rules.lateEntryMinutes), assessment });
      }
      await auditPatientData(tx, request, 'episode.read', patientId, 'report', id);
      return {
        generatedAt: new Date().toISOString(), patient: patient!, ...record, blocks,
        checks: { ruleSet: checks.ruleSet, checks: checks.checks, nextStep: checks.nextStep },
      };
    });
  });
}
