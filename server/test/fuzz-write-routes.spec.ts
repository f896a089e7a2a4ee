import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestApp, type Signed, type TestApp, uniqueName } from './test-app.ts';

/**
 * Issue 10, defect 5: property-based fuzzing of every write route. Each run takes a valid body for a
 * route and replaces up to three of its fields (or the whole body) with hostile values: U+0000, lone
 * surrogates, year 0000, wrong types, huge numbers. Properties: never a 5xx, and on a 4xx nothing
 * is stored (the fingerprint of every clinical and admin table is unchanged). Bounded runs: CI budget.
 */
const NUM_RUNS = Number(process.env['FT_FUZZ_RUNS'] ?? 250);

const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFF',
    '\uDBFF\uD800',
    '0000-01-01',
    '0000-12-31',
    '0000-01-01T10:00:00Z',
    '2026-02-30',
    '',
    ' ',
    "'; DROP TABLE patients; --",
    '%00',
    '\\u0000',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 6 })
    .map((codes) => String.fromCharCode(...codes)),
  fc.string({ maxLength: 4 }).map((s) => 'Smith' + s + '\u0000'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.constantFrom(Infinity, -0, 2 ** 63, -1, 0),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
);

type Template = {
  method: 'POST' | 'PATCH' | 'PUT';
  url: string;
  body: Record<string, unknown>;
  as: 'doc' | 'admin' | 'none';
};

/** Every leaf path of a JSON value ("a.b.0"). */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k])) : [prefix];
  }
  return [prefix];
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (path.length) node[path[path.length - 1]!] = value;
}

