import pg from 'pg';

/** Stops listening and closes what listening opened. */
export type Unlisten = () => Promise<void>;

/** How long to wait before reopening a lost listening connection. */
const RETRY_MS = 1000;

/**
 * LISTENs on `channel` over one connection of its own (a pooled one would be handed to other work).
 * `onLive(false)` says notices may be missed from now on: the connection was lost (server restart,
 * pg_terminate_backend). It is reopened every second until it listens again; then `onLive(true)`.
 * The first connection is tried before this resolves, but a failure only schedules the retry.
 */
export async function listenOnPostgres(
  connectionString: string,
  channel: string,
  onNotice: (payload: string) => void,
  onLive: (live: boolean) => void,
): Promise<Unlisten> {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    if (!closed) timer = setTimeout(() => void open(), RETRY_MS);
  };
  const open = async () => {
    const c = new pg.Client({ connectionString, application_name: 'facettrack-notices' });
    // An error on this connection ends it ('end' below); unhandled, it would crash the process.
    c.on('error', () => {});
    c.on('notification', (n) => {
      if (n.channel === channel) onNotice(n.payload ?? '');
    });
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      onLive(false);
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      await c.end().catch(() => {});
      retry();
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    onLive(true);
  };
  await open();
  return async () => {
    closed = true;
    clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
