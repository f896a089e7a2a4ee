import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ServerConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { auditPlugin } from './plugins/audit.ts';
import { registerAuditSealer } from './plugins/audit-sealer.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerChangeNotices } from './plugins/change-notices.ts';
import { registerCompression } from './plugins/compression.ts';
import { databasePlugin } from './plugins/database.ts';
import { registerDeniedAccessAudit } from './services/denied-access.ts';
import { registerProblemHandling } from './plugins/problems.ts';
import { registerRequestOrder } from './plugins/request-order.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { registerSpa } from './plugins/spa.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { userRoutes } from './routes/users/index.ts';
import { patientRoutes } from './routes/patients/index.ts';
import { episodeRoutes } from './routes/episodes/index.ts';
import { procedureRoutes } from './routes/procedures/index.ts';
import { correctionRoutes } from './routes/corrections/index.ts';
import { practiceReportRoutes } from './routes/reports/index.ts';
import { ruleSetRoutes } from './routes/rule-sets/index.ts';
import { practiceSettingsRoutes } from './routes/practice-settings/index.ts';
import { exportRoutes } from './routes/exports/index.ts';
import { diaryLinkRoutes } from './routes/diary-links/index.ts';
import { loggableError } from './services/log-safety.ts';
import type { App } from './types.ts';
import { createClock } from './services/clock.ts';
import { followUpRoutes } from './routes/follow-ups/index.ts';
import { plannedProcedureRoutes } from './routes/planned-procedures/index.ts';
import { nursesDayRoutes } from './routes/worklist/index.ts';

/** Largest request body accepted (clinical forms are small). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Logs method, path and status, never query strings (a patient search would put a name there). */
const requestSerializer = (req: { method: string; url: string; ip?: string }) => ({
  method: req.method,
  path: req.url.split('?')[0]!.replace(/\/diary\/[^/]+/, '/diary/:token'),
});

/** Builds the whole product (API, docs, SPA) on an open, migrated database; the caller listens. */
export async function buildApp(
  config: ServerConfig,
  db: Db,
  logger: FastifyServerOptions['logger'] = { level: config.logLevel },
): Promise<App> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            ...(typeof logger === 'object' ? logger : {}),
            serializers: {
              req: requestSerializer,
              err: (error: Error) => ({ ...loggableError(error) }),
            },
          },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  await app.register(databasePlugin, { db });
  await app.register(auditPlugin);
  app.decorate('clock', createClock());

  registerRequestOrder(app);
  await registerAuditSealer(app, db);
  registerProblemHandling(app);
  await registerSecurityHeaders(app);
  await registerCompression(app);
  await registerChangeNotices(app, db);
  await registerAuth(app);
  registerDeniedAccessAudit(app);
  await app.register(swagger, {
    openapi: { info: { title: 'FacetTrack API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { validatorUrl: null },
  });

  // One line per resource; each folder's index.ts registers its own sub-routes.
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(patientRoutes);
  await app.register(episodeRoutes);
  await app.register(procedureRoutes);
  await app.register(correctionRoutes);
  await app.register(ruleSetRoutes);
  await app.register(practiceSettingsRoutes);
  await app.register(practiceReportRoutes);
  await app.register(exportRoutes);
  await app.register(plannedProcedureRoutes);
  await app.register(followUpRoutes);
  await app.register(nursesDayRoutes); // issue 12: worklist, overdue digest
  await app.register(diaryLinkRoutes);
  await registerSpa(app);
  return app;
}
