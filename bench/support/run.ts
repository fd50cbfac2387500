/**
 * The frame every bench on the built services shares: a database and NATS prefix
 * of its own (dropped and deleted at the end), the services started from dist/
 * with settings fit for measuring, the machine it ran on, and the result written
 * to bench/results/<bench>-<when>.json and <bench>-latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { launchSuite, LaunchOptions, ServiceName, Suite } from '../../scripts/launcher';
import { onCleanUp } from './clean-up';
import {
  createDatabase,
  databaseUrlFor,
  DEFAULT_DATABASE_URL,
  DEFAULT_NATS_URL,
  deleteStreams,
  dropDatabase,
  freePort,
  randomSuffix,
} from './env';
import { round } from './stats';

const RESULTS = path.resolve(__dirname, '..', 'results');

export const say = (line: string) => process.stdout.write(`${line}\n`);

/** The value after `--<name>` on the command line, else the fallback. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A whole-number option within bounds; anything else stops the bench saying so. */
export function intOption(name: string, fallback: number, min: number, max: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

const loadAverage = () => os.loadavg().map((l) => round(l, 2));

/** One run of a bench: its own database (dropped at the end) and NATS prefix. */
export class BenchRun {
  readonly runId = randomSuffix();
  readonly databaseUrl = databaseUrlFor(
    `timebank_bench_${this.runId}`,
    process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  );
  readonly natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL;
  readonly prefix = `tbbench_${this.runId}`;
  readonly startedAt = new Date();
  readonly loadAtStart = loadAverage();
  /** The bootstrap admin of this run's suite. */
  readonly admin = { login: 'admin@timebank.local', password: `bench-${randomSuffix()}-admin` };

  /** Warns with `busyWarning` when the machine is already busy at the start. */
  constructor(
    readonly bench: string,
    busyWarning: string,
  ) {
    if (this.loadAtStart[0] > 1) say(`warning: load average ${this.loadAtStart[0]} ${busyWarning}`);
  }

  /** Creates the run's database; it and the run's streams are removed at the end. */
  async createDatabase(): Promise<void> {
    await createDatabase(this.databaseUrl);
    onCleanUp('drop the bench database', () => dropDatabase(this.databaseUrl));
    onCleanUp('delete the streams', () => deleteStreams(this.natsUrl, this.prefix));
  }

  /** The services, in production mode, quiet but for warnings; stopped at the end. */
  async startServices(
    services: ServiceName[],
    options: {
      env?: NodeJS.ProcessEnv;
      serviceEnv?: LaunchOptions['serviceEnv'];
      log: NonNullable<LaunchOptions['log']>;
      /** Another build to run (a checkout holding dist/), e.g. the one before a change. */
      root?: string;
    },
  ): Promise<Suite> {
    const secret = () => randomSuffix();
    const suite = await launchSuite({
      services,
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: this.databaseUrl,
        NATS_URL: this.natsUrl,
        NATS_SUBJECT_PREFIX: this.prefix,
        PORT: String(await freePort()),
        JWT_SECRET: `bench-${secret()}-${secret()}-${secret()}-${secret()}`,
        BOOTSTRAP_ADMIN_LOGIN: this.admin.login,
        BOOTSTRAP_ADMIN_PASSWORD: this.admin.password,
        // The gateway refuses to serve GET /metrics unguarded in production.
        METRICS_TOKEN: `bench-${secret()}-${secret()}-${secret()}-${secret()}`,
        // The volunteers service refuses the development default in production.
        CHECK_IN_SECRET: `bench-${secret()}-${secret()}-${secret()}-${secret()}`,
        ...options.env,
        SHUTDOWN_GRACE_MS: '2000',
      },
      serviceEnv: options.serviceEnv,
      log: options.log,
      root: options.root,
      stopGraceMs: 10_000,
      onExit: (exit) => say(`!! ${exit.service} exited unexpectedly: ${exit.reason}`),
    });
    onCleanUp('stop the services', () => suite.stop());
    return suite;
  }

  /** A small pool on the run's database (closed at the end), and the server's version. */
  async openPool(): Promise<{ pool: Pool; postgres: string }> {
    const pool = new Pool({
      connectionString: this.databaseUrl,
      max: 2,
      application_name: 'bench',
    });
    pool.on('error', () => undefined);
    onCleanUp('close the pool', () => pool.end());
    const version = await pool.query<{ server_version: string }>('SHOW server_version');
    return { pool, postgres: version.rows[0].server_version };
  }

  /** When the run started and ended, and the machine it ran on. */
  facts<M extends Record<string, unknown>>(machine: M) {
    return {
      bench: this.bench,
      runId: this.runId,
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        ...machine,
        loadAverageAtStart: this.loadAtStart,
        loadAverageAtEnd: loadAverage(),
      },
    };
  }

  /** Writes the result as bench/results/<bench>-<when>.json and <bench>-latest.json. */
  writeResult(result: unknown, lead = ''): void {
    mkdirSync(RESULTS, { recursive: true });
    const stamp = this.startedAt.toISOString().replace(/[:.]/g, '-');
    const json = `${JSON.stringify(result, null, 2)}\n`;
    writeFileSync(path.join(RESULTS, `${this.bench}-${stamp}.json`), json);
    writeFileSync(path.join(RESULTS, `${this.bench}-latest.json`), json);
    say(
      `${lead}written: bench/results/${this.bench}-${stamp}.json and bench/results/${this.bench}-latest.json`,
    );
  }
}
