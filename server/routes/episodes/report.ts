import {
  EpisodeReportSchema,
  IdParamsSchema as IdParams,
  PainTimelineSchema,
} from '../../../domain/index.ts';
import { episodeReport, painTimeline } from '../../services/episode-report.ts';
import type { App } from '../../types.ts';

/**
 * The patient's pain timeline over the whole episode (all NRS scores, procedure markers, stage bands,
 * function scores) and the printable documentation report. Both are reads of patient data: audited.
 */
export async function reportRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };

  app.get(
    '/api/v1/episodes/:id/pain-timeline',
    {
      config: read,
      schema: { tags: ['episodes'], params: IdParams, response: { 200: PainTimelineSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId, ...timeline } = await painTimeline(tx, id);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'pain-timeline', id);
        return timeline;
      });
    },
  );

  app.get(
    '/api/v1/episodes/:id/report',
    {
      config: read,
      schema: { tags: ['episodes'], params: IdParams, response: { 200: EpisodeReportSchema } },
    },
    async (request) => {
      const { id } = request.params;
      return app.db.transaction().execute(async (tx) => {
        const { patientId, ...report } = await episodeReport(tx, id);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'report', id);
        return report;
      });
    },
  );
}
