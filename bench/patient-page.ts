/**
 * Issue 11: p95 of the patient page's calls at 100 connections over the same statements run as raw
 * SQL in the same run, the raw replay including its audit inserts (PostgreSQL).
 *
 * The server child (server-child.ts, `practice` mode) seeds a generated practice and, asked to
 * "record", makes one patient page's calls one at a time for each of a set of patients (in-process,
 * via inject) while every statement its pg clients send is recorded: BEGIN/COMMIT where a call has
 * them, the session lookup (when not kept from an earlier call), the reads and the audit INSERTs,
 * with their values, and the name of those sent as prepared statements. The page's calls and
 * grouping are the client's (patient-record-store.ts): one call, the patient page with its newest
 * episode's.
 *
 * Both sides then run the same page views over the same patients with 100 page loops sharing 100
 * connections: over HTTP, 100 keep-alive connections (one socket each); raw, 100 call slots, each
 * call replaying its recorded statements in order on one client checked out of a pool as large as
 * the server's (DEFAULT_POOL_SIZE, 5), each statement sent once the one before has answered, as a script would: the
 * server pipelines the reads it starts together (db/concurrent.ts, ADR 0011), on the few connections all its page
 * calls share (db/shared-reads.ts), the replay does not. A call's time runs from when it has a connection (HTTP) or a slot (raw) until its
 * answer is in, so waiting for a free connection in the load generator is not counted on either
 * side, while waiting for a pooled database connection is (the server waits for one too). The sides
 * alternate in slices (http, raw, raw, http, ...) as in auditedReadVsHealth.
 */
import { Agent } from 'node:http';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_POOL_SIZE } from '../server/db/database.ts';
import type { Database } from '../server/db/schema.ts';
import { TYPE_PARSERS } from '../server/db/type-parsers.ts';
import type { App } from '../server/types.ts';
import { type Figure, get, nurseApp, percentile } from './load.ts';
import { type ProcessCpu, processCpu } from './process-cpu.ts';

/** One statement a call sent: its text and values, and its name when sent as a prepared statement. */
interface Statement {
  text: string;
  values: unknown[];
  name?: string;
}
interface Call {
  path: string;
  /** What kind of call, for the per-call counts ('GET /episodes/:id/record'). */
  kind: string;
  statements: Statement[];
  bytes: number;
}
/** One page view: its groups of calls, each group made in parallel, one group after the other. */
type Page = Call[][];

const CONNECTIONS = 100;
/** Where the server child's pg clients push the statements they send, while a call is recorded. */
let recording: Statement[] | null = null;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Server child only, before any pool connection exists: while `recording` is set, every pg client
 * query is also pushed onto it. (server/db/prepared.ts binds the client's query per connection, so
 * the prototype must be wrapped before the first connection.)
 */
export function installStatementRecorder(): void {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const query = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const into = recording;
    if (into) {
      const [first, second] = args;
      if (typeof first === 'string')
        into.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === 'object') {
        const q = first as { text: string; values?: unknown[]; name?: string };
        into.push({ text: q.text, values: q.values ?? [], ...(q.name ? { name: q.name } : {}) });
      }
    }
    return query.apply(this, args);
  };
}

/**
 * The patient page's calls for one patient, as the client makes them on opening
 * (patient-record-store.ts): one, the patient page with its newest episode's (issue 11). The
 * bookings' performers are fetched only when a booking is made.
 */
function pagePaths(patientId: string): [string, string][][] {
  return [[[`/api/v1/patients/${patientId}/page`, 'GET /patients/:id/page']]];
}

/**
 * Server child: records the statements of `count` patient pages, one call at a time, for patients
 * whose newest episode has procedures with pain scores; returns them as one JSON line (dates and
 * bytes marked so the bench can send the very same values). The audit sealer, the one thing that
 * queries besides requests, pauses meanwhile: every statement sent during a call is the call's.
 * (An AsyncLocalStorage context does not survive inject's body parsing, request-order.ts.)
 */
