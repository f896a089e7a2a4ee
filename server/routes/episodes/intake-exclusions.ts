import {
  EpisodeViewSchema,
  IdParamsSchema as IdParams,
  IntakeExclusionsSchema,
} from '../../../domain/index.ts';
import { notFound, versionConflict } from '../../http-problem.ts';
import type { App } from '../../types.ts';
import { episodeView } from '../../services/episode-views.ts';

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
      const { version, radiculopathy, otherCause } = request.body;
      return app.db.transaction().execute(async (tx) => {
        const episode = await tx
          .selectFrom('episodes')
          .select(['patient_id', 'version'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!episode) throw notFound('The episode');
        if (episode.version !== version) throw versionConflict(await episodeView(tx, id));
        await tx
          .updateTable('episodes')
          .set({ radiculopathy, other_cause: otherCause, version: version + 1 })
          .where('id', '=', id)
          .execute();
        await app.audit.patientData(
          tx,
          request,
          'episode.intake-update',
          String(episode.patient_id),
          'episode',
          id,
          {},
        );
        return (await episodeView(tx, id))!;
      });
    },
  );
}
