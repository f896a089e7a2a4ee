import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip for API answers (JSON, problem+json), as the browser accepts. Bodies under 1 kB go
 * as they are: compressing them costs more time than it saves bytes. Brotli at quality 4 (the
 * plugin's default) compresses JSON nearly as well as gzip -9 at a fraction of the CPU of quality 11.
 * Static files arrive precompressed (plugins/spa.ts), and a reply that already has a
 * Content-Encoding is left alone. Registered before the routes: it hooks each route as it is added.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}
