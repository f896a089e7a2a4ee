/**
 * Issue 11 targets as ratios measured side by side in one run (closed-loop load over real HTTP on
 * loopback): audited patient read vs GET /health on PostgreSQL at 50 connections, patient search at
 * 20,000 vs 2,000 patients, PGlite p99/p50 at 100 connections.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';

export interface Figure {
  name: string;
  value: number;
  reference: number;
  ratio: number;
  target: string;
  ok: boolean;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** One GET on `agent`'s connection; resolves with the status once the whole body has arrived. */
export function get(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    // The encodings fetch and browsers accept, so answers over 1 kB are compressed as in use.
    const req = request(
      url,
      { agent, headers: { 'accept-encoding': 'br, gzip', ...headers } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * `connections` loops each sending requests back to back for `seconds`; returns req/s and latencies.
 * Each loop has its own keep-alive connection (an agent with one socket): with one shared client
 * pool, requests queued in the pool waited there while other loops took the sockets as they freed
 * up, and that client-side queueing showed as the server's tail latency (issue 11, part 3). The
 * connections are opened and used once before the clock starts.
 */
async function load(
  url: (i: number) => string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
) {
  const agents = Array.from(
    { length: connections },
    () => new Agent({ keepAlive: true, maxSockets: 1 }),
  );
  let n = 0;
  try {
    await Promise.all(agents.map((agent) => get(agent, url(n++), headers)));
    const latencies: number[] = [];
    let failures = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      agents.map(async (agent) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const status = await get(agent, url(n++), headers);
          if (status < 200 || status >= 300) failures++;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    if (failures) throw new Error(`${failures} of ${latencies.length} requests failed`);
    return {
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      n: latencies.length,
    };
  } finally {
    for (const agent of agents) agent.destroy();
  }
}

/**
 * Starts bench/server-child.ts and waits for its address, session and patient ids; `practice` seeds
 * a generated practice and also gives the database URL.
 */
export async function nurseApp(kind: 'pglite' | 'postgres', patients: number, practice = false) {
  const child = spawn(
    process.execPath,
    [
      // BENCH_CHILD_FLAGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server under load.
      ...(process.env['BENCH_CHILD_FLAGS']?.split(' ').filter(Boolean) ?? []),
      new URL('./server-child.ts', import.meta.url).pathname,
      kind,
      String(patients),
      ...(practice ? ['practice'] : []),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the bench server stopped');
    return value as string;
  };
  const info = JSON.parse(await nextLine()) as {
    base: string;
    headers: Record<string, string>;
    ids: string[];
    url?: string;
  };
  return {
    ...info,
    /** The server child's process id (bench/process-cpu.ts). */
    pid: child.pid!,
    /** Sends one command line; resolves with the child's one-line answer. */
    ask: async (line: string) => {
      child.stdin!.write(`${line}\n`);
      return nextLine();
    },
    seed: async (n: number) => {
      child.stdin!.write(`seed ${n}\n`);
      while ((await nextLine()) !== 'seeded');
    },
    t: {
      close: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.stdin!.end();
        }),
    },
  };
}

/**
 * Audited patient read req/s over GET /health req/s, PostgreSQL, 50 connections. The two alternate in
 * short slices (health, read, read, health, ...) and each side's requests are summed, so a change in
 * the shared machine's load during the run weighs on both sides alike instead of on one.
 */
export async function auditedReadVsHealth(seconds = 8, slices = 4): Promise<Figure> {
  const { t, headers, ids, base } = await nurseApp('postgres', 2000);
  try {
    const health = () => load(() => `${base}/api/v1/health`, {}, 50, seconds / slices);
    const read = () =>
      load(
        (i) => `${base}/api/v1/patients/${ids[(i * 7919) % ids.length]}`,
        headers,
        50,
        seconds / slices,
      );
    await load(() => `${base}/api/v1/health`, {}, 10, 1); // warm-up
    await load((i) => `${base}/api/v1/patients/${ids[i % ids.length]}`, headers, 10, 1);
    const sides = { health: { n: 0, s: 0 }, read: { n: 0, s: 0, p95: 0 } };
    for (let slice = 0; slice < slices; slice++) {
      for (const side of slice % 2 === 0 ? ['health', 'read'] : ['read', 'health']) {
        const r = side === 'health' ? await health() : await read();
        const sum = side === 'health' ? sides.health : sides.read;
        sum.n += r.n;
        sum.s += r.n / r.rps;
        if (side === 'read') sides.read.p95 = Math.max(sides.read.p95, r.p95);
      }
    }
    const readRps = sides.read.n / sides.read.s;
    const healthRps = sides.health.n / sides.health.s;
    const ratio = readRps / healthRps;
    return {
      name: `audited patient read req/s (PostgreSQL, 50 conn; worst slice p95 ${sides.read.p95.toFixed(0)} ms)`,
      value: readRps,
      reference: healthRps,
      ratio,
      target: '>= 0.35 of GET /health',
      ok: ratio >= 0.35,
    };
  } finally {
    await t.close();
  }
}

/**
 * Median time of one search request at 20,000 patients over the same at 2,000 (10 matches in both).
 * Two servers, one per size, answer alternately (small, large, large, small, ...), so the shared
 * machine's load drift falls on both sizes alike instead of on whichever was measured second.
 */
export async function searchScaling(kind: 'pglite' | 'postgres', requests = 150): Promise<Figure> {
  const small = await nurseApp(kind, 2000);
  const large = await nurseApp(kind, 20_000);
  try {
    const once = async (app: typeof small, i: number) => {
      const q = ['targetson', 'tess targ', 'targetson, t'][i % 3]!;
      const t0 = performance.now();
      const res = await fetch(`${app.base}/api/v1/patients?q=${encodeURIComponent(q)}`, {
        headers: app.headers,
      });
      const body = (await res.json()) as { total: number };
      if (body.total !== 10) throw new Error(`search found ${body.total}, not 10`);
      return performance.now() - t0;
    };
    const measure = async () => {
      const times = { small: [] as number[], large: [] as number[] };
      for (let i = 0; i < requests; i++) {
        for (const size of i % 2 === 0
          ? (['small', 'large'] as const)
          : (['large', 'small'] as const))
          times[size].push(await once(size === 'small' ? small : large, i));
      }
      const median = (list: number[]) =>
        percentile(
          [...list].sort((a, b) => a - b),
          50,
        );
      return { small: median(times.small), large: median(times.large) };
    };
    await measure(); // warm-up: plans, caches, JIT
    const m = await measure();
    const ratio = m.large / m.small;
    return {
      name: `patient search median ms at 20,000 vs 2,000 patients (${kind})`,
      value: m.large,
      reference: m.small,
      ratio,
      target: '<= 1.2',
      ok: ratio <= 1.2,
    };
  } finally {
    await small.t.close();
    await large.t.close();
  }
}

/** PGlite tail latency: p99 over p50 of patient reads and searches at 100 connections. */
export async function pgliteFairness(seconds = 10): Promise<Figure> {
  const { t, headers, ids, base } = await nurseApp('pglite', 2000);
  try {
    await load((i) => `${base}/api/v1/patients/${ids[i % ids.length]}`, headers, 10, 1);
    const url = (i: number) =>
      i % 4 === 0
        ? `${base}/api/v1/patients?q=targetson`
        : `${base}/api/v1/patients/${ids[(i * 7919) % ids.length]}`;
    const r = await load(url, headers, 100, seconds);
    const ratio = r.p99 / r.p50;
    return {
      name: `PGlite p99 ms at 100 connections (p50 reference; ${r.rps.toFixed(0)} req/s)`,
      value: r.p99,
      reference: r.p50,
      ratio,
      target: '<= 3',
      ok: ratio <= 3,
    };
  } finally {
    await t.close();
  }
}
