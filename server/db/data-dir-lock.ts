import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Thrown when another live process holds the PGlite data folder. */
export class DataDirLockedError extends Error {}

/** Who holds the lock: a PID alone is not enough, PIDs are reused (in a container it is 1 every time). */
export interface LockHolder {
  pid: number;
  /** Process start time in clock ticks since boot (/proc/PID/stat field 22); null without /proc. */
  startTicks: string | null;
  /** /proc/sys/kernel/random/boot_id: start ticks restart from zero after a reboot. */
  bootId: string | null;
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Start time of a process, or null when it does not exist or /proc is not there. */
export function processStartTicks(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2 (the command) is in parentheses and may hold spaces; fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null; // field 22 overall
}

function bootId(): string | null {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
}

export function currentHolder(pid = process.pid): LockHolder {
  return { pid, startTicks: processStartTicks(pid), bootId: bootId() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(value.pid) && value.pid! > 0)
      return {
        pid: value.pid!,
        startTicks: value.startTicks ?? null,
        bootId: value.bootId ?? null,
      };
  } catch {
    // Older lock files hold just the PID.
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? { pid, startTicks: null, bootId: null } : null;
}

/**
 * True while the process that wrote the lock still runs: same boot, PID alive, and (where /proc
 * tells) the process with that PID started at the recorded time. A crashed server whose PID was
 * reused, by itself after a restart or by anything else, no longer holds the lock.
 */
export function holderIsAlive(holder: LockHolder): boolean {
  const now = bootId();
  if (holder.bootId && now && holder.bootId !== now) return false;
  if (!isAlive(holder.pid)) return false;
  if (holder.startTicks === null) return true;
  const started = processStartTicks(holder.pid);
  return started === null || started === holder.startTicks;
}

/**
 * Takes an exclusive lock file in the PGlite data folder. PGlite has no locking between processes
 * (toolchain.md), and two writers would corrupt the folder, so a second server must refuse to start.
 * The lock is written whole to a temporary file and hard-linked into place (atomic, fails if it
 * exists), so no reader sees a half-written lock. A lock whose holder no longer runs is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'facettrack.lock');
  const me = currentHolder();
  const temp = `${lockPath}.${process.pid}.${Date.now()}`;
  writeFileSync(temp, JSON.stringify(me), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(temp, lockPath);
        return () => rmSync(lockPath, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = parseHolder(readProc(lockPath) ?? '');
        if (holder && holderIsAlive(holder)) {
          throw new DataDirLockedError(
            `The data folder ${dataDir} is in use by another FacetTrack process (pid ${holder.pid}). ` +
              'Stop that process first, or set FT_DATA_DIR to another folder.',
          );
        }
        rmSync(lockPath, { force: true }); // stale lock from a process that ended
      }
    }
    throw new DataDirLockedError(`Could not lock the data folder ${dataDir}.`);
  } finally {
    rmSync(temp, { force: true });
  }
}
