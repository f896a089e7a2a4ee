import { loadConfig } from '../config.ts';
import { diaryLinkBase } from '../services/diary-links.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** Issue 15: a guessed token is refused access on the record; the printed address is configured. */
describe('diary links: guessed tokens and the printed address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('audits a guessed or malformed token as a refused access (never the token), stores nothing, and counts it', async () => {
    const ip = '198.51.100.7';
    const guessed = 'A'.repeat(43);
    const attempts = [
      { method: 'GET' as const, url: `/api/v1/diary/${guessed}` },
      { method: 'GET' as const, url: '/api/v1/diary/not-a-token' },
      {
        method: 'POST' as const,
        url: `/api/v1/diary/${guessed}/pain-scores`,
        payload: { minutesAfter: 120, score: 3, context: 'activity' },
      },
    ];
    for (const a of attempts) {
      const res = await t.app.inject({ ...a, remoteAddress: ip });
      expect(res.statusCode).withContext(a.url).toBe(404);
      expect(res.json().code).toBe('diary-link-unknown');
    }
    const refused = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('ip', '=', ip)
      .orderBy('id')
      .execute();
    expect(refused.map((e) => [e.action, e.actor_username, e.actor_id, e.patient_id])).toEqual(
      attempts.map(() => ['diary-link.refused', 'diary-link:unknown', null, null]),
    );
    expect(refused.map((e) => (e.details as { reason: string }).reason)).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(JSON.stringify(refused)).not.toContain(guessed);
    expect(JSON.stringify(refused)).not.toContain('not-a-token');
    const scores = await t.db.kysely
      .selectFrom('pain_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(scores.n)).toBe(0);
    const failures = await t.db.kysely
      .selectFrom('diary_link_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('failed', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(failures.n)).withContext('each guess counts towards the limit').toBe(3);
  });

  it('FT_PUBLIC_URL is an http(s) origin; anything else stops the server with a readable error', () => {
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ FT_PUBLIC_URL: 'https://clinic.example/' }).publicUrl).toBe(
      'https://clinic.example',
    );
    expect(loadConfig({ FT_PUBLIC_URL: 'http://10.0.0.5:4200' }).publicUrl).toBe(
      'http://10.0.0.5:4200',
    );
    for (const bad of [
      'clinic.example',
      'ftp://clinic.example',
      'https://clinic.example/diary',
      'https://clinic.example/?x=1',
      'https://user:pw@clinic.example',
    ])
      expect(() => loadConfig({ FT_PUBLIC_URL: bad }))
        .withContext(bad)
        .toThrowError(/FT_PUBLIC_URL/);
  });

  const server = { host: '127.0.0.1', port: 4200 };
  const cases: [string, string | null, { protocol: string; host: string }, string][] = [
    [
      'the configured address wins over any Host',
      'https://clinic.example',
      { protocol: 'http', host: 'evil.example' },
      'https://clinic.example',
    ],
    [
      'unset: a plain Host is used (one machine, demo)',
      null,
      { protocol: 'http', host: 'ward-pc.local:4200' },
      'http://ward-pc.local:4200',
    ],
    ['unset: an IPv6 Host', null, { protocol: 'https', host: '[::1]:8443' }, 'https://[::1]:8443'],
    [
      'unset: a Host carrying a path falls back to the server',
      null,
      { protocol: 'http', host: 'evil.example/phish?x=' },
      'http://127.0.0.1:4200',
    ],
    [
      'unset: a Host with credentials falls back',
      null,
      { protocol: 'http', host: 'a@evil.example' },
      'http://127.0.0.1:4200',
    ],
    [
      'unset: an empty Host falls back',
      null,
      { protocol: 'http', host: '' },
      'http://127.0.0.1:4200',
    ],
  ];
  for (const [name, publicUrl, request, expected] of cases)
    it(`the printed link's base: ${name}`, () => {
      expect(diaryLinkBase({ ...server, publicUrl }, request)).toBe(expected);
    });
});
