import type { Kysely } from 'kysely';
import type * as z from 'zod';
import {
  addMonths,
  type DurabilitySchema,
  localDateOf,
  PROCEDURE_SHORT,
  type ProcedureKind,
  rfaDurability,
} from '../../domain/index.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { Database } from '../db/schema.ts';
import { validScoresOfProcedure } from './clinical-rows.ts';
import { episodeRuleSet } from './rule-sets.ts';

type Durability = z.output<typeof DurabilitySchema>;

const rfasOf = compiledOnce((db, p: { id: string }) =>
  db
    .selectFrom('procedures')
    .selectAll()
    .where('episode_id', '=', p.id)
    .where('kind', '=', 'rfa')
    .where('error_reason', 'is', null)
    .orderBy('performed_at'),
);

/**
 * Each RFA of an episode with its durability: relief still >= 50% at 3, 6 and 12 months (issue 12;
 * the rule is domain `rfaDurability`), against the pre-procedure baseline of each context.
 */
export async function episodeRfaDurability(
  tx: Kysely<Database>,
  episodeId: string,
  timeZone: string,
  today: string,
): Promise<Durability> {
  const rfas = await rfasOf(tx, { id: episodeId });
  if (!rfas.length) return [];
  // Every RFA here is the episode's, read under the episode's rule set: one read of it, beside
  // each RFA's scores (issue 11: it was three reads in a row for each RFA).
  const [ruleSet, ...read] = await Promise.all([
    episodeRuleSet(tx, episodeId),
    ...rfas.map((p) => validScoresOfProcedure(tx, { id: p.id })),
  ]);
  const out: Durability = [];
  for (const [i, p] of rfas.entries()) {
    const scores = read[i]!;
    const baselines: Partial<Record<'rest' | 'activity', number>> = {};
    for (const s of scores)
      if (s.minutes_after <= 0 && s.side === null)
        baselines[s.context as 'rest' | 'activity'] = s.score;
    const performedOn = localDateOf(p.performed_at, timeZone);
    const later = scores
      .filter(
        (s) =>
          s.minutes_after > 0 &&
          s.describes_at <= new Date(`${addMonths(performedOn, 13)}T00:00:00Z`),
      )
      .map((s) => ({
        date: localDateOf(s.describes_at, timeZone),
        score: s.score,
        context: s.context as 'rest' | 'activity',
        reportedReliefPercent: s.reported_relief_percent,
      }));
    out.push({
      procedureId: String(p.id),
      label: `${PROCEDURE_SHORT[p.kind as ProcedureKind]} #${i + 1}`,
      performedOn,
      milestones: rfaDurability(
        performedOn,
        baselines,
        later,
        today,
        Math.max(ruleSet.settings.followUpWindowDays, 14),
      ),
    });
  }
  return out;
}