describe('fuzz: every write route, hostile bodies (fast-check)', () => {
  let t: TestApp;
  let doc: Signed;
  let admin: Signed;
  let templates: Template[];

  beforeAll(async () => {
    t = await createTestApp();
    await t.createUser('fuzz-doc', 'physician');
    await t.createUser('fuzz-admin', 'admin');
    const targetId = await t.createUser('fuzz-target', 'nurse');
    doc = await t.login('fuzz-doc');
    admin = await t.login('fuzz-admin');
    const post = async (as: Signed, url: string, payload: unknown) => {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: as.write,
      });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const patient = await post(doc, '/api/v1/patients', {
      mrn: uniqueName('FZ-'),
      givenName: 'Fay',
      familyName: 'Fuzz',
      birthDate: '1970-01-01',
      sex: 'female',
    });
    const episode = await post(doc, `/api/v1/patients/${patient.id}/episodes`, {
      region: 'lumbar',
      side: 'bilateral',
      onsetDate: '2026-01-01',
      indexPain: 'Low back',
    });
    await post(doc, `/api/v1/episodes/${episode.id}/stage`, {
      version: 1,
      to: 'conservative-care',
    });
    const procedureBody = {
      kind: 'mbb',
      intent: 'diagnostic',
      performedAt: new Date(Date.now() - 7 * 3600_000).toISOString(),
      levels: ['L4-L5'],
      side: 'bilateral',
      anesthetic: { agent: 'lidocaine', concentrationPercent: 2, volumeMl: 0.5 },
      steroid: { name: 'dex', doseMg: 4 },
      guidance: 'fluoroscopy',
      sedation: 'none',
      complications: [],
      notes: 'Fine',
      overrideReason: 'Needed',
    };
    const procedure = await post(doc, `/api/v1/episodes/${episode.id}/procedures`, procedureBody);
    const painBody = {
      minutesAfter: 30,
      score: 2,
      context: 'activity',
      side: null,
      reportedReliefPercent: 50,
    };
    const pain = await post(doc, `/api/v1/procedures/${procedure.id}/pain-scores`, painBody);
    const therapyBody = {
      kind: 'physical-therapy',
      startDate: '2026-02-01',
      endDate: '2026-02-28',
      response: 'partial',
      notes: 'Twice weekly',
    };
    const therapy = await post(doc, `/api/v1/episodes/${episode.id}/therapies`, therapyBody);
    const sections = {
      'pain-intensity': 3,
      'personal-care': 1,
      lifting: 3,
      walking: 2,
      sitting: 2,
      standing: 3,
      sleeping: 1,
      'sex-life': null,
      'social-life': 2,
      travelling: 2,
    };
    const functionBody = { instrument: 'odi', takenOn: '2026-02-01', sections };
    const score = await post(doc, `/api/v1/episodes/${episode.id}/function-scores`, functionBody);
    const runningBody = { takenOn: '2026-02-01', status: 'partial', weeklyDistanceKm: 10 };
    const running = await post(doc, `/api/v1/episodes/${episode.id}/running-checks`, runningBody);
    const lcd = (
      await t.app.inject({ method: 'GET', url: '/api/v1/rule-sets', headers: admin.read })
    )
      .json()
      .find((r: { key: string }) => r.key === 'medicare-lcd');
    const copy = await post(admin, '/api/v1/rule-sets', { fromId: lcd.id, name: 'Fuzz copy' });
    const eie = { version: 1, reason: 'Wrong patient' };
    const p = (
      url: string,
      body: Record<string, unknown>,
      as: Template['as'] = 'doc',
    ): Template => ({ method: 'POST', url, body, as });
    templates = [
      p('/api/v1/auth/login', { username: 'fuzz-doc', password: 'not the password' }, 'none'),
      p('/api/v1/patients', {
        mrn: 'FZ-NEW',
        givenName: 'Gil',
        familyName: 'Given',
        birthDate: '1980-02-02',
        sex: 'male',
        phone: '+1 555 0100',
        email: 'gil@example.org',
        runner: true,
        weeklyDistanceKm: 20,
      }),
      {
        method: 'PATCH',
        url: `/api/v1/patients/${patient.id}`,
        body: { version: 1, givenName: 'Faye', phone: '+1 555 0101', email: 'faye@example.org' },
        as: 'doc',
      },
      p('/api/v1/patients/search', {
        q: 'fuz',
        stage: 'intake',
        sort: 'name',
        dir: 'asc',
        page: 1,
        pageSize: 10,
      }),
      p(`/api/v1/patients/${patient.id}/episodes`, {
        region: 'cervical',
        side: 'left',
        onsetDate: '2026-01-05',
        indexPain: 'Neck',
        signs: ['axial-pain'],
        causes: ['overuse'],
        baselineNrsRest: 3,
        baselineNrsActivity: 6,
      }),
      p(`/api/v1/episodes/${episode.id}/stage`, {
        version: 2,
        to: 'diagnostic-blocks',
        reason: 'Ready',
      }),
      p(`/api/v1/episodes/${episode.id}/therapies`, therapyBody),
      p(`/api/v1/episodes/${episode.id}/function-scores`, functionBody),
      p(`/api/v1/episodes/${episode.id}/running-checks`, runningBody),
      p(`/api/v1/episodes/${episode.id}/procedures`, procedureBody),
      p(`/api/v1/episodes/${episode.id}/procedures/check`, procedureBody),
      p(`/api/v1/procedures/${procedure.id}/pain-scores`, painBody),
      p(`/api/v1/procedures/${procedure.id}/interpretation`, { text: 'Positive block' }),
      p(`/api/v1/therapies/${therapy.id}/entered-in-error`, eie),
      p(`/api/v1/function-scores/${score.id}/entered-in-error`, eie),
      p(`/api/v1/running-checks/${running.id}/entered-in-error`, eie),
      p(`/api/v1/procedures/${procedure.id}/entered-in-error`, eie),
      p(`/api/v1/pain-scores/${pain.id}/entered-in-error`, eie),
      p('/api/v1/rule-sets', { fromId: lcd.id, name: 'Copy' }, 'admin'),
      p(`/api/v1/rule-sets/${copy.id}/versions`, { settings: copy.settings }, 'admin'),
      {
        method: 'PUT',
        url: '/api/v1/practice-settings/default-rule-set',
        body: { ruleSetId: lcd.id },
        as: 'admin',
      },
      p(
        '/api/v1/users',
        { username: 'fuzz-new', name: 'New User', role: 'nurse', password: 'long enough password' },
        'admin',
      ),
      {
        method: 'PATCH',
        url: `/api/v1/users/${targetId}`,
        body: { version: 1, name: 'Target', role: 'nurse', active: true },
        as: 'admin',
      },
      p(
        `/api/v1/users/${targetId}/password`,
        { version: 1, password: 'another long password' },
        'admin',
      ),
    ];
  }, 60_000);
  afterAll(async () => t.close());

  /** Row counts and version sums of everything a write may change; sign-in bookkeeping excluded. */
  const fingerprint = async () => {
    const { rows } = await sql<{ f: string }>`SELECT concat_ws(',',
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM patients), (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM episodes),
      (SELECT count(*) FROM stage_changes), (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM therapies),
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM function_scores), (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM running_checks),
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM procedures), (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM pain_scores),
      (SELECT count(*) FROM interpretations), (SELECT count(*) FROM rule_sets), (SELECT string_agg(value::text, ';') FROM practice_settings),
      (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM users),
      (SELECT count(*) FROM audit_events WHERE action NOT LIKE 'auth.%' AND action <> 'access.denied')) AS f`.execute(
      t.db.kysely,
    );
    return rows[0]!.f;
  };

  it('never answers 5xx, and stores nothing on a 4xx', async () => {
    const statuses: Record<number, number> = {};
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1000 }),
        fc.array(fc.tuple(fc.nat({ max: 1000 }), hostileValue), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (which, mutations, wholeBody) => {
          const template = templates[which % templates.length]!;
          seen.add(which % templates.length);
          let body: unknown = structuredClone(template.body);
          const paths = leafPaths(body);
          if (wholeBody && mutations[0]![0] % 10 === 0) body = mutations[0]![1];
          else
            for (const [at, value] of mutations)
              setPath(body as Record<string, unknown>, paths[at % paths.length]!, value);
          const before = await fingerprint();
          const headers = template.as === 'none' ? {} : (template.as === 'doc' ? doc : admin).write;
          const res = await t.app.inject({
            method: template.method,
            url: template.url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
          const label = `${template.method} ${template.url} ${JSON.stringify(body)} -> ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) throw new Error(`5xx: ${label}`);
          if (res.statusCode >= 400 && (await fingerprint()) !== before)
            throw new Error(`stored on a 4xx: ${label}`);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(seen.size).withContext('every write route was tried').toBe(templates.length);
    expect(statuses[400] ?? 0)
      .withContext(JSON.stringify(statuses))
      .toBeGreaterThan(NUM_RUNS / 4);
  }, 300_000);
});