export async function recordPages(
  app: App,
  db: Kysely<Database>,
  headers: Record<string, string>,
  count: number,
): Promise<string> {
  const chosen = await sql<{ id: string }>`
    SELECT p.id::text AS id FROM patients p
    CROSS JOIN LATERAL (SELECT id FROM episodes WHERE patient_id = p.id ORDER BY id DESC LIMIT 1) e
    WHERE EXISTS (SELECT 1 FROM procedures pr JOIN pain_scores s ON s.procedure_id = pr.id
      WHERE pr.episode_id = e.id)
    ORDER BY md5(p.id::text) LIMIT ${count}`.execute(db);
  const call = async (path: string, kind: string) => {
    const statements: Statement[] = [];
    recording = statements;
    const res = await app.inject({ method: 'GET', url: path, headers }).finally(() => {
      recording = null;
    });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return { call: { path, kind, statements, bytes: res.rawPayload.length }, body: res.body };
  };
  const pages: Page[] = [];
  await app.auditSealer.stop();
  for (const { id } of chosen.rows) {
    const page: Page = [];
    for (const group of pagePaths(id)) {
      const calls: Call[] = [];
      for (const [path, kind] of group) calls.push((await call(path, kind)).call);
      page.push(calls);
    }
    pages.push(page);
  }
  app.auditSealer.start(app.config.auditSealMs);
  return JSON.stringify(pages, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    if (original instanceof Date) return { $date: original.toISOString() };
    if (Buffer.isBuffer(original)) return { $bytes: original.toString('base64') };
    return value;
  });
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { $date?: string; $bytes?: string };
    if (typeof v.$date === 'string' && Object.keys(v).length === 1) return new Date(v.$date);
    if (typeof v.$bytes === 'string' && Object.keys(v).length === 1)
      return Buffer.from(v.$bytes, 'base64');
  }
  return value;
}

/** A FIFO of free resources (connections, slots): take() waits in order of arrival. */
function freeList<T>(items: T[]) {
  const free = [...items];
  const waiting: ((item: T) => void)[] = [];
  return {
    take: (): Promise<T> =>
      free.length ? Promise.resolve(free.pop()!) : new Promise((r) => waiting.push(r)),
    give: (item: T): void => {
      const next = waiting.shift();
      if (next) next(item);
      else free.push(item);
    },
  };
}

/**
 * CONNECTIONS page loops open pages back to back for `seconds` (loop j's r-th page is
 * pages[(j + r * 37) % n]), each group's calls in parallel; `call` returns one call's time in ms.
 */
