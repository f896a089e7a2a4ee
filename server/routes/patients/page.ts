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
 * eight, each with its own session check, transaction and audit event). Each answer is read on one
 * connection, shared with other such requests (db/shared-reads.ts), its independent reads
 * pipelined (db/concurrent.ts), and audited as one event that names what it showed, written once
 * every read has answered: a failed read leaves no event and shows nothing. No BEGIN/COMMIT: reads need none (each statement reads committed data either way,
 * as in a READ COMMITTED transaction), as for the audited patient read (services/audit-trail.ts).
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
      return app.sharedReads.connection().execute(async (db) => {
        const page = await patientPage(db, id, now);
        await app.audit.patientData(db, request, 'patient.read', id, 'patient', id, {
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
      return app.sharedReads.connection().execute(async (db) => {
        const { patientId, ...page } = await episodePage(db, id, now);
        await app.audit.patientData(db, request, 'episode.read', patientId, 'episode', id, {
          page: true,
        });
        return page;
      });
    },
  );
}
