import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A chain head written outside the database: seal `seq` had `hash` at time `at`. */
export interface AuditAnchor {
  seq: string;
  hash: string;
  at: string;
}

/**
 * What lives outside the database (docs/adr/0004): the HMAC key, and the file the chain heads are
 * appended to. Someone with only database access can neither forge a seal's MAC nor make the newest
 * anchored head disappear.
 */
export interface AuditAnchorage {
  /** HMAC-SHA256 of a chain position and its hash. */
  mac(seq: string, hash: string): string;
  macMatches(seq: string, hash: string, mac: string): boolean;
  append(anchor: AuditAnchor): Promise<void>;
  /** The newest anchor with a valid MAC, or null when none was written yet. */
  latest(): Promise<AuditAnchor | null>;
  /** Where the anchors go, for the verify report (a file name, never a full path). */
  where: string;
}

const KEY_FILE = 'audit.key';
const ANCHOR_FILE = 'audit-anchors.log';
/** Bytes read from the end of the anchor file to find its last line. */
const TAIL_BYTES = 4096;

function macWith(key: Buffer) {
  // A KeyObject made once: given the raw key, Node 24 imports it afresh on every call (6x slower).
  const secret = createSecretKey(key);
  const mac = (seq: string, hash: string) =>
    createHmac('sha256', secret).update(`${seq}:${hash}`).digest('hex');
  const macMatches = (seq: string, hash: string, given: string) => {
    const expected = Buffer.from(mac(seq, hash), 'hex');
    const actual = Buffer.from(given, 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  return { mac, macMatches };
}

const line = (a: AuditAnchor, mac: string) => `${a.at} ${a.seq} ${a.hash} ${mac}\n`;

function parseLine(text: string): { anchor: AuditAnchor; mac: string } | null {
  const [at, seq, hash, mac] = text.trim().split(' ');
  if (!at || !seq || !hash || !mac || !/^\d+$/.test(seq)) return null;
  return { anchor: { at, seq, hash }, mac };
}

/** Loads the key from FT_AUDIT_KEY or from the key file in `dir`, creating the file (owner-only) on first start. */
async function loadKey(dir: string, configured: string | null): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(dir, KEY_FILE);
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = randomBytes(32);
    await writeFile(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' }).catch(
      async (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e; // another instance created it first: use theirs
      },
    );
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  }
}

/**
 * Opens the anchorage. `dir` null keeps anchors in memory with the given or a random key (throwaway
 * in-memory databases, specs).
 */
export async function openAuditAnchorage(
  dir: string | null,
  configuredKey: string | null,
): Promise<AuditAnchorage> {
  if (dir === null) {
    const { mac, macMatches } = macWith(
      configuredKey ? Buffer.from(configuredKey, 'utf8') : randomBytes(32),
    );
    const anchors: AuditAnchor[] = [];
    return {
      mac,
      macMatches,
      where: 'memory',
      append: async (a) => void anchors.push(a),
      latest: async () => anchors.at(-1) ?? null,
    };
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { mac, macMatches } = macWith(await loadKey(dir, configuredKey));
  const file = path.join(dir, ANCHOR_FILE);
  return {
    mac,
    macMatches,
    where: ANCHOR_FILE,
    append: (a) => appendFile(file, line(a, mac(a.seq, a.hash)), { mode: 0o600 }),
    latest: async () => {
      let handle;
      try {
        handle = await open(file, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const start = Math.max(0, size - TAIL_BYTES);
        const buffer = Buffer.alloc(size - start);
        await handle.read(buffer, 0, buffer.length, start);
        const lines = buffer
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim());
        // Newest first; a line with a bad MAC (a torn write or a forgery) is skipped.
        for (const text of lines.reverse()) {
          const parsed = parseLine(text);
          if (parsed && macMatches(parsed.anchor.seq, parsed.anchor.hash, parsed.mac))
            return parsed.anchor;
        }
        return null;
      } finally {
        await handle.close();
      }
    },
  };
}
