import pg from 'pg';

/** What Kysely's PostgresDialect uses of a pool, and of the client it lends. */
export interface LentClient {
  query: (...args: unknown[]) => unknown;
  release: () => void;
}

/**
 * What may run on a shared connection: one SELECT, WITH, INSERT, SHOW, VALUES or TABLE statement,
 * after any leading comments, with no second statement after a semicolon. Everything else (BEGIN,
 * SET, LOCK, LISTEN, DEALLOCATE, CREATE TEMP ...) could leave state behind for the requests sharing
 * the connection. (A function with session effects, such as set_config(..., false) or
 * pg_advisory_lock, is not caught: the handle is for the reads named in database.ts.)
 */
const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const ALLOWED = /^(?:select|with|insert|show|values|table)\b/i;
export function sharedStatementAllowed(text: string): boolean {
  const statement = text.replace(LEADING_COMMENTS, '').replace(/[\s;]+$/, '');
  return ALLOWED.test(statement) && !statement.includes(';');
}

/**
 * Errors after which a connection's own state is wrong and it is replaced: a named statement
 * node-postgres believes prepared is gone (26000), or a prepared plan's result changed shape
 * after a migration (0A000, "cached plan must not change result type").
 */
const RETIRE_ON = new Set(['26000', '0A000']);

/**
 * A stand-in for a pg.Pool that lends its few pipelined connections to any number of requests at
 * once, for statements that each stand alone: autocommit reads, and the one INSERT that audits them
 * (issue 11, ADR 0011). A request given one of these never holds a connection to itself, so it never
 * waits for a free one: its statements join whatever is already on the wire, and PostgreSQL answers
 * them in turn. A transaction, SET or LOCK on such a connection would reach the other requests
 * sharing it, so those statements are refused; they go through the ordinary pool.
 *
 * A connection that fails (PostgreSQL restarted, pg_terminate_backend) fails the statements sent on
 * it and is replaced on next use.
 */
export class SharingPool {
  private readonly clients: (Promise<pg.Client> | null)[];
  private readonly lent: number[];
  private turn = 0;
  private ended = false;
  /** Read by Kysely's driver (poolOptions), as of a pg.Pool. */
  readonly options = {};
  private readonly config: pg.ClientConfig;
  private readonly onConnect: (client: pg.Client) => void;
  constructor(config: pg.ClientConfig, size: number, onConnect: (client: pg.Client) => void) {
    this.config = config;
    this.onConnect = onConnect;
    this.clients = Array.from({ length: size }, () => null);
    this.lent = Array.from({ length: size }, () => 0);
  }

  /** The connection lent to the fewest requests (in turn among equals). */
  async connect(): Promise<LentClient> {
    if (this.ended) throw new Error('the shared read connections are closed');
    let at = this.turn++ % this.clients.length;
    for (let i = 0; i < this.clients.length; i++) if (this.lent[i]! < this.lent[at]!) at = i;
    this.lent[at]!++;
    const slot = (this.clients[at] ??= this.open(at));
    let client: pg.Client;
    try {
      client = await slot;
    } catch (error) {
      this.lent[at]!--;
      throw error;
    }
    let released = false;
    // Kysely cancels a statement on abort by its backend's pid, which it would read here
    // (processID, else pg_backend_pid()): on a shared connection that cancels whatever statement
    // is running there, another request's perhaps. Pass no abort signal on this handle.
    return {
      query: (...args: unknown[]) => {
        const [first] = args;
        const text = typeof first === 'string' ? first : (first as { text?: string }).text;
        if (typeof text !== 'string' || !sharedStatementAllowed(text))
          return Promise.reject(
            new Error(
              `a shared read connection runs one read or INSERT, never session state: ${String(text).slice(0, 40)}`,
            ),
          );
        const answer = (client.query as (...a: unknown[]) => unknown)(...args);
        if (answer instanceof Promise)
          answer.catch((error: unknown) => {
            if (RETIRE_ON.has((error as { code?: string }).code ?? ''))
              this.retire(at, slot, client);
          });
        return answer;
      },
      release: () => {
        if (released) return;
        released = true;
        this.lent[at]!--;
      },
    };
  }

  /** Forgets the connection (the next request opens a fresh one) and closes it once its statements have answered. */
  private retire(at: number, slot: Promise<pg.Client>, client: pg.Client): void {
    if (this.clients[at] === slot) this.clients[at] = null;
    void client.end().catch(() => undefined);
  }

  private open(at: number): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    const drop = () => {
      if (this.clients[at] === opened) this.clients[at] = null;
    };
    // An error on an idle shared connection would otherwise crash the process. The client is
    // closed too: an error that leaves its socket open would keep a backend no one uses.
    client.on('error', (error) => {
      console.error(`PostgreSQL closed a shared read connection: ${error.message}`);
      drop();
      void client.end().catch(() => undefined);
    });
    client.on('end', drop);
    const opened = client
      .connect()
      .then(() => {
        this.onConnect(client);
        return client;
      })
      .catch(async (error: unknown) => {
        drop();
        await client.end().catch(() => undefined);
        throw error;
      });
    return opened;
  }

  async end(): Promise<void> {
    this.ended = true;
    const open = this.clients.splice(0);
    await Promise.all(
      open.map(async (c) => {
        const client = await c?.catch(() => null);
        await client?.end().catch(() => undefined);
      }),
    );
  }
}
