import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/** SQL text of each prepared statement -> its name on every PostgreSQL connection. */
const NAMES = new Map<string, string>();

/**
 * A statement the hottest requests run with only its values changing (issue 11: planning the
 * audited patient read cost PostgreSQL more than running it). Its text is fixed and its values are
 * parameters ($1, $2, ...), as everywhere. On PostgreSQL each pooled connection parses and plans it
 * once, as a named prepared statement, and then only binds values; PGlite runs it as any query.
 * Select named columns, never `*`: a prepared plan fails once the shape of its result changes.
 */
export function preparedStatement<R>(
  text: string,
): (db: Kysely<Database>, values: readonly unknown[]) => Promise<R[]> {
  NAMES.set(text, `ft_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`);
  return async (db, values) =>
    (await db.executeQuery<R>(CompiledQuery.raw(text, [...values]))).rows;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Makes a pooled client run the texts registered above as named prepared statements (node-postgres
 * parses a named statement once per connection), and send every query issued in one tick in one
 * socket write: the pool's clients pipeline (database.ts), so the reads `concurrently` starts
 * together (db/concurrent.ts) go out as one write instead of one each. Every other query goes
 * through unchanged, a tick later at most.
 */
export function usePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as Query;
  const socket = (client as unknown as { connection: { stream: NodeJS.WritableStream & Corkable } })
    .connection.stream;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    const [text, values] = args;
    const name = args.length === 2 && typeof text === 'string' ? NAMES.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
}

interface Corkable {
  cork(): void;
  uncork(): void;
}
