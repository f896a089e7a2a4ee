import { sql } from 'kysely';
import { anyOf, compiledOnce } from '../db/compiled-once.ts';
import { DEFAULT_POOL_SIZE } from '../db/database.ts';
import { createTestApp, TEST_DB_KIND, type TestApp } from './test-app.ts';

describe("compiledOnce (issue 11: the page's reads built and compiled once)", () => {
  let t: TestApp;
  const usernames: string[] = [];
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['nurse', 'physician', 'manager'] as const) {
      const username = `once-${role}`;
      ids.push(await t.createUser(username, role));
      usernames.push(username);
    }
  });
  afterAll(() => t.close());

  const byId = compiledOnce((db, p: { id: string }) =>
    db.selectFrom('users').select(['id', 'username']).where('id', '=', p.id),
  );
  const byIds = compiledOnce((db, p: { ids: readonly string[]; role: string }) =>
    db
      .selectFrom('users')
      .select(['id', 'username'])
      .where(anyOf('id', p.ids))
      .where('role', '<>', p.role)
      .orderBy('id'),
  );

  it("binds each call's own values, not the first call's", async () => {
    for (const [i, id] of ids.entries()) {
      const rows = await byId(t.db.kysely, { id });
      expect(rows.map((r) => r.username))
        .withContext(id)
        .toEqual([usernames[i]!]);
    }
  });

  it('gives what the same query built each time gives, for lists of 0, 1 and 3 values', async () => {
    const built = (list: string[], role: string) =>
      list.length
        ? t.db.kysely
            .selectFrom('users')
            .select(['id', 'username'])
            .where('id', 'in', list)
            .where('role', '<>', role)
            .orderBy('id')
            .execute()
        : Promise.resolve([]);
    for (const [list, role] of [
      [[], 'nurse'],
      [[ids[1]!], 'nurse'],
      [[ids[1]!], 'physician'],
      [ids, 'manager'],
      [ids, 'admin'],
    ] as const) {
      const context = `${list.length} ids, not ${role}`;
      const once = await byIds(t.db.kysely, { ids: list, role });
      expect(once)
        .withContext(context)
        .toEqual(await built([...list], role));
    }
    expect((await byIds(t.db.kysely, { ids, role: 'manager' })).length).toBe(2);
  });

  it('refuses a value inside an array parameter, which would be sent as the stand-in, not the value', async () => {
    const wrong = compiledOnce((db, p: { id: string }) =>
      db
        .selectFrom('users')
        .select('id')
        .where(anyOf('id', [p.id])),
    );
    await expectAsync(wrong(t.db.kysely, { id: ids[0]! })).toBeRejectedWithError(
      /compiledOnce: a value was used inside an array or object parameter/,
    );
  });
});

describe('FT_DB_POOL_SIZE', () => {
  (TEST_DB_KIND === 'postgres' ? it : xit)(
    'caps the PostgreSQL connections an instance opens, however many requests run at once',
    async () => {
      const t = await createTestApp();
      try {
        const pids = await Promise.all(
          Array.from({ length: DEFAULT_POOL_SIZE * 3 }, () =>
            sql<{ pid: number }>`SELECT pg_backend_pid() AS pid, pg_sleep(0.05)`
              .execute(t.db.kysely)
              .then((r) => r.rows[0]!.pid),
          ),
        );
        expect(new Set(pids).size).toBe(DEFAULT_POOL_SIZE);
      } finally {
        await t.close();
      }
    },
  );
});
