/**
 * Aggregates across patients and episodes: the numbers behind the practice dashboard and outcome
 * reports (routes/reports/). Empty until those features land; each aggregate gets its own file here
 * (for example `procedure-volume.ts`, `block-outcomes.ts`) and is re-exported from this index.
 *
 * Rules for this folder:
 * - Take a `Kysely<Database>` (the route's transaction) and return plain objects typed by a
 *   domain/schemas response schema; no Fastify types, no imports from routes/.
 * - Count and group in SQL; any clinical reading (verdicts, relief, checks) goes through domain/
 *   functions so a dashboard never disagrees with the episode screens.
 * - Read episodes under `ruleSetForEpisode()` (services/rule-sets.ts) like every other read.
 * - Return counts and ids only; names and contact details stay out of aggregates.
 */
export {};
