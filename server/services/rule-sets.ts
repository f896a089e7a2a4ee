import type { Kysely } from 'kysely';
import { BUILT_IN_RULE_SETS, DEFAULT_RULE_SET_KEY, type RuleSetSettings } from '../../domain/rule-sets.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Database } from '../db/schema.ts';

export interface StoredRuleSet { id: string; key: string; name: string; version: number; builtIn: boolean; settings: RuleSetSettings }

/** Writes any built-in rule set version the database does not have yet (domain data is the source). */
export async function ensureBuiltInRuleSets(db: Kysely<Database>): Promise<void> {
  for (const rs of BUILT_IN_RULE_SETS) {
    await db.insertInto('rule_sets')
      .values({ key: rs.key, name: rs.name, version: rs.version, built_in: true, source: rs.source, settings: canonicalJson(rs.settings) })
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .execute();
  }
}

/** The practice's default rule set: the one chosen in practice settings, else the newest Medicare LCD. */
export async function defaultRuleSet(db: Kysely<Database>): Promise<StoredRuleSet> {
  const chosen = await db.selectFrom('practice_settings').select('value').where('key', '=', 'defaultRuleSetId').executeTakeFirst();
  const query = db.selectFrom('rule_sets').selectAll();
  const row = chosen
    ? await query.where('id', '=', String(chosen.value)).executeTakeFirst()
    : await query.where('key', '=', DEFAULT_RULE_SET_KEY).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) throw new Error('No rule sets: ensureBuiltInRuleSets has not run');
  return toStored(row);
}

export async function ruleSetById(db: Kysely<Database>, id: string): Promise<StoredRuleSet | null> {
  const row = await db.selectFrom('rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

function toStored(row: { id: string; key: string; name: string; version: number; built_in: boolean; settings: RuleSetSettings }): StoredRuleSet {
  // Settings added after a version was stored take the built-in default (LCD) value.
  const defaults = BUILT_IN_RULE_SETS.find((r) => r.key === row.key)?.settings ?? BUILT_IN_RULE_SETS[0]!.settings;
  return { id: String(row.id), key: row.key, name: row.name, version: row.version, builtIn: row.built_in, settings: { ...defaults, ...row.settings } };
}

/** The rule set an episode is judged by: its own, else the practice default. */
export async function episodeRuleSet(db: Kysely<Database>, episodeId: string): Promise<StoredRuleSet> {
  const episode = await db.selectFrom('episodes').select('rule_set_id').where('id', '=', episodeId).executeTakeFirst();
  return (episode?.rule_set_id ? await ruleSetById(db, String(episode.rule_set_id)) : null) ?? (await defaultRuleSet(db));
}
