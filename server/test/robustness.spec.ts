import { createTestApp, type Signed, type TestApp } from './test-app.ts';

/**
 * Every route in the OpenAPI description, called with malformed input by users of every role:
 * nothing may answer 500 or leak a stack trace (issue: "nothing returns a stack trace or a 500").
 */
describe('robustness: malformed input on every route', () => {
  let t: TestApp;
  const sessions: Signed[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['physician', 'admin'] as const) {
      await t.createUser(`robust-${role}`, role);
      sessions.push(await t.login(`robust-${role}`));
    }
  });
  afterAll(async () => t.close());

  const BODIES: unknown[] = [
    {},
    [],
    'text',
    42,
    null,
    { version: 'x', id: {}, score: Infinity, minutesAfter: '🙂', levels: 'L4-L5' },
    { version: 1, reason: 'x'.repeat(5000) },
  ];
  const IDS = ['1', '999999999', '0', 'abc', "1' OR '1'='1", '%00', '9'.repeat(30)];

  it('answers 4xx problem documents, never 5xx', async () => {
    const doc = (
      await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: sessions[0]!.read })
    ).json() as { paths: Record<string, Record<string, unknown>> };
    const failures: string[] = [];
    let calls = 0;
    const statuses: Record<number, number> = {};
    // Logging out would end the sessions and turn every later call into a 401.
    for (const [path, methods] of Object.entries(doc.paths).filter(
      ([p]) => p !== '/api/v1/auth/logout',
    )) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        for (const id of path.includes('{id}') ? IDS : ['']) {
          const url = path.replace('{id}', encodeURIComponent(id));
          for (const body of method === 'GET' ? [undefined] : BODIES) {
            for (const s of sessions) {
              const res = await t.app.inject({
                method: method as 'GET',
                url,
                headers: { ...s.write, 'content-type': 'application/json' },
                ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
              });
              calls++;
              statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
              if (res.statusCode >= 500 || /at .+\.ts:\d+/.test(res.body))
                failures.push(
                  `${method} ${url} ${JSON.stringify(body)?.slice(0, 40)} -> ${res.statusCode} ${res.body.slice(0, 120)}`,
                );
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(statuses[401] ?? 0)
      .withContext(JSON.stringify(statuses))
      .toBeLessThan(calls / 20); // the sessions stayed alive
    expect(statuses[400] ?? 0)
      .withContext(JSON.stringify(statuses))
      .toBeGreaterThan(calls / 4);
    expect(failures).toEqual([]);
  }, 120_000);
});
