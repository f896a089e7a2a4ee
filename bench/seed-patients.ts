/**
 * Fast bulk generator of invented test patients for the bench (one INSERT ... SELECT over
 * generate_series, thousands of rows per second on either engine). Names are built from syllables so
 * they spread like real ones; `markers` extra patients share the family name "Targetson", so a search
 * for them matches the same number of rows at any practice size.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../server/db/schema.ts';

const SYLLABLES = [
  'ab',
  'bel',
  'cor',
  'dan',
  'el',
  'fer',
  'gar',
  'hol',
  'is',
  'jan',
  'kel',
  'lor',
  'mar',
  'nor',
  'ol',
  'per',
  'quin',
  'ros',
  'sal',
  'tor',
  'ul',
  'ven',
  'wil',
  'xan',
  'yor',
  'zel',
  'ba',
  'ce',
  'di',
  'fo',
  'gu',
  'ha',
];
const GIVEN = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jo',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Otto',
  'Pia',
];

/** Inserts `count` patients (MRNs from `firstMrn`), each with one lumbar episode, recorded by `userId`. */
export async function seedPatients(
  db: Kysely<Database>,
  userId: string,
  count: number,
  options: { firstMrn?: number; markers?: number } = {},
): Promise<void> {
  if (!/^\d+$/.test(userId)) throw new Error('userId must be an id');
  const first = options.firstMrn ?? 1;
  const syl = `ARRAY[${SYLLABLES.map((s) => `'${s}'`).join(',')}]`;
  const given = `ARRAY[${GIVEN.map((s) => `'${s}'`).join(',')}]`;
  const n = SYLLABLES.length;
  await sql
    .raw(
      `
    WITH g AS (
      SELECT i, initcap((${syl})[1 + i % ${n}] || (${syl})[1 + (i / ${n}) % ${n}] || (${syl})[1 + (i / ${n * n}) % ${n}]) AS family,
        (${given})[1 + (i * 7) % ${GIVEN.length}] AS given
      FROM generate_series(${first}, ${first + count - 1}) AS i
    ), p AS (
      INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, created_by, updated_by, search_mrn, search_given, search_family)
      SELECT 'B' || lpad(i::text, 8, '0'), given, family, date '1940-01-01' + (i * 37) % 25000,
        (ARRAY['female','male','other'])[1 + i % 3], ${userId}, ${userId}, 'b' || lpad(i::text, 8, '0'), lower(given), lower(family)
      FROM g RETURNING id
    )
    INSERT INTO episodes (patient_id, region, side, onset_date, index_pain, created_by)
    SELECT id, 'lumbar', 'bilateral', date '2025-01-01', 'axial low back pain', ${userId} FROM p`,
    )
    .execute(db);
  const markers = options.markers ?? 0;
  if (markers) {
    await sql
      .raw(
        `
      INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, created_by, updated_by, search_mrn, search_given, search_family)
      SELECT 'T' || lpad(i::text, 8, '0'), 'Tess', 'Targetson', date '1970-01-01', 'female', ${userId}, ${userId},
        't' || lpad(i::text, 8, '0'), 'tess', 'targetson'
      FROM generate_series(${first}, ${first + markers - 1}) AS i`,
      )
      .execute(db);
  }
  await sql`ANALYZE patients`.execute(db);
  await sql`ANALYZE episodes`.execute(db);
}
