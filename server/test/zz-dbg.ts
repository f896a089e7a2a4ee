import { sql } from 'kysely';
import { createTestApp } from './test-app.ts';
const t = await createTestApp({ logLevel: 'error' });
await sql`INSERT INTO patients (mrn, given_name, family_name, birth_date, sex, created_by, updated_by, search_mrn, search_given, search_family)
  SELECT 'M' || g, 'Given' || g, 'Fam' || md5(g::text), '1980-01-01', 'other', NULL, NULL, 'm' || g, 'given' || g, 'fam' || md5(g::text) FROM generate_series(1, 3000) g`.execute(t.db.kysely);
await sql`ANALYZE patients`.execute(t.db.kysely);
const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT * FROM patients p WHERE p.search_family LIKE ${'fam1a%'} OR p.search_given LIKE ${'fam1a%'} OR p.search_mrn LIKE ${'fam1a%'} OR p.search_given || ' ' || p.search_family LIKE ${'fam1a%'} OR p.search_family || ', ' || p.search_given LIKE ${'fam1a%'}`.execute(t.db.kysely);
console.log(r.rows.map((x) => Object.values(x)[0]).join('\n'));
await t.close();
