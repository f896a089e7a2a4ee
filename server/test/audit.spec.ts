import { sql } from 'kysely';
import { appendAudit, sealHash } from '../services/audit-trail.ts';
import { verifyFullChunk } from '../services/audit-verify.ts';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

describe('audit trail', () => {
  let t: TestApp;
  let admin: Signed;
  beforeEach(async () => {
    t = await createTestApp();
    await t.createUser('auditor', 'admin');
    admin = await t.login('auditor');
    for (let i = 0; i < 4; i++) {
      await t.db.kysely.transaction().execute((tx) =>
        appendAudit(tx, {
          actorId: null,
          actorUsername: 'spec',
          action: 'patient.read',
          patientId: String(100 + i),
          details: { i, note: `O'Neil "q" ${i}` },
        }),
      );
    }
  }, 60_000); // a fresh database per spec: each one tampers with it
  afterEach(async () => t.close());

  const verify = (query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/audit/verify${query}`, headers: admin.read });
  const ids = async () =>
    (await t.db.kysely.selectFrom('audit_events').select('id').orderBy('id').execute()).map((r) =>
      String(r.id),
    );
  /** What someone with full database rights can do: switch the append-only triggers off. */
  const disableTriggers = async () => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`.execute(t.db.kysely);
    await sql`ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_no_change`.execute(t.db.kysely);
  };
  const sealAndVerify = async () => {
    expect((await verify()).json().ok).toBeTrue(); // seals, anchors the head, writes a checkpoint
  };

  it('reports an intact chain with the number of events checked', async () => {
    const res = await verify();
    expect(res.statusCode).toBe(200);
    // api.md fields, plus the report's additions (extra fields allowed).
    expect(res.json()).toEqual(
      jasmine.objectContaining({ ok: true, checked: 5, problems: [], problemCount: 0, total: 5 }),
    ); // login + 4 reads
    expect(res.json().head.seq).toBe('5');
    expect(res.json().anchor.seq).toBe('5');
  });

  it('refuses UPDATE and DELETE of events and seals through the append-only triggers', async () => {
    await t.app.auditSealer.seal();
    await expectAsync(
      sql`UPDATE audit_events SET action = 'x'`.execute(t.db.kysely),
    ).toBeRejected();
    await expectAsync(sql`DELETE FROM audit_events`.execute(t.db.kysely)).toBeRejected();
    await expectAsync(sql`UPDATE audit_seals SET hash = 'x'`.execute(t.db.kysely)).toBeRejected();
    await expectAsync(sql`DELETE FROM audit_seals`.execute(t.db.kysely)).toBeRejected();
  });

  it('catches a row edited directly in SQL (trigger disabled by someone with the rights)', async () => {
    await t.app.auditSealer.seal();
    const [, , target] = await ids();
    await disableTriggers();
    await sql`UPDATE audit_events SET patient_id = '999' WHERE id = ${target}`.execute(t.db.kysely);
    const res = (await verify()).json();
    expect(res.ok).toBeFalse();
    expect(res.firstBrokenId).toBe(target);
    expect(res.reason).toContain('altered');
    expect(res.problems.map((p: { kind: string }) => p.kind)).toEqual(['altered']);
  });

  // Behaviour change (issue 11): the report now names the deleted event itself, not the one after it.
  it('catches a sealed row deleted directly in SQL, naming the deleted event', async () => {
    await t.app.auditSealer.seal();
    const [, second] = await ids();
    await disableTriggers();
    await sql`DELETE FROM audit_events WHERE id = ${second}`.execute(t.db.kysely);
    const res = (await verify()).json();
    expect(res.ok).toBeFalse();
    expect(res.firstBrokenId).toBe(second);
    expect(res.reason).toContain('deleted');
    expect(res.problems.map((p: { kind: string }) => p.kind)).toEqual(['removed']);
  });

  it('catches a row deleted from the middle together with its seal, at the row after the gap', async () => {
    await t.app.auditSealer.seal();
    const [, second, third] = await ids();
    await disableTriggers();
    await sql`DELETE FROM audit_seals WHERE event_id = ${second}`.execute(t.db.kysely);
    await sql`DELETE FROM audit_events WHERE id = ${second}`.execute(t.db.kysely);
    const res = (await verify()).json();
    expect(res.ok).toBeFalse();
    expect(res.firstBrokenId).toBe(third);
    expect(res.reason).toContain('removed');
  });

  it('catches the newest events deleted with their seals, through the head anchored outside the database', async () => {
    await sealAndVerify();
    await t.app.auditSealer.seal(); // seals the audit.verify event too
    await disableTriggers();
    const newest = (await ids()).slice(-2);
    await sql`DELETE FROM audit_seals WHERE event_id IN (${sql.join(newest)})`.execute(t.db.kysely);
    await sql`DELETE FROM audit_events WHERE id IN (${sql.join(newest)})`.execute(t.db.kysely);
    // The checkpoint now points past the end, so the walk starts from the beginning: still a clean chain.
    const res = (await verify()).json();
    expect(res.ok).toBeFalse();
    expect(res.problems.map((p: { kind: string }) => p.kind)).toEqual(['newest-removed']);
    expect(res.reason).toContain('newest events were deleted');
  });

  it('catches history rewritten with recomputed hashes: the seals lack the key the database does not hold', async () => {
    await sealAndVerify();
    await t.app.auditSealer.seal();
    const [, second] = await ids();
    await disableTriggers();
    await sql`UPDATE audit_events SET patient_id = '999' WHERE id = ${second}`.execute(t.db.kysely);
    // The attacker knows the algorithm: recompute every hash from the edited row on, links included.
    const seals = (
      await sql<{
        seq: string;
        event_id: string;
        prev_hash: string;
      }>`SELECT seq::text AS seq, event_id::text AS event_id, prev_hash FROM audit_seals s ORDER BY s.seq`.execute(
        t.db.kysely,
      )
    ).rows;
    let prev = seals[0]!.prev_hash;
    for (const seal of seals) {
      const e = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '=', seal.event_id)
        .executeTakeFirstOrThrow();
      const hash = sealHash(prev, seal.seq, {
        ...e,
        id: String(e.id),
        actor_id: e.actor_id === null ? null : String(e.actor_id),
      });
      await sql`UPDATE audit_seals SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${seal.seq}::bigint`.execute(
        t.db.kysely,
      );
      prev = hash;
    }
    const res = (await verify('?mode=full')).json();
    expect(res.ok).toBeFalse();
    expect(res.firstBrokenId).toBe(second);
    expect(res.problems[0].kind).toBe('forged');
    expect(res.problems.map((p: { kind: string }) => p.kind)).toContain('anchor-mismatch');
  });

  it('catches an event slipped into the past, where the sealer never looks', async () => {
    await sealAndVerify();
    await sql`INSERT INTO audit_events (at, action, details, xid) VALUES (now(), 'patient.read', '{}', '3'::xid8)`.execute(
      t.db.kysely,
    );
    const res = (await verify('?mode=full')).json();
    expect(res.ok).toBeFalse();
    expect(res.problems.map((p: { kind: string }) => p.kind)).toEqual(['unsealed']);
  });

  it('verifies incrementally from the last checkpoint; a full check re-reads everything', async () => {
    await sealAndVerify();
    const second = (await verify()).json();
    expect(second.ok).toBeTrue();
    expect(second.from).toBe('5');
    expect(second.checked).toBe(1); // only the first check's own audit.verify event
    const full = (await verify('?mode=full')).json();
    expect(full.ok).toBeTrue();
    expect(full.checked).toBe(7);
    expect(full.nextSeq).toBeNull();
  });

  it('checks in chunks for the progress bar, stitching each chunk to the stored hash before it', async () => {
    await t.app.auditSealer.seal();
    const anchorage = t.app.auditSealer.anchorage;
    const seen: string[] = [];
    let from: string | null = '0';
    let checked = 0;
    while (from !== null) {
      const chunk = await verifyFullChunk(t.db.kysely, anchorage, from, 2);
      expect(chunk.ok).toBeTrue();
      expect(chunk.total).toBe(5);
      checked += chunk.checked;
      seen.push(from);
      from = chunk.nextSeq ?? null;
    }
    expect(seen).toEqual(['0', '2', '4']);
    expect(checked).toBe(5);
  });

  it('rejects a malformed chain position', async () => {
    const res = await verify('?mode=full&from=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('query.from');
  });

  it('lists events newest first, filtered by patient, action, user and date; admin only', async () => {
    const byPatient = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?patientId=102',
        headers: admin.read,
      })
    ).json();
    expect(byPatient.items.map((e: { patientId: string }) => e.patientId)).toEqual(['102']);
    expect(byPatient.items[0].details).toEqual({ i: 2, note: `O'Neil "q" 2` });
    const byAction = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?action=auth.login',
        headers: admin.read,
      })
    ).json();
    expect(byAction.total).toBe(1);
    expect(byAction.items[0].actorId).toBe(admin.info.user.id);
    const byUser = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit/events?userId=${admin.info.user.id}`,
        headers: admin.read,
      })
    ).json();
    expect(byUser.total).toBe(1);
    const future = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit/events?from=2999-01-01',
        headers: admin.read,
      })
    ).json();
    expect(future.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const all = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/audit/events?from=${today}&to=${today}&pageSize=2`,
        headers: admin.read,
      })
    ).json();
    expect(all.total).toBe(5);
    expect(all.items.length).toBe(2);
    expect(Number(all.items[0].id)).toBeGreaterThan(Number(all.items[1].id));
    const backwards = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/events?from=2026-02-01&to=2026-01-01',
      headers: admin.read,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('query.to');
    const name = uniqueName('nurse');
    await t.createUser(name, 'nurse');
    const nurse = await t.login(name);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit/events', headers: nurse.read }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: nurse.read }))
        .statusCode,
    ).toBe(403);
  });

  it('filters by username and by MRN (or its digits) or name, resolving them to ids on the server', async () => {
    const name = uniqueName('nurse');
    await t.createUser(name, 'nurse');
    const nurse = await t.login(name);
    const register = async (mrn: string, givenName: string, familyName: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/patients',
          headers: nurse.write,
          payload: { mrn, givenName, familyName, birthDate: '1980-01-02', sex: 'female' },
        })
      ).json().id as string;
    const zoe = await register('AUD-7731', 'Zoë', 'Ramírez');
    const other = await register('AUD-1200', 'Ola', 'Berg');
    const events = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/audit/events?${query}`,
          headers: admin.read,
        })
      ).json() as { total: number; items: { patientId: string | null; actorUsername: string }[] };
    for (const [query, patients] of [
      ['patient=AUD-7731', [zoe]],
      ['patient=7731', [zoe]],
      ['patient=ramirez', [zoe]],
      ['patient=Zo%C3%AB%20Ram', [zoe]],
      ['patient=AUD', [other, zoe]],
      ['patient=nobody-like-this', []],
    ] as const) {
      const found = await events(query);
      expect([...new Set(found.items.map((e) => e.patientId))].sort())
        .withContext(query)
        .toEqual([...patients].sort());
    }
    const byName = await events(`username=${name.toUpperCase()}`);
    expect(byName.total).toBe(3); // login and two registrations
    expect(byName.items.every((e) => e.actorUsername === name)).toBeTrue();
    // The client sends names in a POST body (names in URLs reach access logs).
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/events/search',
      headers: admin.write,
      payload: { patient: 'Ramírez', page: 1, pageSize: 50 },
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().items.every((e: { patientId: string }) => e.patientId === zoe)).toBeTrue();
    expect(posted.json().total).toBeGreaterThan(0);
    // The id filters stay, and combine with the new ones.
    expect((await events(`patientId=${other}&patient=7731`)).total).toBe(0);
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events?patient=${'x'.repeat(101)}`,
      headers: admin.read,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('writes the audit row in the same transaction as the change: a failed change leaves neither', async () => {
    const before = (await ids()).length;
    await expectAsync(
      t.db.kysely.transaction().execute(async (tx) => {
        await appendAudit(tx, {
          actorId: null,
          actorUsername: 'spec',
          action: 'patient.update',
          patientId: '1',
        });
        throw new Error('change failed');
      }),
    ).toBeRejected();
    expect((await ids()).length).toBe(before);
    expect((await verify()).json().ok).toBeTrue();
  });
});
