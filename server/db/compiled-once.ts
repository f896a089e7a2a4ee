import { type Compilable, type CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** Stands in for one named value while a query is built the first time. */
class Slot {
  readonly key: string;
  constructor(key: string) {
    this.key = key;
  }
}

/** An object whose every property is the Slot of that name. */
function slots<P>(): P {
  const made = new Map<string, Slot>();
  return new Proxy({} as Record<string, Slot>, {
    get: (_target, key) => {
      const name = String(key);
      let slot = made.get(name);
      if (!slot) made.set(name, (slot = new Slot(name)));
      return slot;
    },
  }) as P;
}

/**
 * A query whose shape never changes, only its values (`params`): built and compiled to SQL once,
 * then run with each call's values bound in place (issue 11: building and compiling the patient
 * page's thirty statements was a seventh of the server's CPU per page, work the same every time).
 *
 * `build` must use each value of `params` as a whole value, bound as a parameter: not in a
 * condition (`if (params.x)`), not inside an array or object sent as one parameter (refused), not
 * changed (`.trim()`); a list of any length goes as one array (`anyOf`), since `in` sends one
 * parameter per item and so fixes the length. Everything else in it is fixed at the first call,
 * so nothing it reads may vary (no `new Date()`). Rows come back as `execute()` gives them.
 */
export function compiledOnce<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
): (db: Kysely<Database>, params: P) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  let keys: (string | null)[] = [];
  return async (db, params) => {
    if (!compiled) {
      compiled = build(db, slots<P>()).compile();
      keys = compiled.parameters.map((v) => (v instanceof Slot ? v.key : null));
      const unbound = compiled.parameters.find((v) => isSlotLike(v));
      if (unbound)
        throw new Error('compiledOnce: a value was used inside an array or object parameter');
    }
    const fixed = compiled.parameters;
    const parameters = keys.map((key, i) => (key === null ? fixed[i] : params[key]));
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}

/** A Slot inside an array or object parameter: it would be sent as is, not as its value. */
function isSlotLike(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => v instanceof Slot || isSlotLike(v));
  return (
    !!value &&
    typeof value === 'object' &&
    !(value instanceof Slot) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).some((v) => v instanceof Slot || isSlotLike(v))
  );
}

/**
 * `column = any(list)`: a condition on a list of any length as one parameter (an array), so the
 * query's SQL is the same for every length, as `compiledOnce` needs (`in` sends one each).
 */
export const anyOf = (column: string, list: readonly unknown[]) =>
  sql<boolean>`${sql.ref(column)} = any(${list})`;
