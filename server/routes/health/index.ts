import * as z from 'zod';
import { PublicConfigSchema } from '../../../domain/index.ts';
import { assertMigrated } from '../../db/migrate.ts';
import type { App } from '../../types.ts';

/** GET /api/v1/health: 200 once migrations have run (api.md); the app starts only after they do. */
export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/health',
    {
      config: { public: true },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      await assertMigrated(app.db);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/api/v1/config',
    {
      config: { public: true },
      schema: { tags: ['system'], response: { 200: PublicConfigSchema } },
    },
    async () => ({ demoMode: app.config.demo, idleTimeoutMinutes: app.config.idleTimeoutMinutes }),
  );
}
