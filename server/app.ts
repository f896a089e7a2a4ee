import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerProblemHandling } from './plugins/problems.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { registerSpa } from './plugins/spa.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { authRoutes } from './routes/auth/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { userRoutes } from './routes/users/index.ts';
import { patientRoutes } from './routes/patients/index.ts';
import { episodeRoutes } from './routes/episodes/index.ts';
import { careRecordRoutes } from './routes/episodes/care-records.ts';
import { procedureRoutes } from './routes/procedures/index.ts';
import { diaryRoutes } from './routes/procedures/diary.ts';
import { correctionRoutes } from './routes/corrections/index.ts';
import { ruleSetRoutes } from './routes/rule-sets/index.ts';
import { checkRoutes } from './routes/episodes/checks.ts';
import { reportRoutes } from './routes/episodes/report.ts';
import { practiceSettingsRoutes } from './routes/practice-settings/index.ts';
import { diaryLinkRoutes } from './routes/diary-links/index.ts';
import type { App } from './types.ts';

/** Largest request body accepted (clinical forms are small). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Logs method, path and status, never query strings (a patient search would put a name there). */
const requestSerializer = (req: { method: string; url: string; ip?: string }) => ({
  method: req.method,
  path: req.url.split('?')[0]!.replace(/\/diary\/[^/]+/, '/diary/:token'),
});

/** Builds the whole product (API, docs, SPA) on an open, migrated database; the caller listens. */
export async function buildApp(config: ServerConfig, db: Db, logger: FastifyServerOptions['logger'] = { level: config.logLevel }): Promise<App> {
  const app = Fastify({
    logger: logger === false ? false : { ...(typeof logger === 'object' ? logger : {}), serializers: { req: requestSerializer } },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db.kysely);
  app.decorate('config', config);

  registerProblemHandling(app);
  await registerSecurityHeaders(app);
  await registerAuth(app);
  await app.register(swagger, {
    openapi: { info: { title: 'FacetTrack API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { validatorUrl: null } });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(patientRoutes);
  await app.register(episodeRoutes);
  await app.register(careRecordRoutes);
  await app.register(procedureRoutes);
  await app.register(diaryRoutes);
  await app.register(correctionRoutes);
  await app.register(ruleSetRoutes);
  await app.register(checkRoutes);
  await app.register(reportRoutes);
  await app.register(practiceSettingsRoutes);
  await app.register(diaryLinkRoutes);
  await registerSpa(app);
  return app;
}
