/**
 * The app under load, in its own process so the load generator does not share its event loop (a
 * shared loop measures the client's queueing, not the server's). `node bench/server-child.ts KIND N`
 * seeds N patients, prints one JSON line {base, headers, ids}, then on each stdin line "seed N"
 * adds N more patients and prints "seeded"; exits when stdin closes. `KIND N practice` seeds a
 * generated practice instead (episodes with procedures and pain scores; also prints the database
 * URL), and "record K" answers with one JSON line: the SQL each patient page call ran, for K patients
 * (bench/patient-page.ts).
 */
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { seedPractice } from '../server/demo/bulk-insert.ts';
import { createTestApp } from '../server/test/test-app.ts';
import { installStatementRecorder, recordPages } from './patient-page.ts';
import { seedPatients } from './seed-patients.ts';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const practice = process.argv[4] === 'practice';
if (practice) installStatementRecorder(); // before the pool opens its first connection
const t = await createTestApp({}, kind);
const userId = await t.createUser('bench-load', 'nurse');
const nurse = await t.login('bench-load');
let next = 1;
const seed = async (n: number) => {
  await seedPatients(t.db.kysely, userId, n, { firstMrn: next, markers: next === 1 ? 10 : 0 });
  next += n;
};
const size = Number(process.argv[3] ?? 2000);
if (practice)
  await seedPractice(t.db.kysely, {
    patients: size,
    seed: 1,
    until: new Date().toISOString().slice(0, 10),
    spanDays: 730,
  });
else await seed(size);
const ids = (await t.db.kysely.selectFrom('patients').select('id').execute()).map((r) =>
  String(r.id),
);
await t.app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
console.log(
  JSON.stringify({
    base,
    headers: nurse.read,
    ids,
    ...(practice ? { url: t.config.databaseUrl } : {}),
  }),
);
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const [command, n] = line.split(' ');
  if (command === 'seed') {
    await seed(Number(n));
    console.log('seeded');
  } else if (command === 'record') {
    console.log(await recordPages(t.app, t.db.kysely, nurse.read, Number(n)));
  }
}
await t.close();
process.exit(0);
