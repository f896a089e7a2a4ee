import * as z from 'zod';
import {
  DefaultRuleSetSchema,
  IdSchema,
  RuleSetCopySchema,
  RuleSetViewSchema,
  RuleSetVersionSchema,
} from '../../../domain/index.ts';
import { badRequest, HttpProblem, notFound } from '../../http-problem.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { canonicalJson } from '../../services/canonical-json.ts';
import { ruleSetById, ruleSetViews } from '../../services/rule-sets.ts';
import { lockRuleSetKey, newRuleSetKey } from '../../services/write-locks.ts';
import type { App } from '../../types.ts';

/**
 * Rule sets (api.md GET /rule-sets): everyone signed in may read them; admins copy one, save edits as
 * a new version (never in place: every assessment names the version it used) and pick the default.
 */
export async function ruleSetRoutes(app: App): Promise<void> {
  const admin = { permission: 'rule-sets:manage' as const };

  const list = () => ruleSetViews(app.db);

  app.get(
    '/api/v1/rule-sets',
    { schema: { tags: ['rule-sets'], response: { 200: z.array(RuleSetViewSchema) } } },
    list,
  );

  app.post(
    '/api/v1/rule-sets',
    {
      config: admin,
      schema: {
        tags: ['rule-sets'],
        body: RuleSetCopySchema,
        response: { 201: RuleSetViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const from = await ruleSetById(app.db, request.body.fromId);
      if (!from) throw badRequest([{ path: 'fromId', message: 'Unknown rule set' }]);
      const id = await app.db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('rule_sets')
          .values({
            key: newRuleSetKey(),
            name: request.body.name,
            version: 1,
            built_in: false,
            source: `Copied from ${from.name} v${from.version}`,
            settings: canonicalJson(from.settings),
            created_by: user.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'rule-set.create',
          entity: 'rule-set',
          entityId: String(row.id),
          ip: request.ip,
          details: { from: from.id },
        });
        return String(row.id);
      });
      return reply.status(201).send((await list()).find((r) => r.id === id)!);
    },
  );

  app.post(
    '/api/v1/rule-sets/:id/versions',
    {
      config: admin,
      schema: {
        tags: ['rule-sets'],
        params: z.object({ id: IdSchema }),
        body: RuleSetVersionSchema,
        response: { 201: RuleSetViewSchema },
      },
    },
    async (request, reply) => {
      const user = sessionOf(request).user;
      const base = await ruleSetById(app.db, request.params.id);
      if (!base) throw notFound('The rule set');
      if (base.builtIn)
        throw new HttpProblem({
          status: 422,
          title: 'Built-in rule set',
          code: 'built-in',
          detail: 'Built-in rule sets cannot be edited; copy one and edit the copy.',
        });
      const id = await app.db.transaction().execute(async (tx) => {
        await lockRuleSetKey(tx, base.key);
        const top = await tx
          .selectFrom('rule_sets')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('key', '=', base.key)
          .executeTakeFirstOrThrow();
        const row = await tx
          .insertInto('rule_sets')
          .values({
            key: base.key,
            name: base.name,
            version: Number(top.v) + 1,
            built_in: false,
            source: `Edited from v${base.version}`,
            settings: canonicalJson({
              ...request.body.settings,
              diaryMinutes: [...request.body.settings.diaryMinutes].sort((a, b) => a - b),
            }),
            created_by: user.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'rule-set.create',
          entity: 'rule-set',
          entityId: String(row.id),
          ip: request.ip,
          details: { key: base.key, version: Number(top.v) + 1 },
        });
        return String(row.id);
      });
      return reply.status(201).send((await list()).find((r) => r.id === id)!);
    },
  );

  app.put(
    '/api/v1/practice-settings/default-rule-set',
    {
      config: admin,
      schema: {
        tags: ['rule-sets'],
        body: DefaultRuleSetSchema,
        response: { 200: z.array(RuleSetViewSchema) },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      if (!(await ruleSetById(app.db, request.body.ruleSetId)))
        throw badRequest([{ path: 'ruleSetId', message: 'Unknown rule set' }]);
      await app.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('practice_settings')
          .values({
            key: 'defaultRuleSetId',
            value: JSON.stringify(request.body.ruleSetId),
            updated_by: user.id,
          })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              value: JSON.stringify(request.body.ruleSetId),
              updated_by: user.id,
              updated_at: new Date(),
            }),
          )
          .execute();
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'rule-set.default',
          entity: 'rule-set',
          entityId: request.body.ruleSetId,
          ip: request.ip,
        });
      });
      return list();
    },
  );
}
