import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { apiNotFound } from './problems.ts';

const NO_BUILD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FacetTrack</title></head>
<body><h1>FacetTrack</h1><p>The web client has not been built. Run <code>npm start</code>, or <code>npm run build</code> then <code>npm run serve</code>.</p></body></html>`;

/**
 * Serves the built Angular app from `spaDir`; unknown non-API paths get index.html (client-side
 * routing) with this request's CSP nonce placed where Angular looks for it.
 */
export async function registerSpa(app: FastifyInstance): Promise<void> {
  const dir = path.resolve(app.config.spaDir);
  const indexPath = path.join(dir, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  if (indexHtml) {
    // index.html itself always goes through the handler below, which adds the CSP nonce.
    await app.register(fastifyStatic, { root: dir, index: false, wildcard: false, maxAge: '1h', allowedPath: (pathName) => pathName !== '/index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') return apiNotFound(reply);
    const html = indexHtml ? indexHtml.replace('<app-root', `<app-root ngCspNonce="${request.cspNonce}"`) : NO_BUILD_PAGE;
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
  });
}
