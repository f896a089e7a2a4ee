import { randomBytes } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { isLocalRequest } from './auth.ts';

/** One year, sub-domains included (OWASP HSTS guidance); not preloaded, that is the operator's choice. */
const HSTS = 'max-age=31536000; includeSubDomains';

const NONCES = new WeakMap<IncomingMessage, string>();

/**
 * Security headers and a strict Content-Security-Policy (security baseline). Scripts come only from
 * our own origin; Angular's inline component styles carry a per-request nonce (ngCspNonce).
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  app.decorateRequest('cspNonce', '');
  app.addHook('onRequest', async (request) => {
    request.cspNonce = randomBytes(16).toString('base64');
    NONCES.set(request.raw, request.cspNonce);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", (req) => `'nonce-${NONCES.get(req as IncomingMessage) ?? ''}'`],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Same-origin app: no cross-origin embedding or opener access.
    crossOriginEmbedderPolicy: false,
    // Sent by the onSend hook below instead: never to localhost, where the app runs over plain HTTP.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (!isLocalRequest(request)) reply.header('Strict-Transport-Security', HSTS);
    return payload;
  });
}
