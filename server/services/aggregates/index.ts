/**
 * Aggregates across patients and episodes: the numbers behind the practice dashboard and outcome
 * reports (routes/reports/). Each aggregate has its own file here, re-exported from this index.
 *
 * Rules for this folder:
 * - Take a `Kysely<Database>` (the route's transaction) and return plain objects typed by a
 *   domain/schemas response schema; no Fastify types, no imports from routes/.
 * - Count and group in SQL; any clinical reading (verdicts, relief, checks) goes through domain/
 *   functions so a dashboard never disagrees with the episode screens (block-readings.ts hands SQL's
 *   per-series summaries to domain/outcomes/block-reading.ts).
 * - Read episodes under their own rule set, else the practice default, as `ruleSetForEpisode()` does
 *   (cohort.ts `ruleSetIdSql`).
 * - The practice report returns counts only, small cells suppressed; outcomes return ids (physicians).
 */
export { practiceReport } from './practice.ts';
export { outcomesReport, MAX_POINTS } from './outcomes.ts';
export { createReportCache, type ReportCache } from './report-cache.ts';
