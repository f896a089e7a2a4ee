import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

const DAY = 86_400_000;

/** Issue 12: the booking dialog's dry run, rescheduling and cancelling a booking, with its history kept. */
describe('bookings: dry run, reschedule, cancel, history', () => {
  let t: TestApp;
  let nurse: Signed;
  let doc: Signed;
  let docId: string;
  let episodeId: string;
  // 10:00 in UTC (the default practice zone) on 16 Mar 2026.
  const NOW = new Date('2026-03-16T10:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    docId = await t.createUser('bk-doc', 'physician');
    await t.createUser('bk-nurse', 'nurse');
    await t.createUser('bk-mgr', 'manager');
    nurse = await t.login('bk-nurse');
    doc = await t.login('bk-doc');
  }, 60_000);
  afterAll(async () => t.close());
  beforeEach(async () => {
    t.app.clock.pin(NOW);
    const patient = (
      await post(nurse, '/api/v1/patients', {
        mrn: uniqueName('BK-'),
        givenName: 'Ada',
        familyName: uniqueName('Booked'),
        birthDate: '1970-01-01',
        sex: 'female',
      })
    ).json();
    episodeId = (
      await post(nurse, `/api/v1/patients/${patient.id}/episodes`, {
        region: 'lumbar',
        side: 'left',
        onsetDate: '2025-01-01',
        indexPain: 'Low back',
      })
    ).json().id;
  });
  afterEach(() => t.app.clock.pin(null));

  function post(as: Signed, url: string, payload: object) {
    return t.app.inject({ method: 'POST', url, payload, headers: as.write });
  }
  const get = (as: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: as.read });
  const booking = (over: Record<string, unknown> = {}) => ({
    kind: 'mbb',
    intent: 'diagnostic',
    plannedDate: '2026-03-17',
    levels: ['L4-L5'],
    side: 'left',
    performerId: docId,
    ...over,
  });
  async function book(over: Record<string, unknown> = {}) {
    const res = await post(
      nurse,
      `/api/v1/episodes/${episodeId}/planned-procedures`,
      booking(over),
    );
    expect(res.statusCode).withContext(res.body).toBe(201);
    return res.json();
  }
  const countBookings = async () =>
    (await get(nurse, `/api/v1/episodes/${episodeId}/planned-procedures`)).json().length;

  it('the dry run returns the checks the booking would carry and saves nothing; bad input gets field messages', async () => {
    const dry = await post(
      nurse,
      `/api/v1/episodes/${episodeId}/planned-procedures/check`,
      booking(),
    );
    expect(dry.statusCode).withContext(dry.body).toBe(200);
    expect(dry.json().checks.map((c: { id: string }) => c.id)).toContain('conservative-care');
    expect(await countBookings()).toBe(0);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { plannedDate: '2026-03-15' },
        'plannedDate',
        'A procedure cannot be booked for a day in the past',
      ],
      [{ levels: ['C5-C6'] }, 'levels.0', 'C5-C6 is not a lumbar level (L1-L2 to L5-S1)'],
      [{ performerId: undefined }, 'performerId', 'Choose the physician who will perform it'],
    ];
    for (const [over, path, message] of cases) {
      const res = await post(
        nurse,
        `/api/v1/episodes/${episodeId}/planned-procedures/check`,
        booking(over),
      );
      expect(res.statusCode).withContext(path).toBe(400);
      expect(res.json().errors).toEqual([{ path, message }]);
    }
    // Today is allowed (the day itself is not in the past).
    expect(
      (
        await post(
          nurse,
          `/api/v1/episodes/${episodeId}/planned-procedures/check`,
          booking({ plannedDate: '2026-03-16' }),
        )
      ).statusCode,
    ).toBe(200);
    const performers = (await get(nurse, '/api/v1/planned-procedures/performers')).json();
    expect(performers).toContain({ id: docId, name: jasmine.any(String) });
    const mgr = await t.login('bk-mgr');
    expect((await get(mgr, '/api/v1/planned-procedures/performers')).statusCode).toBe(403);
    expect(
      (await post(mgr, `/api/v1/episodes/${episodeId}/planned-procedures/check`, booking()))
        .statusCode,
    ).toBe(403);
  });

  it('rescheduling needs a reason and a day not in the past; the old day and the reason stay in the history', async () => {
    const plan = await book();
    expect(plan.history).toEqual([
      jasmine.objectContaining({
        action: 'booked',
        detail: 'For 2026-03-17',
        byName: jasmine.any(String),
      }),
    ]);
    const url = `/api/v1/planned-procedures/${plan.id}/reschedule`;
    const noReason = await post(nurse, url, {
      version: plan.version,
      plannedDate: '2026-03-19',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const past = await post(nurse, url, {
      version: plan.version,
      plannedDate: '2026-03-10',
      reason: 'Typo',
    });
    expect(past.json().errors).toEqual([
      { path: 'plannedDate', message: 'A procedure cannot be booked for a day in the past' },
    ]);
    const moved = await post(nurse, url, {
      version: plan.version,
      plannedDate: '2026-03-19',
      reason: 'Patient asked for Thursday',
    });
    expect(moved.statusCode).withContext(moved.body).toBe(200);
    expect(moved.json().plannedDate).toBe('2026-03-19');
    expect(
      moved.json().history.map((h: { action: string; detail: string }) => [h.action, h.detail]),
    ).toEqual([
      ['booked', 'For 2026-03-17'],
      ['rescheduled', '2026-03-17 to 2026-03-19: Patient asked for Thursday'],
    ]);
    const stale = await post(nurse, url, {
      version: plan.version,
      plannedDate: '2026-03-20',
      reason: 'Again',
    });
    expect(stale.statusCode).withContext('an old version').toBe(409);
  });

  it('two reschedules of the same version at once: exactly one wins, the other gets 409, never a 500', async () => {
    const plan = await book();
    const url = `/api/v1/planned-procedures/${plan.id}/reschedule`;
    const [a, b] = await Promise.all([
      post(nurse, url, { version: plan.version, plannedDate: '2026-03-18', reason: 'Nurse A' }),
      post(doc, url, { version: plan.version, plannedDate: '2026-03-19', reason: 'Doctor B' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await get(nurse, `/api/v1/planned-procedures/${plan.id}`)).json();
    expect(after.history.filter((h: { action: string }) => h.action === 'rescheduled').length).toBe(
      1,
    );
  });

  it('a booking with a baseline is not moved; cancelling keeps the reason in the history; a cancelled one is not rescheduled', async () => {
    const today = await book({ plannedDate: '2026-03-16' });
    expect(
      (
        await post(nurse, `/api/v1/planned-procedures/${today.id}/baseline`, {
          score: 6,
          context: 'rest',
        })
      ).statusCode,
    ).toBe(201);
    const withBaseline = (await get(nurse, `/api/v1/planned-procedures/${today.id}`)).json();
    const refused = await post(nurse, `/api/v1/planned-procedures/${today.id}/reschedule`, {
      version: withBaseline.version,
      plannedDate: '2026-03-18',
      reason: 'Ran late',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain('cancel this booking and book again');
    const cancelled = await post(nurse, `/api/v1/planned-procedures/${today.id}/cancel`, {
      version: withBaseline.version,
      reason: 'Ran late, rebooked',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().history.at(-1)).toEqual(
      jasmine.objectContaining({ action: 'cancelled', detail: 'Ran late, rebooked' }),
    );
    const again = await post(nurse, `/api/v1/planned-procedures/${today.id}/reschedule`, {
      version: cancelled.json().version,
      plannedDate: '2026-03-18',
      reason: 'Oops',
    });
    expect(again.statusCode).toBe(409);
    expect(await countBookings())
      .withContext('kept, never deleted')
      .toBe(1);
  });

  it('recording the procedure from the booking adds "performed" to its history', async () => {
    const plan = await book({ plannedDate: '2026-03-17' });
    t.app.clock.pin(new Date(NOW.getTime() + DAY));
    const res = await post(doc, `/api/v1/episodes/${episodeId}/procedures`, {
      kind: 'mbb',
      intent: 'diagnostic',
      performedAt: new Date(NOW.getTime() + DAY).toISOString(),
      levels: ['L4-L5'],
      side: 'left',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      guidance: 'fluoroscopy',
      sedation: 'none',
      overrideReason: 'Spec: checks are not under test here',
      plannedProcedureId: plan.id,
    });
    expect(res.statusCode).withContext(res.body).toBe(201);
    const after = (await get(nurse, `/api/v1/planned-procedures/${plan.id}`)).json();
    expect(after.history.map((h: { action: string }) => h.action)).toEqual(['booked', 'performed']);
    expect(after.history[1].byName).not.toBe('');
  });
});
