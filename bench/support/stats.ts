/**
 * Closed-loop load: `concurrency` callers each send one operation, wait for it,
 * send the next, until the time is up (or a hard cap on the count is reached).
 * Latencies are kept per operation; failures are counted apart from successes.
 */

export interface LevelResult {
  concurrency: number;
  seconds: number;
  ok: number;
  failed: number;
  /** Successful operations per second over the measured window. */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Failure messages and how often each came (at most a few kinds). */
  failures: Record<string, number>;
}

/** One operation: resolves when it succeeded, rejects (with a short reason) when it failed. */
export type Operation = (caller: number, seq: number) => Promise<void>;

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export interface RunOptions {
  concurrency: number;
  seconds: number;
  /** No more than this many operations in all, whatever the time (a bound for the loop). */
  maxOperations?: number;
}

export async function runLevel(op: Operation, options: RunOptions): Promise<LevelResult> {
  const { concurrency, seconds } = options;
  const maxOperations = options.maxOperations ?? 5_000_000;
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let failed = 0;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;

  const caller = async (id: number): Promise<void> => {
    let seq = 0;
    while (performance.now() < deadline && started < maxOperations) {
      started += 1;
      const begin = performance.now();
      try {
        await op(id, seq++);
        latencies.push(performance.now() - begin);
      } catch (error) {
        failed += 1;
        const reason = reasonOf(error);
        if (failures[reason] !== undefined || Object.keys(failures).length < 8) {
          failures[reason] = (failures[reason] ?? 0) + 1;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => caller(i)));
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    concurrency,
    seconds: round(elapsed, 2),
    ok: latencies.length,
    failed,
    perSecond: round(latencies.length / elapsed, 0),
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(sorted.length ? sorted[sorted.length - 1] : NaN, 2),
    failures,
  };
}

/** p50 (and p99) of `count` sequential calls of `op`, after `warmup` unmeasured ones. */
export async function sequentialLatency(
  op: (i: number) => Promise<void>,
  count: number,
  warmup: number,
): Promise<{ count: number; p50Ms: number; p99Ms: number; meanMs: number }> {
  for (let i = 0; i < warmup; i++) await op(i);
  const latencies = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const begin = performance.now();
    await op(i);
    latencies[i] = performance.now() - begin;
  }
  const mean = latencies.reduce((a, b) => a + b, 0) / count;
  latencies.sort();
  return {
    count,
    p50Ms: round(percentile(latencies, 50), 3),
    p99Ms: round(percentile(latencies, 99), 3),
    meanMs: round(mean, 3),
  };
}

export function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
