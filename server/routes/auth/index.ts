import * as z from 'zod';
import { LoginRequestSchema, type SessionInfo, SessionInfoSchema } from '../../../domain/index.ts';
import { HttpProblem } from '../../http-problem.ts';
import { clearSessionCookie, sessionOf, setSessionCookie } from '../../plugins/auth.ts';
import {
  lockLoginAttempts,
  markLoginSucceeded,
  reserveLoginAttempt,
  userByUsername,
} from '../../services/login-attempts.ts';
import { countFailure } from '../../services/login-lockout.ts';
import {
  isKnownAddress,
  lockIsActive,
  loginRetryAfterSeconds,
  rememberAddress,
} from '../../services/login-throttle.ts';
import { verifyPassword } from '../../services/passwords.ts';
import { createSession, endSession } from '../../services/sessions.ts';
import type { App } from '../../types.ts';

/** Same words for an unknown user and a wrong password, so logins reveal no usernames (api.md). */
const WRONG_CREDENTIALS = new HttpProblem({
  status: 401,
  title: 'Sign-in failed',
  detail: 'Wrong username or password.',
  code: 'bad-credentials',
});

export async function authRoutes(app: App): Promise<void> {
  const sessionInfo = async (
    user: SessionInfo['user'],
    csrfToken: string,
  ): Promise<SessionInfo> => ({
    user,
    csrfToken,
    idleTimeoutMinutes: app.config.idleTimeoutMinutes,
    demoMode: app.config.demo,
    timeZone: await app.practiceTimeZone(),
  });

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: LoginRequestSchema, response: { 200: SessionInfoSchema } },
    },
    async (request, reply) => {
      const username = request.body.username.trim().toLowerCase();
      const { password } = request.body;
      const ip = request.ip;
      // Check the throttle and reserve this attempt (as a failure until proven otherwise) under a
      // per-username lock, so parallel guesses cannot all pass the check before any is counted.
      const attemptId = await app.db.transaction().execute(async (tx) => {
        await lockLoginAttempts(tx, username);
        const wait = await loginRetryAfterSeconds(tx, username, ip);
        if (wait > 0) {
          throw new HttpProblem(
            {
              status: 429,
              title: 'Too many attempts',
              detail: `Too many failed sign-ins. Try again in ${wait} seconds.`,
              code: 'throttled',
            },
            { 'Retry-After': String(wait) },
          );
        }
        return reserveLoginAttempt(tx, username, ip);
      });
      const user = await userByUsername(app.db, username);
      const passwordOk = await verifyPassword(user?.password_hash ?? null, password);
      // A lock holds until it expires, except from an address this user has signed in from before.
      const lockedOut =
        !!user && lockIsActive(user.locked_at) && !(await isKnownAddress(app.db, user.id, ip));

      // A locked account answers like a wrong password, so a guess cannot be confirmed while locked.
      if (!user || !passwordOk || lockedOut) {
        await app.db.transaction().execute(async (tx) => {
          if (user && !passwordOk) await countFailure(tx, user, ip);
          // The typed username is stored only when it names a real account: it may be a password typed in the wrong field.
          await app.audit.append(tx, {
            actorId: user?.id ?? null,
            actorUsername: null,
            action: 'auth.login-failed',
            ip,
            details: user
              ? { username: user.username, ...(lockedOut ? { locked: true } : {}) }
              : {},
          });
        });
        throw WRONG_CREDENTIALS;
      }
      if (!user.active) {
        throw new HttpProblem({
          status: 403,
          title: 'Account inactive',
          code: 'account-inactive',
          detail: 'This account has been deactivated. Ask an administrator if you need access.',
        });
      }
      if (user.demo && !app.config.demo) {
        throw new HttpProblem({
          status: 403,
          title: 'Demo account',
          code: 'demo-account',
          detail:
            'Demo accounts work only in demo mode. Ask an administrator for your own account.',
        });
      }
      const { token, csrfToken } = await app.db.transaction().execute(async (tx) => {
        await markLoginSucceeded(tx, attemptId, user.id);
        await rememberAddress(tx, user.id, ip);
        await app.audit.append(tx, {
          actorId: user.id,
          actorUsername: user.username,
          action: 'auth.login',
          ip,
        });
        return createSession(tx, user.id, ip);
      });
      setSessionCookie(request, reply, token);
      return sessionInfo(
        {
          id: String(user.id),
          username: user.username,
          name: user.name,
          role: user.role as SessionInfo['user']['role'],
        },
        csrfToken,
      );
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], response: { 200: SessionInfoSchema } } },
    async (request) => {
      const session = sessionOf(request);
      return sessionInfo(session.user, session.csrfToken);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const session = sessionOf(request);
      await app.db.transaction().execute(async (tx) => {
        await endSession(tx, session.id, 'logout');
        await app.audit.append(tx, {
          actorId: session.user.id,
          actorUsername: session.user.username,
          action: 'auth.logout',
          ip: request.ip,
        });
      });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}
