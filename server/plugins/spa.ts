import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { apiNotFound } from './problems.ts';

const NO_BUILD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FacetTrack</title></head>
<body><h1>FacetTrack</h1><p>The web client has not been built. Run <code>npm start</code>, or <code>npm run build</code> then <code>npm run serve</code>.</p></body></html>`;

/**
 * A build output name carrying its content hash (main-IF5Z64PZ.js, chunk-_ekDwUCt.js,
 * media/roboto-latin-400-normal-54N5OGOO.woff2): eight hash characters, at least one of them
 * a digit or capital, so words like "-document.pdf" do not pass for a hash.
 */
const HASHED_FILE = /-(?=[\w-]*[A-Z0-9])[\w-]{8}\.\w+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Hashed files never change under their name: cache them for a year. Anything else is revalidated.
 * `filePath` may be the precompressed copy (main-IF5Z64PZ.js.br): its name is the original's.
 */
export function cacheControlFor(filePath: string): string {
  return HASHED_FILE.test(path.basename(filePath).replace(/\.(br|gz)$/, ''))
    ? IMMUTABLE
    : 'no-cache';
}

/**
 * Serves the built Angular app from `spaDir`; unknown non-API paths get index.html (client-side
 * routing) with this request's CSP nonce placed where Angular looks for it. Static files are sent as
 * the brotli or gzip copy `npm run build` wrote beside them (scripts/precompress.ts) when the browser
 * accepts it, else as they are.
 */
export async function registerSpa(app: FastifyInstance): Promise<void> {
  const dir = path.resolve(app.config.spaDir);
  const indexPath = path.join(dir, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  if (indexHtml) {
    // index.html itself always goes through the handler below, which adds the CSP nonce.
    await app.register(fastifyStatic, {
      root: dir,
      index: false,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header('Cache-Control', cacheControlFor(filePath)),
      allowedPath: (pathName) => pathName !== '/index.html',
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') return apiNotFound(reply);
    const html = indexHtml
      ? indexHtml.replace('<app-root', `<app-root ngCspNonce="${request.cspNonce}"`)
      : NO_BUILD_PAGE;
    // no-cache: a new build must reach the browser at once, since it names the new hashed files.
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
  });
}
