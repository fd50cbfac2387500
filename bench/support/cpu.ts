/**
 * CPU use from /proc, for the benches' figures per operation: a process's CPU
 * seconds, and the whole machine's busy and total ticks (every core).
 */
import { readFileSync } from 'node:fs';

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat; null if it is gone. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU ticks of the whole machine (all cores) from /proc/stat: busy and total. */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const t = line.trim().split(/\s+/).slice(1).map(Number);
  const total = t.reduce((a, b) => a + b, 0);
  const idle = t[3] + (t[4] ?? 0);
  return { busy: total - idle, total };
}

/** Clock ticks per second of /proc/stat (USER_HZ: 100 on Linux). */
export const TICKS_PER_SECOND = 100;
