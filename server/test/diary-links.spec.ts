import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/** The patient's diary link (issue 15): scope, expiry, revocation, rate limit, audit. */
describe('diary links: the patient enters scores at home', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('nurse15', 'nurse');
    await t.createUser('doc15', 'physician');
    await t.createUser('admin15', 'admin');
    await t.createUser('mgr15', 'manager');
    [nurse, doc, admin] = [
      await t.login('nurse15'),
      await t.login('doc15'),
      await t.login('admin15'),
    ];
  });
  afterAll(async () => t.close());
  // Each spec calls from its own address, so the diary's rate limit counts one spec at a time.
  let ip = '';
  let ips = 0;
  beforeEach(() => {
    ip = `192.0.2.${++ips}`;
  });

  const post = (
    as: Signed | null,
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      remoteAddress: ip,
      headers: { ...(as?.write ?? {}), ...headers },
    });
  const get = (as: Signed | null, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url,
      remoteAddress: ip,
      headers: { ...(as?.read ?? {}), ...headers },
    });
  const tokenOf = (url: string) => url.split('/').at(-1)!;

  /** A patient with a bilateral (or one-sided) lumbar MBB performed `hoursAgo`. */
  async function procedure(
    hoursAgo = 3,
    side = 'bilateral',
    givenName = 'Rosa',
  ): Promise<{ patientId: string; procedureId: string }> {
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('DL-'),
        givenName,
        familyName: 'Secret-Surname',
        birthDate: '1970-02-02',
        sex: 'female',
      })
    ).json();
    const episode = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side,
        onsetDate: '2026-01-01',
        indexPain: 'Low back',
      })
    ).json();
    await post(nurse, `/api/v1/episodes/${episode.id}/stage`, {
      version: 1,
      to: 'conservative-care',
    });
    const res = await post(doc, `/api/v1/episodes/${episode.id}/procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      performedAt: new Date(Date.now() - hoursAgo * 3600_000).toISOString(),
      levels: ['L4-L5'],
      side,
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      guidance: 'fluoroscopy',
      sedation: 'none',
    });
    expect(res.statusCode).withContext(res.body).toBe(201);
    return { patientId: patient.id, procedureId: res.json().id };
  }
  async function link(procedureId: string, as: Signed = nurse) {
    const res = await post(as, `/api/v1/procedures/${procedureId}/diary-links`, {});
    expect(res.statusCode).withContext(res.body).toBe(201);
    return res.json() as { id: string; url: string; expiresAt: string };
  }
  const patientScore = (
    token: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => post(null, `/api/v1/diary/${token}/pain-scores`, { context: 'activity', ...body }, headers);

  it('issues a 256-bit token once, keeps only its SHA-256, and expires after the last time point plus the grace period', async () => {
    const { procedureId } = await procedure(3);
    const created = await link(procedureId);
    const token = tokenOf(created.url);
    expect(created.url).toMatch(/^http:\/\/[^/]+\/diary\/[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.kysely
      .selectFrom('diary_links')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    const performed = (await get(nurse, `/api/v1/procedures/${procedureId}`)).json().performedAt;
    // Default diary ends at day 14; the default grace is 48 hours.
    expect(new Date(created.expiresAt).getTime() - new Date(performed).getTime()).toBe(
      (14 * 1440 + 48 * 60) * 60_000,
    );
    const list = (await get(nurse, `/api/v1/procedures/${procedureId}/diary-links`)).json();
    expect(list).toEqual([
      jasmine.objectContaining({ id: created.id, status: 'active', createdByName: 'Test nurse15' }),
    ]);
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('with no session: reads only the first name, the date and the time points, and stores a patient-entered score', async () => {
    const { procedureId } = await procedure(3);
    const token = tokenOf((await link(procedureId)).url);
    const res = await get(null, `/api/v1/diary/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).withContext('a link never opens a session').toBeUndefined();
    const diary = res.json();
    expect(Object.keys(diary).sort()).toEqual([
      'bilateral',
      'expiresAt',
      'firstName',
      'performedAt',
      'timePoints',
    ]);
    expect(diary.firstName).toBe('Rosa');
    expect(res.body).not.toContain('Secret-Surname');
    expect(res.body).not.toContain('DL-');
    expect(diary.timePoints[0]).toEqual(
      jasmine.objectContaining({
        minutesAfter: 15,
        status: 'overdue',
        complete: false,
        entries: [],
      }),
    );
    expect(
      diary.timePoints.find((p: { minutesAfter: number }) => p.minutesAfter === 180).status,
    ).toBe('due');

    const saved = await patientScore(token, {
      minutesAfter: 180,
      score: 3,
      side: 'left',
      reportedReliefPercent: 60,
    });
    expect(saved.statusCode).withContext(saved.body).toBe(201);
    expect(saved.json()).toEqual({
      minutesAfter: 180,
      context: 'activity',
      side: 'left',
      late: false,
    });
    expect(saved.headers['set-cookie']).toBeUndefined();
    const staffView = (await get(nurse, `/api/v1/procedures/${procedureId}/pain-scores`)).json();
    expect(staffView.scores).toEqual([
      jasmine.objectContaining({
        minutesAfter: 180,
        score: 3,
        side: 'left',
        reportedReliefPercent: 60,
        source: 'patient',
        recordedByName: 'Patient (home diary)',
      }),
    ]);
    const after = (await get(null, `/api/v1/diary/${token}`))
      .json()
      .timePoints.find((p: { minutesAfter: number }) => p.minutesAfter === 180);
    expect(after).toEqual(
      jasmine.objectContaining({
        status: 'done',
        complete: false,
        entries: [{ context: 'activity', side: 'left' }],
      }),
    );
    expect(JSON.stringify(after))
      .withContext('write-only: the page never reads scores back')
      .not.toContain('"score"');
  });

  it('applies the late-entry rule and refuses bad input with field messages, storing nothing', async () => {
    const { procedureId } = await procedure(5, 'left');
    const token = tokenOf((await link(procedureId)).url);
    const late = await patientScore(token, { minutesAfter: 15, score: 4 });
    expect(late.json().late).withContext('15 min described almost 5 h later').toBeTrue();
    const cases: [Record<string, unknown>, string, number][] = [
      [{ minutesAfter: 30, score: 11 }, 'score', 400],
      [{ minutesAfter: 30, score: -1 }, 'score', 400],
      [{ minutesAfter: 30, score: 'seven' }, 'score', 400],
      [{ minutesAfter: 480, score: 2 }, 'minutesAfter', 400], // in the future
      [{ minutesAfter: 0, score: 8 }, 'minutesAfter', 400], // the baseline is the clinic's
      [{ minutesAfter: 37, score: 2 }, 'minutesAfter', 400], // not a time point
      [{ minutesAfter: 30, score: 2, side: 'right' }, 'side', 400], // one-sided block
      [{ minutesAfter: 15, score: 5 }, 'minutesAfter', 409], // the same time point twice
    ];
    for (const [body, path, status] of cases) {
      const res = await patientScore(token, body);
      expect(res.statusCode).withContext(JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).withContext(JSON.stringify(body)).toBe(path);
    }
    expect((await patientScore(token, { minutesAfter: 15, score: 5 })).json().detail).toBe(
      'This time point is already recorded. If it is wrong, please tell the clinic.',
    );
    expect((await patientScore(token, { minutesAfter: 15, score: 5, context: 'rest' })).statusCode)
      .withContext('another context is another entry')
      .toBe(201);
    const stored = await t.db.kysely
      .selectFrom('pain_scores')
      .select('minutes_after')
      .where('procedure_id', '=', procedureId)
      .execute();
    expect(stored.length).toBe(2);
  });

  it('scope: a token never reads or writes another procedure, another patient, or any staff route', async () => {
    const mine = await procedure(3, 'bilateral', 'Mine');
    const other = await procedure(3, 'bilateral', 'Other');
    const token = tokenOf((await link(mine.procedureId)).url);
    await link(other.procedureId);
    // The body names no procedure; a procedure id smuggled in is ignored by the schema.
    expect(
      (
        await patientScore(token, {
          minutesAfter: 60,
          score: 2,
          side: 'left',
          procedureId: other.procedureId,
        })
      ).statusCode,
    ).toBe(201);
    const rows = await t.db.kysely
      .selectFrom('pain_scores')
      .select(['procedure_id'])
      .where('source', '=', 'patient')
      .where('procedure_id', 'in', [mine.procedureId, other.procedureId])
      .execute();
    expect(rows.map((r) => String(r.procedure_id))).toEqual([mine.procedureId]);
    expect((await get(null, `/api/v1/diary/${token}`)).json().firstName).toBe('Mine');
    // As a cookie, a bearer header or a CSRF header, the token opens no staff route.
    const asCredential: Record<string, string>[] = [
      { cookie: `ft_session=${token}` },
      { authorization: `Bearer ${token}` },
      { 'x-csrf-token': token, cookie: `ft_session=${token}` },
    ];
    const staffRoutes = [
      `/api/v1/procedures/${mine.procedureId}`,
      `/api/v1/procedures/${mine.procedureId}/pain-scores`,
      `/api/v1/patients/${mine.patientId}`,
      `/api/v1/patients/${other.patientId}`,
      `/api/v1/procedures/${mine.procedureId}/diary-links`,
      '/api/v1/auth/me',
      '/api/v1/patients?q=Other',
    ];
    for (const headers of asCredential) {
      for (const url of staffRoutes)
        expect((await get(null, url, headers)).statusCode)
          .withContext(`${url} ${Object.keys(headers)}`)
          .toBe(401);
      const write = await post(
        null,
        `/api/v1/procedures/${other.procedureId}/pain-scores`,
        { minutesAfter: 60, score: 1, context: 'rest' },
        headers,
      );
      expect(write.statusCode).toBe(401);
    }
    // Paths that look like the diary's but lead elsewhere do not exist.
    for (const url of [
      `/api/v1/diary/${token}/procedure`,
      `/api/v1/diary/${token}/pain-scores/${other.procedureId}`,
      `/api/v1/diary/${token}/../../patients/${mine.patientId}`,
    ]) {
      expect([401, 404])
        .withContext(url)
        .toContain((await get(null, url)).statusCode);
    }
  });

  it('revoking or re-issuing closes the old link with a friendly 410; unknown tokens get 404; never a 5xx', async () => {
    const { procedureId } = await procedure(2);
    const first = await link(procedureId);
    const second = await link(procedureId, doc);
    const stale = await get(null, `/api/v1/diary/${tokenOf(first.url)}`);
    expect(stale.statusCode).withContext('re-issuing revokes the earlier link').toBe(410);
    expect(stale.json()).toEqual(
      jasmine.objectContaining({
        code: 'diary-link-revoked',
        detail:
          'This diary link has been withdrawn by the clinic. Please call the clinic for a new sheet.',
      }),
    );
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/diary-links/${second.id}`,
      headers: nurse.write,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const write = await patientScore(tokenOf(second.url), {
      minutesAfter: 60,
      score: 2,
      side: 'left',
    });
    expect(write.statusCode).toBe(410);
    expect(
      await t.db.kysely
        .selectFrom('pain_scores')
        .select('id')
        .where('procedure_id', '=', procedureId)
        .execute(),
    ).toEqual([]);
    for (const guess of [
      'x'.repeat(43),
      'short',
      '%00',
      'a'.repeat(90),
      `${tokenOf(second.url)}x`,
    ]) {
      const res = await get(null, `/api/v1/diary/${encodeURIComponent(guess)}`);
      expect(res.statusCode).withContext(guess).toBe(404);
      expect(res.json().code).toBe('diary-link-unknown');
    }
    const huge = await get(null, `/api/v1/diary/${'a'.repeat(500)}`);
    expect(huge.statusCode).withContext('the router refuses an overlong path segment').toBe(414);
    // Staff routes keep their roles: a manager cannot issue or revoke; no session cannot either.
    const mgr = await t.login('mgr15');
    expect((await post(mgr, `/api/v1/procedures/${procedureId}/diary-links`, {})).statusCode).toBe(
      403,
    );
    expect((await post(null, `/api/v1/procedures/${procedureId}/diary-links`, {})).statusCode).toBe(
      401,
    );
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/diary-links/${second.id}`,
          headers: mgr.write,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: '/api/v1/diary-links/999999',
          headers: nurse.write,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('an expired link answers 410 "finished"; a diary already over gets no new link', async () => {
    const { procedureId } = await procedure(2);
    const created = await link(procedureId);
    await t.db.kysely
      .updateTable('diary_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', created.id)
      .execute();
    const res = await get(null, `/api/v1/diary/${tokenOf(created.url)}`);
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('diary-link-expired');
    expect(
      (await patientScore(tokenOf(created.url), { minutesAfter: 60, score: 1, side: 'left' }))
        .statusCode,
    ).toBe(410);
    const old = await procedure(24 * 30);
    const refused = await post(nurse, `/api/v1/procedures/${old.procedureId}/diary-links`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('diary-over');
  });

  it('audits every use with the link as the actor, never the patient, and the chain stays valid', async () => {
    const { patientId, procedureId } = await procedure(3);
    const created = await link(procedureId);
    const token = tokenOf(created.url);
    await get(null, `/api/v1/diary/${token}`);
    await patientScore(token, { minutesAfter: 120, score: 2, side: 'right' });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/diary-links/${created.id}`,
      headers: nurse.write,
    });
    await get(null, `/api/v1/diary/${token}`);
    const events = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('action', 'like', '%')
      .orderBy('id')
      .execute();
    const byLink = events.filter((e) => e.actor_username === `diary-link:${created.id}`);
    expect(byLink.map((e) => e.action)).toEqual([
      'diary-link.read',
      'pain-score.create',
      'diary-link.refused',
    ]);
    for (const e of byLink) {
      expect(e.actor_id).toBeNull();
      expect(e.entity_id).toBe(procedureId);
      expect(JSON.stringify(e.details)).not.toContain(token);
      expect(JSON.stringify(e.details)).not.toContain('Rosa');
    }
    expect(events.map((e) => e.action)).toEqual(
      jasmine.arrayContaining(['diary-link.create', 'diary-link.revoke']),
    );
    expect((await get(admin, '/api/v1/audit/verify')).json().ok).toBeTrue();
  });

  it('rate limits an address: guessed tokens first, then any flood, with Retry-After', async () => {
    const ip = '203.0.113.9';
    const headers = { 'x-forwarded-for': ip };
    const guess = (n: number) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/diary/${'g'.repeat(42)}${n}`,
        remoteAddress: ip,
        headers,
      });
    for (let i = 0; i < 10; i++) expect((await guess(i)).statusCode).toBe(404);
    const limited = await guess(11);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const { procedureId } = await procedure(3);
    const token = tokenOf((await link(procedureId)).url);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/diary/${token}`, remoteAddress: ip }))
        .statusCode,
    )
      .withContext('even a good token waits')
      .toBe(429);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/diary/${token}`,
          remoteAddress: '203.0.113.10',
        })
      ).statusCode,
    ).toBe(200);
    // A flood of good requests from one address also stops.
    const codes = [];
    for (let i = 0; i < 61; i++)
      codes.push(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/diary/${token}`,
            remoteAddress: '203.0.113.11',
          })
        ).statusCode,
      );
    expect(codes.slice(0, 59).every((c) => c === 200)).toBeTrue();
    expect(codes.at(-1)).toBe(429);
  });

  it('parallel duplicate entries for one time point store one score (the link row serialises writes)', async () => {
    const { procedureId } = await procedure(3, 'left');
    const token = tokenOf((await link(procedureId)).url);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => patientScore(token, { minutesAfter: 60, score: 3 })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(
      (
        await t.db.kysely
          .selectFrom('pain_scores')
          .select('id')
          .where('procedure_id', '=', procedureId)
          .execute()
      ).length,
    ).toBe(1);
  });
});
