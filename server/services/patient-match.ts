import { type ExpressionBuilder, sql } from 'kysely';
import { searchKey } from '../../domain/index.ts';
import { likeAnywhere, likePrefix } from '../db/like-pattern.ts';
import type { Database } from '../db/schema.ts';

/**
 * The one patient search rule, for the patient list and the audit log's patient filter: prefix match
 * on family name, given name, MRN, "given family" or "family, given" (accents and case folded by
 * domain searchKey); digits alone ("1002") also match anywhere in the MRN, as nurses read the number
 * off a label without its prefix. That one branch scans the MRN column (no trigram index); names keep
 * their indexes (migration 0011). Expects the patients table aliased `p`.
 */
export function patientMatches(
  eb: ExpressionBuilder<Database & { p: Database['patients'] }, 'p'>,
  text: string,
) {
  const key = searchKey(text);
  const pattern = likePrefix(key);
  const mrnDigits = /^\d{3,}$/.test(key) ? [likeAnywhere(key)] : [];
  return eb.or([
    ...mrnDigits.map((digits) => eb('p.search_mrn', 'like', digits)),
    eb('p.search_family', 'like', pattern),
    eb('p.search_given', 'like', pattern),
    eb('p.search_mrn', 'like', pattern),
    eb(sql<string>`p.search_given || ' ' || p.search_family`, 'like', pattern),
    eb(sql<string>`p.search_family || ', ' || p.search_given`, 'like', pattern),
  ]);
}
