import { PracticeSettingsUpdateSchema, PracticeSettingsViewSchema } from '../../../domain/index.ts';
import { sessionOf } from '../../plugins/auth.ts';
import { practiceSettings, savePracticeTimeZone } from '../../services/practice-settings.ts';
import type { App } from '../../types.ts';

/** Practice settings: every signed-in user reads them (dates are shown in the zone); admins change them. */
export async function practiceSettingsRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/practice-settings',
    { schema: { tags: ['settings'], response: { 200: PracticeSettingsViewSchema } } },
    async () => practiceSettings(app.db),
  );

  app.put(
    '/api/v1/practice-settings',
    {
      config: { permission: 'settings:manage' },
      schema: {
        tags: ['settings'],
        body: PracticeSettingsUpdateSchema,
        response: { 200: PracticeSettingsViewSchema },
      },
    },
    async (request) => {
      const user = sessionOf(request).user;
      await app.db.transaction().execute(async (tx) => {
        await savePracticeTimeZone(tx, request.body.timeZone, user.id);
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'settings.update',
          entity: 'practice-settings',
          ip: request.ip,
          details: { timeZone: request.body.timeZone },
        });
      });
      return practiceSettings(app.db);
    },
  );
}
