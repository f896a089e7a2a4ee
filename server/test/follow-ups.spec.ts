import { createTestApp, type Signed, type TestApp, TEST_DB_KIND, uniqueName } from './test-app.ts';

const DAY = 86_400_000;

/** Issue 12, the nurse's day: bookings, the follow-up schedule, recording follow-ups, the worklist and the digest. */
describe('planned procedures, follow-ups and the worklist', () => {
  let t: TestApp;
  let nurse: Signed;
  let nurse2: Signed;
  let doc: Signed;
  let admin: Signed;
  let docId: string;
  let episodeId: string;
  let patientId: string;
  // The practice's clock: 10:00 in New York on 16 Mar 2026 (after the US spring DST change on 8 Mar).
  const NOW = new Date('2026-03-16T14:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('fu-nurse', 'nurse');
    await t.createUser('fu-nurse2', 'nurse');
    docId = await t.createUser('fu-doc', 'physician');
    await t.createUser('fu-admin', 'admin');
    nurse = await t.login('fu-nurse');
    nurse2 = await t.login('fu-nurse2');
    doc = await t.login('fu-doc');
    admin = await t.login('fu-admin');
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/practice-settings',
          headers: admin.write,
          payload: { timeZone: 'America/New_York' },
        })
      ).statusCode,
    ).toBe(200);
  }, 60_000);
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.app.clock.pin(NOW);
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('F-'),
        givenName: 'Rosa',
        familyName: uniqueName('Runner'),
        birthDate: '1975-05-05',
        sex: 'female',
      })
    ).json();
    patientId = patient.id;
    const episode = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'bilateral',
        onsetDate: '2025-01-01',
        indexPain: 'Low back',
      })
    ).json();
    episodeId = episode.id;
  });
  afterEach(() => t.app.clock.pin(null));

  function post(as: Signed, url: string, payload: unknown) {
    return t.app.inject({ method: 'POST', url, payload: payload as object, headers: as.write });
  }
  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const procedure = (
    kind: 'mbb' | 'rfa',
    performedAt: Date,
    over: Record<string, unknown> = {},
  ) => ({
    kind,
    intent: kind === 'mbb' ? 'diagnostic' : 'therapeutic',
    performedAt: performedAt.toISOString(),
    levels: ['L4-L5'],
    side: 'bilateral',
    anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
    guidance: 'fluoroscopy',
    sedation: 'none',
    overrideReason: 'Spec: checks are not under test here',
    ...over,
  });
  async function recordRfa(performedAt: Date): Promise<string> {
    const res = await post(
      doc,
      `/api/v1/episodes/${episodeId}/procedures`,
      procedure('rfa', performedAt),
    );
    expect(res.statusCode).withContext(res.body).toBe(201);
    const id = res.json().id as string;
    // Baselines (rest 6, activity 8) just before the procedure.
    for (const [context, score] of [
      ['rest', 6],
      ['activity', 8],
    ] as const) {
      t.app.clock.pin(NOW);
      expect(
        (
          await post(nurse, `/api/v1/procedures/${id}/pain-scores`, {
            minutesAfter: -10,
            score,
            context,
          })
        ).statusCode,
      ).toBe(201);
    }
    return id;
  }
  const worklist = async (as: Signed, query = '') => {
    const res = await get(as, `/api/v1/worklist?pageSize=100${query}`);
    expect(res.statusCode).withContext(res.body).toBe(200);
    return res.json();
  };
  const mine = (rows: any[], kind = 'follow-up'): any[] =>
    rows.filter((r) => r.patientId === patientId && r.kind === kind);

  it('an RFA gets follow-ups at 2 and 6 weeks, 3, 6 and 12 months, as local dates in the practice zone', async () => {
    // 21:30 on 31 Jan in New York is already 1 Feb in UTC: the schedule counts from 31 Jan.
    const id = await recordRfa(new Date('2026-02-01T02:30:00Z'));
    const list = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    expect(
      list.map((f: { dueDate: string; kind: string; status: string; label: string }) => [
        f.label,
        f.dueDate,
        f.kind,
        f.status,
      ]),
    ).toEqual([
      ['2 weeks', '2026-02-14', 'call', 'due'],
      ['6 weeks', '2026-03-14', 'call', 'due'],
      ['3 months', '2026-04-30', 'visit', 'due'],
      ['6 months', '2026-07-31', 'call', 'due'],
      ['12 months', '2027-01-31', 'visit', 'due'],
    ]);
    expect(list[0].history[0].action).toBe('created');
  });

  it('the 2-week call is upcoming the day before, due on the day and overdue after its window; recorded once, it leaves the list', async () => {
    const id = await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const [twoWeeks] = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    expect(twoWeeks.dueDate).toBe('2026-03-16');
    t.app.clock.pin(new Date(NOW.getTime() - DAY));
    expect(
      mine((await worklist(nurse)).upcoming).map((r: { followUpId: string }) => r.followUpId),
    ).toEqual([twoWeeks.id]);
    t.app.clock.pin(new Date(NOW.getTime() + 4 * DAY));
    const late = await worklist(nurse);
    expect(mine(late.overdue).length).toBe(1);
    t.app.clock.pin(NOW);
    const today = await worklist(nurse);
    const row = mine(today.dueToday)[0];
    expect(row).toEqual(
      jasmine.objectContaining({
        kind: 'follow-up',
        patientId,
        followUpId: twoWeeks.id,
        procedureId: id,
        region: 'lumbar',
        providerId: docId,
      }),
    );
    expect(row.dueAt).toBe('2026-03-16T04:00:00.000Z'); // local midnight in New York (EDT)
    expect(today.totals.dueToday).toBeGreaterThanOrEqual(1);

    const res = await post(nurse, `/api/v1/follow-ups/${twoWeeks.id}/result`, {
      painRest: 2,
      painActivity: 3,
      reportedReliefPercent: 70,
      running: { status: 'partial', weeklyDistanceKm: 15 },
      complications: ['numbness'],
      redFlags: ['redness'],
      note: 'Feels better',
    });
    expect(res.statusCode).withContext(res.body).toBe(201);
    expect(res.json().status).toBe('done');
    expect(res.json().result).toEqual(
      jasmine.objectContaining({
        reliefRestPercent: jasmine.any(Number),
        reliefActivityPercent: 62.5,
        redFlags: ['redness'],
        outsideWindow: false,
      }),
    );
    expect(mine((await worklist(nurse)).dueToday)).toEqual([]);

    // The scores are pain scores of the procedure marked with the follow-up: the timeline and the relief checks read them.
    const scores = await t.db.kysely
      .selectFrom('pain_scores')
      .select(['score', 'context', 'follow_up_id'])
      .where('procedure_id', '=', id)
      .where('follow_up_id', 'is not', null)
      .execute();
    expect(scores.map((s) => [s.context, s.score, String(s.follow_up_id)]).sort()).toEqual([
      ['activity', 3, twoWeeks.id],
      ['rest', 2, twoWeeks.id],
    ]);
    const timeline = (await get(doc, `/api/v1/episodes/${episodeId}/pain-timeline`)).json();
    expect(
      timeline.scores.filter((s: { minutesAfter: number }) => s.minutesAfter === 14 * 1440).length,
    ).toBe(2);

    const again = await post(nurse2, `/api/v1/follow-ups/${twoWeeks.id}/result`, {
      painActivity: 4,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      'This follow-up was already recorded by Test fu-nurse at 2026-03-16T14:00:00.000Z.',
    );
  });

  it('two nurses recording the same follow-up at once: exactly one 201, the other 409, never a 500', async () => {
    const id = await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const [twoWeeks] = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    const statuses = (
      await Promise.all(
        [nurse, nurse2, nurse, nurse2].map((as, i) =>
          post(as, `/api/v1/follow-ups/${twoWeeks.id}/result`, { painActivity: i + 1 }),
        ),
      )
    )
      .map((r) => r.statusCode)
      .sort();
    expect(statuses).withContext(TEST_DB_KIND).toEqual([201, 409, 409, 409]);
    const rows = await t.db.kysely
      .selectFrom('pain_scores')
      .select('id')
      .where('follow_up_id', '=', twoWeeks.id)
      .execute();
    expect(rows.length).withContext('nothing half-written by the losers').toBe(1);
  });

  it('"no answer" counts attempts and the follow-up becomes missed at the rule set\'s limit', async () => {
    const id = await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const [f] = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    for (const expected of ['due', 'due', 'missed']) {
      const res = await post(nurse, `/api/v1/follow-ups/${f.id}/result`, { outcome: 'no-answer' });
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe(expected);
    }
    const after = await post(nurse, `/api/v1/follow-ups/${f.id}/result`, { outcome: 'no-answer' });
    expect(after.statusCode).toBe(409);
    expect(after.json().detail).toContain('marked missed by Test fu-nurse');
  });

  it('refuses a result without any score, and scores out of range, with field messages', async () => {
    const id = await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const [f] = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    const empty = await post(nurse, `/api/v1/follow-ups/${f.id}/result`, { note: 'called' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([
      {
        path: 'painActivity',
        message: "Record at least one pain score or the patient's own percent relief",
      },
    ]);
    const bad = await post(nurse, `/api/v1/follow-ups/${f.id}/result`, {
      painRest: 11,
      redFlags: ['headache'],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['painRest', 'redFlags.0']);
    expect(
      (await post(nurse, '/api/v1/follow-ups/999999/result', { painRest: 1 })).statusCode,
    ).toBe(404);
  });

  it('a result outside the window is allowed but flagged; rescheduling and cancelling keep history', async () => {
    const id = await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const [twoWeeks, sixWeeks, threeMonths] = (
      await get(nurse, `/api/v1/procedures/${id}/follow-ups`)
    ).json();
    t.app.clock.pin(new Date(NOW.getTime() + 10 * DAY));
    expect(
      (await post(nurse, `/api/v1/follow-ups/${twoWeeks.id}/result`, { painActivity: 3 })).json()
        .result.outsideWindow,
    ).toBeTrue();
    const moved = await post(nurse, `/api/v1/follow-ups/${sixWeeks.id}/reschedule`, {
      version: sixWeeks.version,
      dueDate: '2026-04-30',
      reason: 'Patient away',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().dueDate).toBe('2026-04-30');
    expect(moved.json().history.at(-1)).toEqual(
      jasmine.objectContaining({
        action: 'rescheduled',
        detail: '2026-04-13 -> 2026-04-30: Patient away',
        byName: 'Test fu-nurse',
      }),
    );
    expect(
      (
        await post(nurse, `/api/v1/follow-ups/${sixWeeks.id}/reschedule`, {
          version: sixWeeks.version,
          dueDate: '2026-05-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await post(nurse, `/api/v1/follow-ups/${threeMonths.id}/cancel`, {
          version: threeMonths.version,
        })
      ).statusCode,
    ).toBe(400);
    const cancelled = await post(nurse, `/api/v1/follow-ups/${threeMonths.id}/cancel`, {
      version: threeMonths.version,
      reason: 'Seen in clinic instead',
    });
    expect(cancelled.json()).toEqual(
      jasmine.objectContaining({ status: 'cancelled', cancelReason: 'Seen in clinic instead' }),
    );
    const res = await post(nurse, `/api/v1/follow-ups/${threeMonths.id}/result`, {
      painActivity: 3,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('This follow-up was cancelled (Seen in clinic instead).');
  });

  it('a procedure marked entered in error cancels its open follow-ups with that reason; done ones stay done', async () => {
    const id = await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const [first] = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    await post(nurse, `/api/v1/follow-ups/${first.id}/result`, { painActivity: 3 });
    const version = (await get(doc, `/api/v1/procedures/${id}`)).json().version;
    expect(
      (
        await post(doc, `/api/v1/procedures/${id}/entered-in-error`, {
          version,
          reason: 'Wrong patient',
        })
      ).statusCode,
    ).toBe(204);
    const list = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    expect(list.map((f: { status: string }) => f.status)).toEqual([
      'done',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(list[1].cancelReason).toBe('Procedure entered in error: Wrong patient');
    expect(
      mine([...(await worklist(nurse)).dueToday, ...(await worklist(nurse)).upcoming]),
    ).toEqual([]);
  });

  it('booking: not in the past, dry run at booking, on the worklist on the day, baseline on the day, recorded from the booking', async () => {
    const past = await post(nurse, `/api/v1/episodes/${episodeId}/planned-procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      plannedDate: '2026-03-15',
      levels: ['L4-L5'],
      side: 'bilateral',
      performerId: docId,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([
      { path: 'plannedDate', message: 'A procedure cannot be booked for a day in the past' },
    ]);
    const noPerformer = await post(nurse, `/api/v1/episodes/${episodeId}/planned-procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      plannedDate: '2026-03-17',
      levels: ['L4-L5'],
      side: 'bilateral',
    });
    expect(noPerformer.json().errors).toEqual([
      { path: 'performerId', message: 'Choose the physician who will perform it' },
    ]);
    const booked = await post(nurse, `/api/v1/episodes/${episodeId}/planned-procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      plannedDate: '2026-03-17',
      levels: ['L4-L5'],
      side: 'bilateral',
      performerId: docId,
    });
    expect(booked.statusCode).withContext(booked.body).toBe(201);
    const plan = booked.json();
    expect(plan.status).toBe('planned');
    expect(plan.checks.map((c: { id: string }) => c.id))
      .withContext('no conservative care yet: the dry run says so days before')
      .toContain('conservative-care');
    expect(
      mine((await worklist(nurse)).upcoming, 'procedure').map(
        (r: { plannedProcedureId: string }) => r.plannedProcedureId,
      ),
    ).toEqual([plan.id]);
    expect(
      (
        await post(nurse, `/api/v1/planned-procedures/${plan.id}/baseline`, {
          score: 7,
          context: 'activity',
        })
      ).statusCode,
    )
      .withContext('not the day yet')
      .toBe(400);

    t.app.clock.pin(new Date(NOW.getTime() + DAY));
    const dayRows = mine((await worklist(nurse)).dueToday, 'procedure');
    expect(dayRows.length).toBe(1);
    const baseline = await post(nurse, `/api/v1/planned-procedures/${plan.id}/baseline`, {
      score: 7,
      context: 'activity',
    });
    expect(baseline.statusCode).toBe(201);
    expect(baseline.json().baselines).toEqual([
      jasmine.objectContaining({ score: 7, context: 'activity' }),
    ]);

    const performedAt = new Date(NOW.getTime() + DAY + 30 * 60_000);
    const recorded = await post(
      doc,
      `/api/v1/episodes/${episodeId}/procedures`,
      procedure('mbb', performedAt, { plannedProcedureId: plan.id }),
    );
    expect(recorded.statusCode).withContext(recorded.body).toBe(201);
    const procedureId = recorded.json().id;
    const after = (await get(nurse, `/api/v1/planned-procedures/${plan.id}`)).json();
    expect(after).toEqual(jasmine.objectContaining({ status: 'performed', procedureId }));
    const scores = await t.db.kysely
      .selectFrom('pain_scores')
      .select(['score', 'minutes_after'])
      .where('procedure_id', '=', procedureId)
      .execute();
    expect(scores).toEqual([{ score: 7, minutes_after: -30 }]);
    const followUps = (await get(nurse, `/api/v1/procedures/${procedureId}/follow-ups`)).json();
    expect(followUps.map((f: { label: string; dueDate: string }) => [f.label, f.dueDate])).toEqual([
      ['1 day', '2026-03-18'],
    ]);
    expect(mine((await worklist(nurse)).dueToday, 'procedure')).toEqual([]);
    expect(
      (
        await post(
          doc,
          `/api/v1/episodes/${episodeId}/procedures`,
          procedure('mbb', performedAt, { plannedProcedureId: plan.id }),
        )
      ).statusCode,
    )
      .withContext('a booking is performed once')
      .toBe(409);
  });

  it('cancelling a booking needs a reason, which is kept', async () => {
    const plan = (
      await post(doc, `/api/v1/episodes/${episodeId}/planned-procedures`, {
        kind: 'mbb',
        intent: 'diagnostic',
        plannedDate: '2026-03-20',
        levels: ['L4-L5'],
        side: 'left',
      })
    ).json();
    expect(plan.performerId).withContext('a physician books for themself').toBe(docId);
    expect(
      (
        await post(nurse, `/api/v1/planned-procedures/${plan.id}/cancel`, {
          version: plan.version,
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    const res = await post(nurse, `/api/v1/planned-procedures/${plan.id}/cancel`, {
      version: plan.version,
      reason: 'Patient has a cold',
    });
    expect(res.json()).toEqual(
      jasmine.objectContaining({ status: 'cancelled', cancelReason: 'Patient has a cold' }),
    );
    expect(mine((await worklist(nurse)).upcoming, 'procedure')).toEqual([]);
  });

  it('filters by provider and region, pages each section on the server, and refuses managers', async () => {
    await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    const other = await t.createUser(uniqueName('doc'), 'physician');
    expect(mine((await worklist(nurse, `&providerId=${docId}`)).dueToday).length).toBe(1);
    expect(mine((await worklist(nurse, `&providerId=${other}`)).dueToday).length).toBe(0);
    expect(mine((await worklist(nurse, '&region=cervical')).dueToday).length).toBe(0);
    const paged = (await get(nurse, '/api/v1/worklist?pageSize=1&dueTodayPage=1')).json();
    expect(paged.dueToday.length).toBe(1);
    expect(paged.totals.dueToday).toBeGreaterThanOrEqual(1);
    expect((await get(nurse, '/api/v1/worklist?date=2026-02-30')).statusCode).toBe(400);
    await t.createUser('fu-mgr', 'manager');
    expect((await get(await t.login('fu-mgr'), '/api/v1/worklist')).statusCode).toBe(403);
  });

  it('the overdue digest lists per provider what became overdue since yesterday (physician and admin, not nurses)', async () => {
    await recordRfa(new Date(NOW.getTime() - 14 * DAY));
    t.app.clock.pin(new Date(NOW.getTime() + 4 * DAY)); // window 3 days: overdue from 20 Mar
    const digest = (await get(doc, '/api/v1/reports/overdue-digest')).json();
    expect(digest.date).toBe('2026-03-20');
    const group = digest.providers.find((p: { providerId: string }) => p.providerId === docId);
    expect(
      group.rows
        .filter((r: { patientId: string }) => r.patientId === patientId)
        .map((r: { overdueSince: string }) => r.overdueSince),
    ).toEqual(['2026-03-20']);
    t.app.clock.pin(new Date(NOW.getTime() + 5 * DAY));
    const nextDay = (await get(admin, '/api/v1/reports/overdue-digest')).json();
    expect(
      nextDay.providers
        .flatMap((p: { rows: { patientId: string }[] }) => p.rows)
        .filter((r: { patientId: string }) => r.patientId === patientId),
    ).toEqual([]);
    expect((await get(nurse, '/api/v1/reports/overdue-digest')).statusCode).toBe(403);
  });

  it('RFA durability at 3, 6 and 12 months from follow-up scores', async () => {
    const performed = new Date('2025-03-01T15:00:00Z');
    t.app.clock.pin(new Date('2025-03-01T14:00:00Z'));
    const res = await post(
      doc,
      `/api/v1/episodes/${episodeId}/procedures`,
      procedure('rfa', performed),
    );
    const id = res.json().id;
    await t.db.kysely
      .insertInto('pain_scores')
      .values({
        procedure_id: id,
        minutes_after: -10,
        describes_at: new Date(performed.getTime() - 600_000),
        score: 8,
        context: 'activity',
        recorded_by: docId,
      })
      .execute();
    const followUps = (await get(nurse, `/api/v1/procedures/${id}/follow-ups`)).json();
    const at = (label: string) => followUps.find((f: { label: string }) => f.label === label);
    t.app.clock.pin(new Date(`${at('3 months').dueDate}T15:00:00Z`));
    await post(nurse, `/api/v1/follow-ups/${at('3 months').id}/result`, { painActivity: 2 });
    t.app.clock.pin(new Date(`${at('6 months').dueDate}T15:00:00Z`));
    await post(nurse, `/api/v1/follow-ups/${at('6 months').id}/result`, { painActivity: 6 });
    t.app.clock.pin(NOW);
    const durability = (await get(doc, `/api/v1/episodes/${episodeId}/rfa-durability`)).json();
    expect(
      durability[0].milestones.map((m: { months: number; status: string }) => [m.months, m.status]),
    ).toEqual([
      [3, 'held'],
      [6, 'lost'],
      [12, 'unknown'],
    ]);
  });
});
