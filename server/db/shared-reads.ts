import pg from 'pg';

/** What Kysely's PostgresDialect uses of a pool, and of the client it lends. */
export interface LentClient {
  query: (...args: unknown[]) => unknown;
  release: () => void;
}

/** Statements that would leave session state behind on a connection other requests share. */
const SESSION_STATE =
  /^\s*(begin|start|commit|end|rollback|abort|savepoint|release|set|reset|lock|listen|unlisten|declare|prepare|discard)\b/i;

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
    let client: pg.Client;
    try {
      client = await (this.clients[at] ??= this.open(at));
    } catch (error) {
      this.lent[at]!--;
      throw error;
    }
    let released = false;
    // No processID: cancelling a statement by its backend's pid (Kysely's abort) would cancel
    // whatever another request had running there. Nothing here cancels statements.
    return {
      query: (...args: unknown[]) => {
        const [first] = args;
        const text = typeof first === 'string' ? first : (first as { text?: string }).text;
        if (typeof text === 'string' && SESSION_STATE.test(text))
          return Promise.reject(
            new Error(`a shared read connection refuses session state: ${text.slice(0, 40)}`),
          );
        return (client.query as (...a: unknown[]) => unknown)(...args);
      },
      release: () => {
        if (released) return;
        released = true;
        this.lent[at]!--;
      },
    };
  }

  private open(at: number): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    const drop = () => {
      if (this.clients[at] === opened) this.clients[at] = null;
    };
    // An error on an idle shared connection would otherwise crash the process.
    client.on('error', (error) => {
      console.error(`PostgreSQL closed a shared read connection: ${error.message}`);
      drop();
    });
    client.on('end', drop);
    const opened = client.connect().then(
      () => {
        this.onConnect(client);
        return client;
      },
      (error: unknown) => {
        drop();
        throw error;
      },
    );
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
