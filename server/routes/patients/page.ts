import * as z from 'zod';
import {
  EpisodePageSchema,
  IdSchema,
  localDateOf,
  PatientPageSchema,
} from '../../../domain/index.ts';
import { episodePage, type PageClock, patientPage } from '../../services/patient-page.ts';
import type { App } from '../../types.ts';

const IdParams = z.object({ id: IdSchema });

/**
 * The patient page in one call on opening, and one per episode picked after (issue 11: it made
 * eight, each with its own session check, transaction and audit event). Each answer is read in one
 * transaction and audited as one event that names what it showed.
 */
export async function patientPageRoutes(app: App): Promise<void> {
  const read = { permission: 'patients:read' as const };
  const clock = async (): Promise<PageClock> => {
    const timeZone = await app.practiceTimeZone();
    return { timeZone, today: localDateOf(app.clock.now(), timeZone) };
  };

  app.get(
    '/api/v1/patients/:id/page',
    {
      config: read,
      schema: { tags: ['patients'], params: IdParams, response: { 200: PatientPageSchema } },
    },
    async (request) => {
      const { id } = request.params;
      const now = await clock();
      return app.db.transaction().execute(async (tx) => {
        const page = await patientPage(tx, id, now);
        await app.audit.patientData(tx, request, 'patient.read', id, 'patient', id, {
          page: true,
          episodeIds: page.episodes.map((e) => e.id),
        });
        return page;
      });
    },
  );

  app.get(
    '/api/v1/episodes/:id/page',
    {
      config: read,
      schema: { tags: ['episodes'], params: IdParams, response: { 200: EpisodePageSchema } },
    },
    async (request) => {
      const { id } = request.params;
      const now = await clock();
      return app.db.transaction().execute(async (tx) => {
        const { patientId, ...page } = await episodePage(tx, id, now);
        await app.audit.patientData(tx, request, 'episode.read', patientId, 'episode', id, {
          page: true,
        });
        return page;
      });
    },
  );
}
