import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('bad input: problem+json with field messages, never a 500 or a stack trace', () => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('boss', 'admin');
    admin = await t.login('boss');
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': 'application/json', ...admin.write, ...headers },
    });

  it('malformed JSON -> 400 saying the body is not valid JSON', async () => {
    const res = await post('/api/v1/users', '{"username": "x",');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('The request body is not valid JSON.');
  });

  it('missing fields -> 400 naming each field', async () => {
    const res = await post('/api/v1/users', '{}');
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['name', 'password', 'role', 'username']);
    expect(res.json().errors.find((e: { path: string }) => e.path === 'name').message).toBe(
      'Full name is required',
    );
  });

  it('wrong types -> 400 with readable messages', async () => {
    const res = await post(
      '/api/v1/users',
      JSON.stringify({ username: 42, name: ['x'], role: 'surgeon', password: true }),
    );
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries(
      res.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(byPath['name']).toBe('Full name must be text');
    expect(byPath['role']).toBe(
      'Choose a role: nurse, physician, practice manager or administrator',
    ); // issue 14: human messages
  });

  it('a body that is not an object -> 400', async () => {
    const res = await post('/api/v1/auth/login', '"just a string"');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({
      path: '',
      message: 'The request body must be a JSON object.',
    });
  });

  it('an oversize body -> 413 problem+json, nothing stored', async () => {
    const before = await t.db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(
      '/api/v1/users',
      JSON.stringify({
        username: uniqueName('big'),
        name: 'x'.repeat(200_000),
        role: 'nurse',
        password: 'long enough password',
      }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const after = await t.db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a body that is not JSON -> 415', async () => {
    const res = await post('/api/v1/users', 'username=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.statusCode).toBe(415);
  });

  it('bad query values -> 400 naming the query field', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?page=0&pageSize=1000',
      headers: admin.read,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['query.page', 'query.pageSize']);
  });

  it('a bad id in the path -> 400, an unknown one -> 404', async () => {
    const bad = await t.app.inject({
      method: 'PATCH',
      url: "/api/v1/users/1'OR'1",
      payload: { version: 1 },
      headers: admin.write,
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/users/999999',
      payload: { version: 1 },
      headers: admin.write,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('an unknown API route -> 404 problem+json; other paths get the SPA', async () => {
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: admin.read,
    });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const page = await t.app.inject({ method: 'GET', url: '/admin/users' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('stores SQL metacharacters verbatim and returns them unchanged', async () => {
    const name = `O'Brien"; DROP TABLE users; -- \\ % _ ${'\u00e9'}`;
    const res = await post(
      '/api/v1/users',
      JSON.stringify({
        username: uniqueName('ob'),
        name,
        role: 'nurse',
        password: "pa'ss;--word%_\\",
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${encodeURIComponent('o\'brien"; drop')}`,
      headers: admin.read,
    });
    expect(search.json().items.map((u: { name: string }) => u.name)).toEqual([name]);
    const wildcard = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${encodeURIComponent('%')}`,
      headers: admin.read,
    });
    expect(wildcard.json().total).toBe(0);
  });
});
