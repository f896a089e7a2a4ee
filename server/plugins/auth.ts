import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission, type Problem, type SessionEndCode } from '../../domain/index.ts';
import { forbidden, HttpProblem } from '../http-problem.ts';
import { lookupSession, SESSION_COOKIE } from '../services/sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const SESSION_END_DETAIL: Record<SessionEndCode, string> = {
  'session-missing': 'Please sign in.',
  'session-expired-idle':
    'You were signed out after a period without activity. Please sign in again.',
  'session-ended': 'Your session has ended. Please sign in again.',
};

function unauthorized(code: SessionEndCode): HttpProblem {
  const problem: Problem = {
    status: 401,
    title: 'Not signed in',
    detail: SESSION_END_DETAIL[code],
    code,
  };
  return new HttpProblem(problem);
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when the request is addressed to this machine (plain HTTP is fine there, nowhere else). */
export function isLocalRequest(request: FastifyRequest): boolean {
  return LOCAL_HOSTS.has(request.hostname.replace(/:\d+$/, ''));
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure unless served to localhost. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: !isLocalRequest(request),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * The server is the authority on access (security baseline): every /api route needs a live session
 * unless marked `config.public`, the session's role must hold the route's `config.permission`, and
 * every write must carry the session's CSRF token in `X-CSRF-Token`.
 */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // Decide on the route the router matched, never the raw URL: "/%61pi/..." decodes to "/api/...".
    const route = request.routeOptions.url ?? '';
    if (request.is404 || !route.startsWith('/api/')) return;
    // The OpenAPI description maps the attack surface: open in demo mode, behind a session otherwise.
    if (route.startsWith('/api/docs') && app.config.demo) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const found = await lookupSession(
      app.db,
      request.cookies[SESSION_COOKIE],
      app.config.idleTimeoutMinutes,
      new Date(),
      app.config.sessionMaxHours,
      app.sessionCache,
    );
    if (found.kind !== 'active') {
      throw unauthorized(
        found.kind === 'expired-idle'
          ? 'session-expired-idle'
          : found.kind === 'ended'
            ? 'session-ended'
            : 'session-missing',
      );
    }
    request.session = found.session;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, found.session.csrfToken)) {
        throw forbidden(
          'The request is missing its security token. Reload the page and try again.',
          'csrf',
        );
      }
    }
    if (config.permission && !hasPermission(found.session.user.role, config.permission)) {
      throw forbidden();
    }
  });
}

/** The session of a route that requires one (the auth hook guarantees it is set). */
export function sessionOf(request: FastifyRequest) {
  if (!request.session) throw unauthorized('session-missing');
  return request.session;
}
