import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, ms) used so far by the server child, PostgreSQL's processes, and the bench. */
export interface ProcessCpu {
  server: number;
  postgres: number;
  bench: number;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_MS = 100 / 1000;

/** The stat fields after the command name (which may hold spaces), and that name. */
function stat(pid: string): { name: string; fields: string[] } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return {
      name: text.slice(text.indexOf('(') + 1, close),
      fields: text.slice(close + 2).split(' '),
    };
  } catch {
    return null; // gone meanwhile
  }
}

/**
 * Reads /proc (Linux; null elsewhere): where the machine's CPU goes while one side of a figure runs.
 * PostgreSQL's processes are summed, backends and background workers alike; a process that ends
 * between two readings takes its time with it, so compare sums over seconds, not single calls.
 */
export function processCpu(serverPid: number): ProcessCpu | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const cpu: ProcessCpu = { server: 0, postgres: 0, bench: 0 };
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the name.
    const ms = (Number(s.fields[11]) + Number(s.fields[12])) / TICKS_PER_MS;
    if (Number(pid) === serverPid) cpu.server += ms;
    else if (Number(pid) === process.pid) cpu.bench += ms;
    else if (s.name === 'postgres') cpu.postgres += ms;
  }
  return cpu;
}
