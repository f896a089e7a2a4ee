import {
  EpisodeViewSchema,
  IdParamsSchema as IdParams,
  IntakeExclusionsSchema,
} from '../../../domain/index.ts';
import type { App } from '../../types.ts';
import { saveIntakeExclusions } from '../../services/episode-writes.ts';

/** PUT /episodes/:id/intake-exclusions: radiculopathy and other causes, which the indication check reads (domain.md section 4). */
export async function intakeExclusionRoutes(app: App): Promise<void> {
  app.put(
    '/api/v1/episodes/:id/intake-exclusions',
    {
      config: { permission: 'patients:write' },
      schema: {
        tags: ['episodes'],
        params: IdParams,
        body: IntakeExclusionsSchema,
        response: { 200: EpisodeViewSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId, view } = await saveIntakeExclusions(tx, id, request.body);
        await app.audit.patientData(
          tx,
          request,
          'episode.intake-update',
          patientId,
          'episode',
          id,
          {},
        );
        return view;
      });
    },
  );
}
