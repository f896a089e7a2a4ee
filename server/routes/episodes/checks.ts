import {
  EpisodeChecksSchema,
  IdParamsSchema as IdParams,
  PlannedProcedureChecksSchema,
  ProcedureCreateSchema,
} from '../../../domain/index.ts';
import { checksFailedBy, episodeChecks } from '../../services/episode-checks.ts';
import type { App } from '../../types.ts';
import { episodePatientId } from '../../services/clinical-rows.ts';

/** Payer-rule checks with their evidence (api.md GET /episodes/:id/checks), and a dry run for a planned procedure. */
export async function checkRoutes(app: App): Promise<void> {
  app.get(
    '/api/v1/episodes/:id/checks',
    {
      config: { permission: 'patients:read' },
      schema: { tags: ['checks'], params: IdParams, response: { 200: EpisodeChecksSchema } },
    },
    async (request) => {
      const { id } = request.params;
      const timeZone = await app.practiceTimeZone();
      return app.db.transaction().execute(async (tx) => {
        const { ruleSet, checks, nextStep, patientId } = await episodeChecks(tx, id, {
          timeZone,
        });
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'checks', id);
        return { ruleSet, checks, nextStep };
      });
    },
  );

  app.post(
    '/api/v1/episodes/:id/procedures/check',
    {
      config: { permission: 'procedures:write' },
      schema: {
        tags: ['checks'],
        params: IdParams,
        body: ProcedureCreateSchema,
        response: { 200: PlannedProcedureChecksSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId } = await episodePatientId(tx, id);
        const failing = await checksFailedBy(tx, id, request.body);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'checks', id, {
          dryRun: true,
        });
        return { failing };
      });
    },
  );
}
