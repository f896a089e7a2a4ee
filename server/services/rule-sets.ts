import type { Kysely } from 'kysely';
import {
  BUILT_IN_RULE_SETS,
  DEFAULT_RULE_SET_KEY,
  type RuleSetSettings,
} from '../../domain/rule-sets.ts';
import type { RuleSetView } from '../../domain/index.ts';
import { iso } from './clinical-rows.ts';
import { canonicalJson } from './canonical-json.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { Database } from '../db/schema.ts';
import { savePracticeSetting } from './practice-settings.ts';
import { lockRuleSetKey, newRuleSetKey } from './write-locks.ts';

/** The practice_settings key that holds the chosen default rule set's id. */
const DEFAULT_RULE_SET_SETTING = 'defaultRuleSetId';

export interface StoredRuleSet {
  id: string;
  key: string;
  name: string;
  version: number;
  builtIn: boolean;
  settings: RuleSetSettings;
}

/** Writes any built-in rule set version the database does not have yet (domain data is the source). */
export async function ensureBuiltInRuleSets(db: Kysely<Database>): Promise<void> {
  for (const rs of BUILT_IN_RULE_SETS) {
    await db
      .insertInto('rule_sets')
      .values({
        key: rs.key,
        name: rs.name,
        version: rs.version,
        built_in: true,
        source: rs.source,
        settings: canonicalJson(rs.settings),
      })
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .execute();
  }
}

/** The practice's default rule set: the one chosen in practice settings, else the newest Medicare LCD. */
export async function defaultRuleSet(db: Kysely<Database>): Promise<StoredRuleSet> {
  const chosen = await db
    .selectFrom('practice_settings')
    .select('value')
    .where('key', '=', DEFAULT_RULE_SET_SETTING)
    .executeTakeFirst();
  const query = db.selectFrom('rule_sets').selectAll();
  const row = chosen
    ? await query.where('id', '=', String(chosen.value)).executeTakeFirst()
    : await query
        .where('key', '=', DEFAULT_RULE_SET_KEY)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
  if (!row) throw new Error('No rule sets: ensureBuiltInRuleSets has not run');
  return toStored(row);
}

/**
 * The rule set an episode is read under, everywhere (record, checks, diary, assessment, timeline, report):
 * the one stored on the episode, else the practice default (an episode without one, or a dangling id).
 */
export async function ruleSetForEpisode(
  db: Kysely<Database>,
  episodeRuleSetId: string | null,
): Promise<StoredRuleSet> {
  return (
    (episodeRuleSetId ? await ruleSetById(db, String(episodeRuleSetId)) : null) ??
    (await defaultRuleSet(db))
  );
}

const ruleSetRow = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('rule_sets').selectAll().where('id', '=', p.id),
);
const episodeRuleSetId = compiledOnce((db, p: { id: string }) =>
  db.selectFrom('episodes').select('rule_set_id').where('id', '=', p.id),
);

export async function ruleSetById(db: Kysely<Database>, id: string): Promise<StoredRuleSet | null> {
  const [row] = await ruleSetRow(db, { id });
  return row ? toStored(row) : null;
}

/** Every rule set, built-in first, for GET /rule-sets: which one is the practice default and which versions are the latest. */
export async function ruleSetViews(db: Kysely<Database>): Promise<RuleSetView[]> {
  const rows = await db
    .selectFrom('rule_sets')
    .selectAll()
    .orderBy('built_in', 'desc')
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  const defaultId = (await defaultRuleSet(db)).id;
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.key, Math.max(latest.get(r.key) ?? 0, r.version));
  return rows.map((r) => {
    const { settings } = toStored(r);
    return {
      id: String(r.id),
      key: r.key,
      name: r.name,
      version: r.version,
      builtIn: r.built_in,
      source: r.source,
      isDefault: String(r.id) === defaultId,
      isLatest: latest.get(r.key) === r.version,
      createdAt: iso(r.created_at),
      positiveThresholdPercent: settings.positiveThresholdPercent,
      settings,
    };
  });
}

function toStored(row: {
  id: string;
  key: string;
  name: string;
  version: number;
  built_in: boolean;
  settings: RuleSetSettings;
}): StoredRuleSet {
  // Settings added after a version was stored take the built-in default (LCD) value.
  const defaults =
    BUILT_IN_RULE_SETS.find((r) => r.key === row.key)?.settings ?? BUILT_IN_RULE_SETS[0]!.settings;
  return {
    id: String(row.id),
    key: row.key,
    name: row.name,
    version: row.version,
    builtIn: row.built_in,
    settings: { ...defaults, ...row.settings },
  };
}

/** The rule set of the episode with id `episodeId` (see ruleSetForEpisode). */
export async function episodeRuleSet(
  db: Kysely<Database>,
  episodeId: string,
): Promise<StoredRuleSet> {
  const [episode] = await episodeRuleSetId(db, { id: episodeId });
  return ruleSetForEpisode(db, episode?.rule_set_id ?? null);
}

/** Writes a copy of a rule set under a new key, as version 1 (call inside the audited transaction). */
export async function insertRuleSetCopy(
  tx: Kysely<Database>,
  from: StoredRuleSet,
  name: string,
  userId: string,
): Promise<string> {
  const row = await tx
    .insertInto('rule_sets')
    .values({
      key: newRuleSetKey(),
      name,
      version: 1,
      built_in: false,
      source: `Copied from ${from.name} v${from.version}`,
      settings: canonicalJson(from.settings),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Saves edited settings as the next version of a rule set's key (never in place), holding the key's
 * lock so two edits cannot take the same number (call inside the audited transaction).
 */
export async function insertRuleSetVersion(
  tx: Kysely<Database>,
  base: StoredRuleSet,
  settings: RuleSetSettings,
  userId: string,
): Promise<{ id: string; version: number }> {
  await lockRuleSetKey(tx, base.key);
  const top = await tx
    .selectFrom('rule_sets')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('key', '=', base.key)
    .executeTakeFirstOrThrow();
  const version = Number(top.v) + 1;
  const row = await tx
    .insertInto('rule_sets')
    .values({
      key: base.key,
      name: base.name,
      version,
      built_in: false,
      source: `Edited from v${base.version}`,
      settings: canonicalJson({
        ...settings,
        diaryMinutes: [...settings.diaryMinutes].sort((a, b) => a - b),
      }),
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: String(row.id), version };
}

/** Makes a rule set the practice default (call inside the audited transaction). */
export function saveDefaultRuleSet(
  tx: Kysely<Database>,
  ruleSetId: string,
  userId: string,
): Promise<void> {
  return savePracticeSetting(tx, DEFAULT_RULE_SET_SETTING, ruleSetId, userId);
}
