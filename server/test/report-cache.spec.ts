import { sql } from 'kysely';
import { seedPractice } from '../demo/bulk-insert.ts';
import { loadConfig } from '../config.ts';
import { createReportCache } from '../services/aggregates/report-cache.ts';
import { createTestApp, type Signed, TEST_DB_KIND, type TestApp } from './test-app.ts';

/** A computation that counts its calls and returns the call number. */
function counter() {
  let calls = 0;
  return { compute: async () => ++calls, calls: () => calls };
}

/** A computation that counts its calls and ends only when `finish()` is called. */
function held() {
  let calls = 0;
  let release: (() => void)[] = [];
  return {
    compute: () =>
      new Promise<number>((resolve) => {
        const n = ++calls;
        release.push(() => resolve(n));
      }),
    calls: () => calls,
    finish: () => {
      for (const r of release) r();
      release = [];
    },
  };
}

/**
 * Waits until `ready()` holds (a computation started, a background refresh ran). A fixed pause is
 * not enough: on a loaded machine the cache's own queries can take longer than any pause chosen.
 */
async function until(ready: () => boolean, what: string) {
  for (const started = Date.now(); !ready();) {
    if (Date.now() - started > 10_000) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('report cache (issue 13: reports reused only while no write has changed them)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('reuses a report until a table reports read is written, then computes it again', async () => {
    const cache = createReportCache({ ttlMs: 60_000 });
    const c = counter();
    expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(1);
    expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(1);
    // A statement-level trigger fires even when no row changes: any write statement counts (and a
    // delete that matches nothing deletes nothing).
    for (const table of ['procedures', 'pain_scores', 'episodes', 'follow_ups', 'rule_sets']) {
      const before = c.calls();
      await sql`DELETE FROM ${sql.table(table)} WHERE false`.execute(t.db.kysely);
      expect((await cache.get(t.db.kysely, 'k', c.compute)).body)
        .withContext(table)
        .toBe(before + 1);
      expect((await cache.get(t.db.kysely, 'k', c.compute)).body)
        .withContext(table)
        .toBe(before + 1);
    }
  });

  it('is not disturbed by writes reports do not read (sessions, sign-ins, the audit trail)', async () => {
    const cache = createReportCache({ ttlMs: 60_000 });
    const c = counter();
    await cache.get(t.db.kysely, 'k', c.compute);
    await t.createUser('cache-nurse', 'nurse');
    await t.login('cache-nurse'); // a session row, a login attempt, an audit event
    await sql`UPDATE users SET locked_at = NULL WHERE false`.execute(t.db.kysely);
    expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(1);
    await sql`UPDATE users SET name = name WHERE false`.execute(t.db.kysely);
    expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(2);
  });

  it('keeps reports apart by key, forgets the least recently used, and expires after the ttl', async () => {
    let now = 1_000_000;
    const cache = createReportCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    const a = counter();
    const b = counter();
    const d = counter();
    await cache.get(t.db.kysely, 'a', a.compute);
    await cache.get(t.db.kysely, 'b', b.compute);
    await cache.get(t.db.kysely, 'a', a.compute); // a is now the most recently used
    await cache.get(t.db.kysely, 'd', d.compute); // b goes
    expect((await cache.get(t.db.kysely, 'a', a.compute)).body).toBe(1);
    expect((await cache.get(t.db.kysely, 'b', b.compute)).body).toBe(2);
    now += 999;
    expect((await cache.get(t.db.kysely, 'b', b.compute)).body).toBe(2);
    now += 1;
    expect((await cache.get(t.db.kysely, 'b', b.compute)).body).toBe(3);
  });

  it('prunes recorded writes that no live report can be missing', async () => {
    let now = 5_000_000;
    const cache = createReportCache({ ttlMs: 1000, now: () => now });
    const c = counter();
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    await cache.get(t.db.kysely, 'k', c.compute); // marks the oldest running transaction
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    const rows = async () =>
      Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM report_writes`.execute(t.db.kysely))
          .rows[0]!.n,
      );
    const before = await rows();
    now += 2500; // past two ttls: the mark is old enough to prune by
    await cache.get(t.db.kysely, 'k', c.compute);
    expect(await rows()).toBeLessThan(before);
    // The write after the mark is kept: a report computed before it must still see it as missing.
    expect(await rows()).toBeGreaterThan(0);
  });

  it('computes a report once for requests that arrive while it is being computed', async () => {
    const cache = createReportCache({ ttlMs: 60_000 });
    const c = held();
    const asked = [1, 2, 3].map(() => cache.get(t.db.kysely, 'k', c.compute));
    await until(() => c.calls() === 1, 'the computation to start');
    await new Promise((resolve) => setTimeout(resolve, 20)); // the others join it meanwhile
    c.finish();
    expect((await Promise.all(asked)).map((r) => r.body)).toEqual([1, 1, 1]);
    expect(c.calls()).toBe(1);
  });

  it('computes again for a request that joined a computation begun before a write', async () => {
    const cache = createReportCache({ ttlMs: 60_000 });
    const c = held();
    const before = cache.get(t.db.kysely, 'k', c.compute);
    await until(() => c.calls() === 1, 'the first computation to start'); // its snapshot taken
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    const after = cache.get(t.db.kysely, 'k', c.compute);
    await new Promise((resolve) => setTimeout(resolve, 20)); // joins the running computation
    c.finish();
    expect((await before).body).toBe(1);
    // The joined request found the write missing and computes again (as would a later arrival).
    await until(() => c.calls() === 2, 'the second computation to start');
    c.finish();
    expect((await after).body).toBe(2);
    expect(c.calls()).toBe(2);
  });

  it('serves a slow report as last computed while a fresh one is computed, within staleMs', async () => {
    let now = 9_000_000;
    const cache = createReportCache({ ttlMs: 60_000, staleMs: 10_000, slowMs: 0, now: () => now });
    const c = counter();
    const first = await cache.get(t.db.kysely, 'k', c.compute);
    expect([first.body, first.asOf.getTime()]).toEqual([1, 9_000_000]);
    // Slow once is not slow yet: after the first write the request waits for the second computation.
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    now += 1000;
    expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(2);
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    now += 4000;
    const served = await cache.get(t.db.kysely, 'k', c.compute);
    expect([served.body, served.asOf.getTime()]).toEqual([2, 9_001_000]); // as computed, saying when
    await cache.settled(); // the fresh one, computed behind it
    const fresh = await cache.get(t.db.kysely, 'k', c.compute);
    expect([fresh.body, fresh.asOf.getTime()]).toEqual([3, 9_005_000]);
    // Past staleMs a stale report is not served: the request waits for the fresh one.
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    now += 10_000;
    expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(4);
  });

  // PGlite has one connection: a report recomputed behind a served answer in one transaction held
  // it for the whole computation, and every request that came meanwhile waited for all of it.
  for (const { behind, requestBefore } of [
    { behind: 'yielding' as const, requestBefore: 'c3' },
    { behind: 'transaction' as const, requestBefore: null },
  ])
    (TEST_DB_KIND === 'pglite' ? it : xit)(
      `on PGlite, behind a served report (${behind}), a request ${requestBefore ? 'goes between the queries of the computation' : 'waits for the whole computation'}`,
      async () => {
        const cache = createReportCache({ ttlMs: 60_000, staleMs: 60_000, slowMs: 0, behind });
        const log: string[] = [];
        let calls = 0;
        const compute = async (db: typeof t.db.kysely) => {
          if (++calls < 3) return calls;
          log.push('started');
          for (const step of ['c1', 'c2', 'c3']) {
            await sql`SELECT count(*) FROM generate_series(1, 400000)`.execute(db);
            log.push(step);
          }
          return calls;
        };
        const write = () => sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
        await cache.get(t.db.kysely, 'k', compute);
        await write();
        await cache.get(t.db.kysely, 'k', compute); // two computations: slow from now on
        await write();
        expect((await cache.get(t.db.kysely, 'k', compute)).body).toBe(2); // served; 3 runs behind
        await until(() => log.includes('started'), 'the computation behind to start');
        await sql`SELECT 1`.execute(t.db.kysely).then(() => log.push('request'));
        await cache.settled();
        expect(log.length).toBe(5);
        const request = log.indexOf('request');
        if (requestBefore) expect(request).toBeLessThan(log.indexOf(requestBefore));
        else expect(request).toBe(4);
        expect((await cache.get(t.db.kysely, 'k', compute)).body).toBe(3);
      },
    );

  // Which computations are slow (60 ms against slowMs 50), and what each read after a write answers:
  // the number of the computation it shows. The last two computations decide.
  for (const { slowCalls, answers, what } of [
    {
      slowCalls: [1],
      answers: [1, 2, 3, 4],
      what: 'one slow computation (a cold start) is not slow',
    },
    { slowCalls: [1, 2], answers: [1, 2, 2, 4], what: 'two slow computations in a row are' },
    {
      slowCalls: [3, 4],
      answers: [1, 2, 3, 4, 4],
      what: 'a report that was quick becomes slow (a growing practice)',
    },
    {
      slowCalls: [1, 2, 4],
      answers: [1, 2, 2, 4, 5],
      what: 'a quick computation ends the slow spell',
    },
  ])
    it(`judges slowness by the last two computations: ${what}`, async () => {
      const cache = createReportCache({ ttlMs: 60_000, staleMs: 60_000, slowMs: 50 });
      let calls = 0;
      const compute = async () => {
        if (slowCalls.includes(++calls)) await new Promise((resolve) => setTimeout(resolve, 60));
        return calls;
      };
      const seen: number[] = [];
      for (const _ of answers) {
        seen.push((await cache.get(t.db.kysely, 'k', compute)).body);
        await cache.settled(); // a computation behind a served answer ends before the next write
        await sql`DELETE FROM pain_scores WHERE false`.execute(t.db.kysely);
      }
      expect(seen).toEqual(answers);
    });

  it('never serves a stale report that was quick to compute, nor when staleMs is 0', async () => {
    for (const options of [
      { staleMs: 10_000, slowMs: 60_000 },
      { staleMs: 0, slowMs: 0 },
    ]) {
      const cache = createReportCache({ ttlMs: 60_000, ...options });
      const c = counter();
      await cache.get(t.db.kysely, 'k', c.compute);
      await sql`DELETE FROM pain_scores WHERE false`.execute(t.db.kysely);
      expect((await cache.get(t.db.kysely, 'k', c.compute)).body)
        .withContext(JSON.stringify(options))
        .toBe(2);
    }
  });

  it('answers from the kept report when computing behind it fails, and computes again next time', async () => {
    const errors: unknown[] = [];
    const cache = createReportCache({
      ttlMs: 60_000,
      staleMs: 60_000,
      slowMs: 0,
      onRefreshError: (e) => errors.push(e),
    });
    let fail = false;
    let calls = 0;
    const compute = async () => {
      calls++;
      if (fail) throw new Error('refresh failed');
      return calls;
    };
    await cache.get(t.db.kysely, 'k', compute);
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    expect((await cache.get(t.db.kysely, 'k', compute)).body).toBe(2); // slow twice: slow from now on
    fail = true;
    await sql`DELETE FROM procedures WHERE false`.execute(t.db.kysely);
    expect((await cache.get(t.db.kysely, 'k', compute)).body).toBe(2);
    await cache.settled();
    expect(errors.length).toBe(1);
    fail = false;
    expect((await cache.get(t.db.kysely, 'k', compute)).body).toBe(2); // still stale: recomputing behind
    await cache.settled();
    expect((await cache.get(t.db.kysely, 'k', compute)).body).toBe(4);
  });

  if (TEST_DB_KIND === 'postgres')
    it('treats a write committed after the report was computed as missing, however its id sorts', async () => {
      const cache = createReportCache({ ttlMs: 60_000 });
      const c = counter();
      // A writer that began (and took its transaction id) before the report's snapshot, and commits after it.
      let commit!: () => void;
      const held = new Promise<void>((resolve) => (commit = resolve));
      let started!: () => void;
      const begun = new Promise<void>((resolve) => (started = resolve));
      const writer = t.db.kysely.transaction().execute(async (tx) => {
        await sql`DELETE FROM procedures WHERE false`.execute(tx);
        started();
        await held;
      });
      await begun;
      await sql`DELETE FROM episodes WHERE false`.execute(t.db.kysely); // a later id, committed first
      expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(1);
      expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(1);
      commit();
      await writer;
      expect((await cache.get(t.db.kysely, 'k', c.compute)).body).toBe(2);
    });
});

describe('FT_REPORT_STALE_SECONDS', () => {
  it('defaults to 60, takes 0 (always wait) and refuses anything that is not a whole number', () => {
    expect(loadConfig({}).reportStaleSeconds).toBe(60);
    expect(loadConfig({ FT_REPORT_STALE_SECONDS: '0' }).reportStaleSeconds).toBe(0);
    for (const bad of ['-1', '1.5', 'soon'])
      expect(() => loadConfig({ FT_REPORT_STALE_SECONDS: bad }))
        .withContext(bad)
        .toThrowError(/FT_REPORT_STALE_SECONDS must be a whole number/);
  });
});

describe('GET /reports/* through the cache', () => {
  let t: TestApp;
  let manager: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('cache-manager', 'manager');
    manager = await t.login('cache-manager');
  });
  afterAll(async () => t.close());

  const practice = async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/practice?from=2025-07-01&to=2026-06-30',
      headers: manager.read,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { asOf: string; diary: { procedures: number | string } };
  };
  const reads = async () =>
    Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM audit_events WHERE action = 'report.read'`.execute(t.db.kysely)
      ).rows[0]!.n,
    );

  it('shows new procedures on the next read, and audits every read, kept or computed', async () => {
    const empty = await practice();
    expect(empty.diary.procedures).toBe(0);
    expect(Date.parse(empty.asOf)).toBeCloseTo(Date.now(), -4); // read just now
    await practice();
    expect(await reads()).toBe(2);
    await seedPractice(t.db.kysely, { patients: 30, seed: 3, until: '2026-06-30', spanDays: 365 });
    const seeded = await practice();
    expect(seeded.diary.procedures).not.toBe(0);
    expect(await reads()).toBe(3);
  });
});
