import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli or gzip for API answers (JSON, problem+json), as the browser accepts. Bodies under 1 kB go
 * as they are: compressing them costs more time than it saves bytes. Brotli at quality 1: on a
 * 15.6 kB patient page 3,356 bytes in 56 µs, against 3,004 bytes in 98 µs at quality 2 and 2,883
 * bytes in 168 µs at the plugin's default quality 4 (issue 11: compression was 6% of the server's
 * CPU on the patient page's calls; quality 1 saves 97% of the bytes quality 2 saves, in 57% of the time).
 * Static files arrive precompressed (plugins/spa.ts), and a reply that already has a
 * Content-Encoding is left alone. Registered before the routes: it hooks each route as it is added.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    // Answers up to 64 kB (the patient page is about 14 kB) in one call, not through a zlib stream
    // of their own: on two cores the plugin streams from 4 kB, and each chunk is another write.
    syncThreshold: 65_536,
  });
}
