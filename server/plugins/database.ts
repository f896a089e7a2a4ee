import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database.ts';

/**
 * `app.db`: the Kysely handle of the open, migrated database. The caller that opened the database
 * (main.ts, the test app) also closes it, after the app has finished its requests.
 * fastify-plugin lifts the decorator out of this plugin's scope, so every route plugin sees it.
 */
export const databasePlugin = fp(
  async (app: FastifyInstance, options: { db: Db }) => {
    app.decorate('db', options.db.kysely);
    app.decorate('sharedReads', options.db.sharedReads);
  },
  { name: 'database', fastify: '5.x' },
);
