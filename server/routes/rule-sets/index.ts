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
import {
  insertRuleSetCopy,
  insertRuleSetVersion,
  ruleSetById,
  ruleSetViews,
  saveDefaultRuleSet,
} from '../../services/rule-sets.ts';
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
        const id = await insertRuleSetCopy(tx, from, request.body.name, user.id);
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'rule-set.create',
          entity: 'rule-set',
          entityId: id,
          ip: request.ip,
          details: { from: from.id },
        });
        return id;
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
        const { id, version } = await insertRuleSetVersion(
          tx,
          base,
          request.body.settings,
          user.id,
        );
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'rule-set.create',
          entity: 'rule-set',
          entityId: id,
          ip: request.ip,
          details: { key: base.key, version },
        });
        return id;
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
        await saveDefaultRuleSet(tx, request.body.ruleSetId, user.id);
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
