import { buildApp } from '../app.ts';
import { openDatabase } from '../db/database.ts';
import { appendAudit } from '../services/audit-trail.ts';
import { createTestApp, TEST_DB_KIND, type TestApp } from './test-app.ts';

/** Deferred promise, to hold a transaction open while another one runs. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

// Truly parallel transactions need real connections: these run on PostgreSQL only (FT_TEST_DB=postgres).
(TEST_DB_KIND === 'postgres' ? describe : xdescribe)(
  'audit trail under concurrency (PostgreSQL)',
  () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await createTestApp({ auditKey: 'shared-spec-key', auditSealMs: 50 });
    }, 60_000);
    afterEach(async () => t.close());

    const entry = (n: number) => ({
      actorId: null,
      actorUsername: 'spec',
      action: 'patient.read' as const,
      patientId: String(n),
    });
    const sealedCount = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('audit_seals')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('lets two open transactions both append; seals the later-committing one only once it has committed', async () => {
      const firstAppended = deferred();
      const releaseFirst = deferred();
      // The first transaction appends (taking the lower id and xid) and stays open.
      const first = t.db.kysely.transaction().execute(async (tx) => {
        await appendAudit(tx, entry(1));
        firstAppended.resolve();
        await releaseFirst.promise;
      });
      await firstAppended.promise;
      // A global lock held until COMMIT would block this append until the first transaction ends: it would never finish.
      await t.db.kysely.transaction().execute((tx) => appendAudit(tx, entry(2)));
      await t.app.auditSealer.seal();
      // The second event has committed, but an older transaction is still running: nothing after it is sealed yet.
      expect(await sealedCount()).toBe(0);
      releaseFirst.resolve();
      await first;
      // xmin is cluster-wide: a transaction in another database on the same server holds sealing back
      // for a moment (never forever), so seal until both are in.
      for (
        const started = Date.now();
        (await sealedCount()) < 2 && Date.now() - started < 20_000;
      ) {
        await t.app.auditSealer.seal();
        await new Promise((r) => setTimeout(r, 50));
      }
      const seals = await t.db.kysely
        .selectFrom('audit_seals')
        .innerJoin('audit_events', 'audit_events.id', 'audit_seals.event_id')
        .select(['audit_seals.seq', 'audit_events.patient_id'])
        .orderBy('audit_seals.seq')
        .execute();
      expect(seals.map((s) => s.patient_id)).toEqual(['1', '2']);
    });

    it('keeps one intact chain while two app instances on one database write and seal in parallel', async () => {
      const db2 = await openDatabase(t.config);
      const app2 = await buildApp(t.config, db2, false);
      await app2.ready();
      try {
        const writes = Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? db2.kysely : t.db.kysely)
            .transaction()
            .execute((tx) => appendAudit(tx, entry(i))),
        );
        const seals = Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? app2 : t.app).auditSealer.seal(),
        );
        await Promise.all([...writes, ...seals]);
        // Until both sealers settle on the last rows.
        for (let i = 0; i < 50 && (await sealedCount()) < 40; i++) await t.app.auditSealer.seal();
        expect(await sealedCount()).toBe(40);
        await app2.auditSealer.seal({ anchor: true });
        const { verifyIncremental } = await import('../services/audit-verify.ts');
        const fromFirst = await verifyIncremental(t.db.kysely, t.app.auditSealer.anchorage);
        const fromSecond = await verifyIncremental(db2.kysely, app2.auditSealer.anchorage);
        expect(fromFirst.ok).withContext(JSON.stringify(fromFirst.problems)).toBeTrue();
        expect(fromFirst.checked).toBe(40);
        expect(fromSecond.ok).toBeTrue();
      } finally {
        await app2.close();
        await db2.close();
      }
    }, 60_000);
  },
);
