/**
 * Starting suites for the end-to-end tests: each one gets its own database,
 * NATS subject prefix and port, so suites never see each other's data.
 * The global setup starts the shared one; a test that must stop a service
 * starts a private one with startPrivateSuite().
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { connect } from 'nats';
import { Client } from 'pg';
import { launchSuite, LaunchOptions, ServiceName, Suite } from '../../scripts/launcher';
import { api, apiFor } from './http';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/timebank';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The machine's PostgreSQL and NATS, which every suite shares (a suite may reach them through a proxy). */
export function machineUrls(): { databaseUrl: string; natsUrl: string } {
  return {
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    natsUrl: process.env.NATS_URL || DEFAULT_NATS_URL,
  };
}

/** All suites of one jest run log here (children's output), truncated by the global setup. */
export const E2E_LOG = path.resolve(__dirname, '..', 'logs', 'e2e.log');

/** Settings every test suite runs with; a test may override any of them. */
export const TEST_SETTINGS: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  SHUTDOWN_GRACE_MS: '2000',
  // Every test signs up and in from 127.0.0.1, many as the one bootstrap admin; the
  // limits themselves are exercised in a private suite with low ones (sign-in-limits.e2e-spec.ts).
  AUTH_LIMIT_PER_ADDRESS: '10000',
  SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: '10000',
  SIGN_IN_FAILURES_PER_ACCOUNT: '10000',
  SIGN_IN_FAILURES_PER_ADDRESS: '10000',
  TRUST_PROXY: 'true',
  CORS_ORIGINS: 'https://app.timebank.example',
  BOOTSTRAP_ADMIN_LOGIN: 'admin@timebank.local',
  BOOTSTRAP_ADMIN_PASSWORD: 'admin-change-me',
  // A reminder test moves an activity into the coming day and waits for its reminder.
  ACTIVITY_REMINDER_INTERVAL_MS: '2000',
};

/**
 * How long one service may take to answer after it is spawned. This bounds
 * waiting for the machine, not a product latency: on a two-core machine shared
 * by several test runs, a NestJS service starting beside three others can take
 * well over the launcher's default 30 s.
 */
export const SERVICE_START_MS = 90_000;

/**
 * The timeout for a hook or test that starts a private suite: its backends start
 * in two waves, then the gateway, each within SERVICE_START_MS, then GET /health.
 */
export const SUITE_START_MS = 4 * SERVICE_START_MS;

export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The developer's DATABASE_URL (or the default) pointing at another database. */
export function databaseUrlFor(
  name: string,
  base = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a test database, closing whatever connections are left. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^timebank_test_[a-z0-9]+$/.test(name)) {
    throw new Error(`refusing to drop "${name}": not a test database`);
  }
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Deletes the JetStream streams a suite made (their names start with its prefix). */
export async function deleteStreams(natsUrl: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl.split(','), timeout: 3000, reconnect: false });
  try {
    const jsm = await nc.jetstreamManager();
    const names: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.toLowerCase().startsWith(prefix.toLowerCase()))
        names.push(stream.config.name);
    }
    for (const name of names) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
}

let logStream: fs.WriteStream | null = null;

/**
 * Appends a suite's children's output to test/logs/e2e.log, each line tagged
 * with the suite, and hands each line to `tap` when given.
 */
function logTo(label: string, tap?: LineTap): NonNullable<LaunchOptions['log']> {
  if (!logStream) {
    fs.mkdirSync(path.dirname(E2E_LOG), { recursive: true });
    logStream = fs.createWriteStream(E2E_LOG, { flags: 'a' });
    logStream.on('error', () => undefined);
  }
  const stream = logStream;
  return (line, service, source) => {
    stream.write(`${label} ${service}${source === 'stderr' ? ' [stderr]' : ''} ${line}\n`);
    tap?.(line, service);
  };
}

export interface TestSuite extends Suite {
  /** The full environment its services run with (over process.env). */
  env: Record<string, string>;
  databaseUrl: string;
  natsUrl: string;
  prefix: string;
  /** `api` bound to this suite. */
  api: typeof api;
  /** Stops every service, drops the database and deletes the suite's streams. */
  stop(): Promise<Awaited<ReturnType<Suite['stop']>>>;
}

export type LineTap = (line: string, service: ServiceName) => void;

export interface StartSuiteOptions {
  /** Settings over TEST_SETTINGS and the suite's own database, prefix and port. */
  env?: Record<string, string>;
  /** Settings of one service over `env`: one that must differ per process, such as METRICS_PORT. */
  serviceEnv?: LaunchOptions['serviceEnv'];
  services?: ServiceName[];
  /** Tags its lines in test/logs/e2e.log (default: the prefix). */
  label?: string;
  /** Respawn a service that exits unasked (scripts/launcher.js; default off). */
  restart?: LaunchOptions['restart'];
  /** Sees every line the suite's services write, as the test runs. */
  onLine?: LineTap;
  /** How long to wait for GET /health/ready to answer 200 (default SERVICE_START_MS). */
  healthyTimeoutMs?: number;
}

/**
 * Starts a suite of its own: a fresh database `timebank_test_<random>`, a fresh
 * NATS prefix `tbtest_<random>`, a free port; resolves once GET /health/ready is 200.
 * Always `await suite.stop()` (in afterAll), which also drops the database.
 */
export async function startPrivateSuite(options: StartSuiteOptions = {}): Promise<TestSuite> {
  const id = randomSuffix();
  const databaseUrl = databaseUrlFor(`timebank_test_${id}`);
  const natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL;
  const prefix = `tbtest_${id}`;
  const env: Record<string, string> = {
    ...TEST_SETTINGS,
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
    PORT: String(await freePort()),
    ...options.env,
  };

  const cleanUp = async () => {
    await dropDatabase(env.DATABASE_URL).catch(() => undefined);
    await deleteStreams(env.NATS_URL, env.NATS_SUBJECT_PREFIX).catch(() => undefined);
  };

  let suite: Suite;
  try {
    suite = await launchSuite({
      env,
      serviceEnv: options.serviceEnv,
      services: options.services,
      startTimeoutMs: SERVICE_START_MS,
      log: logTo(options.label ?? prefix, options.onLine),
      restart: options.restart,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const stopSuite = suite.stop;
  const stop = async () => {
    const exits = await stopSuite();
    await cleanUp();
    return exits;
  };
  try {
    await suite.waitHealthy(options.healthyTimeoutMs ?? SERVICE_START_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return Object.assign(suite, {
    env,
    databaseUrl: env.DATABASE_URL,
    natsUrl: env.NATS_URL,
    prefix: env.NATS_SUBJECT_PREFIX,
    api: apiFor(suite.baseUrl),
    stop,
  });
}

/** Empties test/logs/e2e.log at the start of a run. */
export function resetE2eLog(): void {
  fs.mkdirSync(path.dirname(E2E_LOG), { recursive: true });
  fs.writeFileSync(E2E_LOG, '');
}

/** Closes the log file (global teardown). */
export async function closeE2eLog(): Promise<void> {
  const stream = logStream;
  logStream = null;
  if (stream) await new Promise<void>((resolve) => stream.end(() => resolve()));
}
