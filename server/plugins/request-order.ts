import { arrivalOrder, nextArrival } from '../db/pglite-queue.ts';
import type { App } from '../types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    arrival: number;
  }
}

/**
 * Numbers each request on arrival and runs the rest of it in that context, so the PGlite queue
 * (db/pglite-queue.ts) serves requests in arrival order. Re-entered before validation because body
 * parsing resumes from socket events, outside the context set on arrival.
 */
export function registerRequestOrder(app: App): void {
  app.decorateRequest('arrival', 0);
  app.addHook('onRequest', (request, _reply, done) => {
    request.arrival = nextArrival();
    arrivalOrder.run(request.arrival, done);
  });
  app.addHook('preValidation', (request, _reply, done) => arrivalOrder.run(request.arrival, done));
}