async function drive(pages: Page[], seconds: number, call: (c: Call) => Promise<number>) {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, j) => {
      for (let r = 0; performance.now() < until; r++) {
        for (const group of pages[(j + r * 37) % pages.length]!)
          latencies.push(...(await Promise.all(group.map(call))));
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export async function patientPageVsRawSql(
  seconds = 24,
  slices = 4,
  patients = 2000,
  recorded = 60,
): Promise<Figure> {
  const app = await nurseApp('postgres', patients, true);
  const agents = Array.from(
    { length: CONNECTIONS },
    () => new Agent({ keepAlive: true, maxSockets: 1 }),
  );
  const pool = new pg.Pool({
    connectionString: app.url!,
    max: DEFAULT_POOL_SIZE,
    // Column types read as the server reads them (server/db/type-parsers.ts).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  try {
    const answer = await app.ask(`record ${recorded}`);
    const pages = JSON.parse(answer, revive) as Page[];
    const connections = freeList(agents);
    const http = async (c: Call) => {
      const agent = await connections.take();
      try {
        const t0 = performance.now();
        const status = await get(agent, app.base + c.path, app.headers);
        if (status !== 200) throw new Error(`${c.path}: ${status}`);
        return performance.now() - t0;
      } finally {
        connections.give(agent);
      }
    };
    const slots = freeList(Array.from({ length: CONNECTIONS }, (_, i) => i));
    const raw = async (c: Call) => {
      const slot = await slots.take();
      try {
        const t0 = performance.now();
        const client = await pool.connect();
        try {
          for (const s of c.statements)
            await client.query(
              s.name
                ? { name: s.name, text: s.text, values: s.values }
                : { text: s.text, values: s.values },
            );
        } finally {
          client.release();
        }
        return performance.now() - t0;
      } finally {
        slots.give(slot);
      }
    };
    // Warm-up: connections, plans, prepared statements on both pools, JIT.
    await drive(pages, 2, http);
    await drive(pages, 2, raw);
    const spent = (): ProcessCpu => ({ server: 0, postgres: 0, bench: 0 });
    const sides = {
      http: { latencies: [] as number[], seconds: 0, cpu: spent() },
      raw: { latencies: [] as number[], seconds: 0, cpu: spent() },
    };
    for (let slice = 0; slice < slices; slice++) {
      for (const side of slice % 2 === 0
        ? (['http', 'raw'] as const)
        : (['raw', 'http'] as const)) {
        const before = processCpu(app.pid);
        const r = await drive(pages, seconds / slices / 2, side === 'http' ? http : raw);
        const after = processCpu(app.pid);
        sides[side].latencies.push(...r.latencies);
        sides[side].seconds += r.seconds;
        if (before && after)
          for (const k of ['server', 'postgres', 'bench'] as const)
            sides[side].cpu[k] += after[k] - before[k];
      }
    }
    const summary = (side: { latencies: number[]; seconds: number }) => {
      const sorted = [...side.latencies].sort((a, b) => a - b);
      return {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        rps: sorted.length / side.seconds,
      };
    };
    const h = summary(sides.http);
    const q = summary(sides.raw);
    // Statements and answer size per call, averaged over the recorded pages.
    const perKind = new Map<string, { statements: number; bytes: number; n: number }>();
    for (const c of pages.flat(2)) {
      const k = perKind.get(c.kind) ?? { statements: 0, bytes: 0, n: 0 };
      k.statements += c.statements.length;
      k.bytes += c.bytes;
      k.n++;
      perKind.set(c.kind, k);
    }
    console.log(
      `patient page (PostgreSQL, ${patients} practice patients, ${pages.length} pages recorded): statements per call ${[
        ...perKind,
      ]
        .map(
          ([kind, k]) =>
            `${kind} ${(k.statements / k.n).toFixed(1)} (${(k.bytes / k.n / 1024).toFixed(1)} kB)`,
        )
        .join(
          ', ',
        )}; HTTP ${h.rps.toFixed(0)} calls/s p50 ${h.p50.toFixed(1)} ms, raw SQL ${q.rps.toFixed(0)} calls/s p50 ${q.p50.toFixed(1)} ms`,
    );
    // Where the machine's CPU went, per call: the server's one event loop, PostgreSQL, the bench
    // (the load generator; on the raw side also the replay's client). ADR 0011.
    for (const side of ['http', 'raw'] as const) {
      const { cpu, latencies, seconds } = sides[side];
      const per = (ms: number) => (ms / latencies.length).toFixed(2);
      const total = cpu.server + cpu.postgres + cpu.bench;
      if (total)
        console.log(
          `  ${side}: CPU ms per call: server ${per(cpu.server)}, PostgreSQL ${per(cpu.postgres)}, bench ${per(cpu.bench)}, total ${per(total)}; cores busy ${(total / 1000 / seconds).toFixed(2)}`,
        );
    }
    const ratio = h.p95 / q.p95;
    return {
      name: `patient page calls p95 ms (PostgreSQL, ${CONNECTIONS} conn; HTTP ${h.rps.toFixed(0)} vs raw ${q.rps.toFixed(0)} calls/s)`,
      value: h.p95,
      reference: q.p95,
      ratio,
      target: '<= 1.3x raw SQL',
      ok: ratio <= 1.3,
    };
  } finally {
    for (const agent of agents) agent.destroy();
    await pool.end();
    await app.t.close();
  }
}
