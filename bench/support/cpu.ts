/**
 * CPU use from /proc, for the benches' figures per operation: a process's CPU
 * seconds, and the whole machine's busy and total ticks (every core).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { median, round } from './stats';

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

/**
 * CPU seconds of each process named `command`, by pid (e.g. `postgres`: the
 * server and each session). By pid, because sessions come and go: a pool
 * closing an idle connection must not take its CPU out of a later sum.
 */
export function cpuSecondsOf(command: string): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== command) continue;
      const used = cpuSeconds(Number(entry));
      if (used !== null) seconds.set(Number(entry), used);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return seconds;
}

/** CPU seconds one part used between two readings: by pid for a group (one ended is left out). */
function used(start: PartReading, end: PartReading): number | null {
  if (start === null || end === null) return null;
  if (typeof start === 'number' || typeof end === 'number') {
    return typeof start === 'number' && typeof end === 'number' ? end - start : null;
  }
  let seconds = 0;
  for (const [pid, now] of end) seconds += now - (start.get(pid) ?? 0);
  return seconds;
}

/** A part's CPU seconds: one process's, a group's by pid, or null when it is not running. */
export type PartReading = number | Map<number, number> | null;

/** The machine's ticks and each part's CPU seconds at one moment. */
export interface CpuSnapshot {
  machine: { busy: number; total: number };
  parts: Record<string, PartReading>;
}

/** Where the machine's CPU went per operation, in ms: each part, and `other` for the rest. */
export interface CpuPerOperation {
  machineMs: number;
  partsMs: Record<string, number>;
}

/**
 * Splits the machine's CPU between named parts (a service's process, all of
 * PostgreSQL, the NATS server, the bench itself), so a cost per operation says
 * which process to look at.
 */
export class CpuParts {
  constructor(private readonly parts: Record<string, () => PartReading>) {}

  snapshot(): CpuSnapshot {
    const parts = Object.fromEntries(
      Object.entries(this.parts).map(([name, read]) => [name, read()]),
    );
    return { machine: machineTicks(), parts };
  }

  /** Per operation between two snapshots; a part that was not running is left out. */
  static perOperation(
    before: CpuSnapshot,
    after: CpuSnapshot,
    operations: number,
  ): CpuPerOperation {
    const n = Math.max(1, operations);
    const machineMs = ((after.machine.busy - before.machine.busy) / TICKS_PER_SECOND) * 1000;
    const partsMs: Record<string, number> = {};
    let counted = 0;
    for (const [name, start] of Object.entries(before.parts)) {
      const seconds = used(start, after.parts[name] ?? null);
      if (seconds === null) continue;
      const ms = seconds * 1000;
      counted += ms;
      partsMs[name] = round(ms / n, 2);
    }
    partsMs.other = round(Math.max(0, machineMs - counted) / n, 2);
    return { machineMs: round(machineMs / n, 2), partsMs };
  }

  /** The median of each part over several measurements, as one line: `gateway 0.41, ...`. */
  static describe(measurements: CpuPerOperation[]): string {
    if (measurements.length === 0) return '';
    const names = Object.keys(measurements[0].partsMs);
    return names
      .map((name) => ({ name, ms: median(measurements.map((m) => m.partsMs[name] ?? 0)) }))
      .sort((a, b) => b.ms - a.ms)
      .map(({ name, ms }) => `${name} ${ms}`)
      .join(', ');
  }
}
