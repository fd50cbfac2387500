/**
 * What the benchmarks run on: a database and a NATS subject prefix of their
 * own, a request–reply client speaking Nest's wire format, and a sampler of a
 * process's resident memory.
 */
import { readFileSync } from 'node:fs';
import { connect, NatsConnection, StringCodec } from 'nats';
import { Client } from 'pg';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/timebank';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

// The same helpers the end-to-end suites use to give a run its own database, prefix and port.
import { randomSuffix } from '../../test/support/suite';

export { databaseUrlFor, deleteStreams, freePort, randomSuffix } from '../../test/support/suite';

function adminUrl(databaseUrl: string): { url: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^timebank_bench_[a-z0-9]+$/.test(name)) {
    throw new Error(`refusing to touch "${name}": not a bench database`);
  }
  url.pathname = '/postgres';
  return { url: url.toString(), name };
}

async function onAdmin(databaseUrl: string, sql: (name: string) => string): Promise<void> {
  const { url, name } = adminUrl(databaseUrl);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql(name));
  } finally {
    await client.end();
  }
}

export function createDatabase(databaseUrl: string): Promise<void> {
  return onAdmin(databaseUrl, (name) => `CREATE DATABASE "${name}"`);
}

export function dropDatabase(databaseUrl: string): Promise<void> {
  return onAdmin(databaseUrl, (name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** The error a service answered with (its wire `err`), as an Error carrying the code. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface WireReply<T> {
  id?: string;
  response?: T;
  err?: { code?: string; status?: number; message?: string } | string;
}

/**
 * Request–reply in Nest's wire format, straight over the `nats` package: one
 * connection, requests multiplexed on it (as the gateway's client does).
 */
export class RpcClient {
  private readonly codec = StringCodec();
  private seq = 0;
  private readonly tag = randomSuffix();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
  ) {}

  static async connect(natsUrl: string, prefix: string): Promise<RpcClient> {
    const nc = await connect({
      servers: natsUrl.split(','),
      name: 'timebank-bench',
      timeout: 3000,
      reconnect: false,
    });
    return new RpcClient(nc, prefix);
  }

  async call<T>(pattern: string, data: unknown, timeoutMs = 10_000): Promise<T> {
    const id = `bench-${this.tag}-${++this.seq}`;
    const body = JSON.stringify({
      pattern,
      data: { requestId: id, actor: null, data },
      id,
    });
    const msg = await this.nc.request(`${this.prefix}.${pattern}`, this.codec.encode(body), {
      timeout: timeoutMs,
    });
    const reply = JSON.parse(this.codec.decode(msg.data)) as WireReply<T>;
    if (reply.err !== undefined && reply.err !== null) {
      if (typeof reply.err === 'string') throw new RpcError('NO_HANDLER', reply.err);
      throw new RpcError(reply.err.code ?? 'ERROR', reply.err.message ?? JSON.stringify(reply.err));
    }
    return reply.response as T;
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}

/** Resident memory of a process in MB (VmRSS), or null when it is gone. */
export function residentMb(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Samples a process's VmRSS every `everyMs` until stopped; keeps the peak and VmHWM. */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  peakMb = 0;
  hwmMb = 0;
  samples = 0;
  lastMb = 0;

  constructor(
    private readonly pidOf: () => number | undefined,
    private readonly everyMs = 100,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }

  sample(): void {
    const pid = this.pidOf();
    if (!pid) return;
    const m = residentMb(pid);
    if (!m) return;
    this.samples += 1;
    this.lastMb = m.rssMb;
    this.peakMb = Math.max(this.peakMb, m.rssMb);
    if (Number.isFinite(m.hwmMb)) this.hwmMb = Math.max(this.hwmMb, m.hwmMb);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }
}
