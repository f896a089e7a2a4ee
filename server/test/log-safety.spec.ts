import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { loggableError } from '../services/log-safety.ts';
import type { App } from '../types.ts';
import { createTestApp, type Signed, type TestApp } from './test-app.ts';

/**
 * Issue 10, defect 1: a database error must not put the statement's values in the log. The drill
 * adds constraints that fail every write, so the database itself raises errors carrying (in PGlite's
 * `params`, and in both databases' "Failing row contains (...)" detail) everything that was sent.
 */
describe('log safety: database errors never log patient data or free text', () => {
  let t: TestApp;
  let app: App;
  let nurse: Signed;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // A second app on the same database, logging at the most verbose level into memory.
    app = await buildApp(t.config, t.db, { level: 'trace', stream });
    await app.ready();
    await t.createUser('lognurse', 'nurse');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lognurse', password: 'correct horse battery' },
    });
    const cookie = `ft_session=${res.cookies.find((c) => c.name === 'ft_session')!.value}`;
    nurse = {
      cookie,
      csrfToken: res.json().csrfToken,
      info: res.json(),
      read: { cookie },
      write: { cookie, 'x-csrf-token': res.json().csrfToken },
    };
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const SECRET = {
    mrn: 'LOGMRN-7731',
    givenName: 'Quillon',
    familyName: 'Vexbridge',
    birthDate: '1961-07-13',
    sex: 'male',
    phone: '+1 555 0177',
    email: 'quillon.vexbridge@example.org',
    runner: false,
  };
  const SECRET_VALUES = [
    'LOGMRN-7731',
    'Quillon',
    'Vexbridge',
    '1961-07-13',
    '555 0177',
    'quillon.vexbridge',
  ];

  it('a failing patient insert and update log the SQLSTATE and constraint, none of the values', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: nurse.write,
      payload: { ...SECRET, mrn: 'LOGOK-1', givenName: 'Plain' },
    });
    expect(created.statusCode).toBe(201);
    await sql`ALTER TABLE patients ADD CONSTRAINT ft_log_drill CHECK (false) NOT VALID`.execute(
      t.db.kysely,
    );
    try {
      lines.length = 0;
      const insert = await app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: nurse.write,
        payload: SECRET,
      });
      expect(insert.statusCode).toBe(500);
      const update = await app.inject({
        method: 'PATCH',
        url: `/api/v1/patients/${created.json().id}`,
        headers: nurse.write,
        payload: { version: 1, familyName: 'Vexbridge', email: 'quillon.vexbridge@example.org' },
      });
      expect(update.statusCode).toBe(500);
      const log = lines.join('');
      expect(log).toContain('"code":"23514"');
      expect(log).toContain('ft_log_drill');
      for (const value of SECRET_VALUES) expect(log).withContext(value).not.toContain(value);
      expect(log).not.toContain('Failing row');
      expect(log).not.toContain('params');
    } finally {
      await sql`ALTER TABLE patients DROP CONSTRAINT ft_log_drill`.execute(t.db.kysely);
    }
  });

  it('a failing sign-in attempt does not log the typed username', async () => {
    await sql`ALTER TABLE login_attempts ADD CONSTRAINT ft_log_drill CHECK (false) NOT VALID`.execute(
      t.db.kysely,
    );
    try {
      lines.length = 0;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'typed-by-mistake-password', password: 'whatever it is' },
      });
      expect(res.statusCode).toBe(500);
      expect(lines.join('')).toContain('23514');
      expect(lines.join('')).not.toContain('typed-by-mistake');
    } finally {
      await sql`ALTER TABLE login_attempts DROP CONSTRAINT ft_log_drill`.execute(t.db.kysely);
    }
  });

  it('reduces a raw database error to code and object names', async () => {
    let caught: unknown;
    try {
      await sql`SELECT ${'Vexbridge'}::int`.execute(t.db.kysely);
    } catch (error) {
      caught = error;
    }
    const safe = loggableError(caught);
    expect(safe.type).toBe('DatabaseError');
    expect(safe.code).toBe('22P02');
    expect(JSON.stringify(safe)).not.toContain('Vexbridge');
    expect(loggableError(new TypeError('x is not a function'))).toEqual(
      jasmine.objectContaining({ type: 'TypeError', message: 'x is not a function' }),
    );
  });
});
