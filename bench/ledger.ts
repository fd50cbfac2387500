/**
 * `npm run bench:ledger`: how fast the ledger moves credits through the
 * accounting service over NATS, against the raw ceiling of the same transfer
 * written straight to PostgreSQL; whether balance reads slow as history grows;
 * and the service's resident memory. Runs on a database and NATS prefix of its
 * own, starts the services it needs from dist/ (npm run build), stops them and
 * drops the database at the end, also on failure or Ctrl-C.
 *
 * Options: --seconds N (per level, default 3), --warmup N (default 1),
 * --levels 1,16,64, --members N (default 200), --history N (entries seeded
 * for the read test, default 1000000), --raw-only (skip the service's figures),
 * --copies-rounds N (one copy then two, alternating, each N times; default 2,
 * 0 skips), --copies-seconds N (per run, default 5).
 */
import os from 'node:os';
import { Pool } from 'pg';
import { ServiceName, Suite } from '../scripts/launcher';
import { MemorySampler, randomSuffix, RpcClient } from './support/env';
import { onCleanUp, runBench } from './support/clean-up';
import { BenchRun, intOption, option, say } from './support/run';
import { RawLedger, seedHistory } from './support/raw-ledger';
import { LevelResult, median, round, runLevel, sequentialLatency } from './support/stats';
import { cpuSeconds, machineTicks } from './support/cpu';
import { http, inParallel, signIn } from './support/http';

// ---- settings ----

const SETTINGS = {
  seconds: intOption('seconds', 3, 1, 60),
  warmupSeconds: intOption('warmup', 1, 0, 30),
  levels: option('levels', '1,16,64')
    .split(',')
    .map((s) => Number(s.trim())),
  members: intOption('members', 200, 2, 2000),
  historyEntries: intOption('history', 1_000_000, 0, 10_000_000),
  reads: 2000,
  readWarmup: 200,
  minutesPerTransfer: 1,
  fundingPerAccount: 10_000,
  rawOnly: process.argv.includes('--raw-only'),
  copiesRounds: intOption('copies-rounds', 2, 0, 10),
  copiesSeconds: intOption('copies-seconds', 5, 1, 60),
  copiesCallers: 64,
  copiesWarmupSeconds: 3,
};
for (const level of SETTINGS.levels) {
  if (!Number.isInteger(level) || level < 1 || level > 256)
    throw new Error('--levels must be whole numbers from 1 to 256');
}

const RPC_TIMEOUT_MS = 15_000;

// ---- the suite and its fixtures ----

interface Fixtures {
  rpc: RpcClient;
  members: string[];
  communityId: string;
}

/** A community and `count` members made through the gateway, as a city would. */
async function makeMembers(
  suite: Suite,
  admin: { login: string; password: string },
  count: number,
): Promise<{ communityId: string; members: string[] }> {
  const accessToken = await signIn(suite.baseUrl, admin);
  const code = `bench-${randomSuffix()}`;
  const community = await http<{ id: string }>(
    suite.baseUrl,
    'POST',
    '/communities',
    { code, name: `Bench ${code}`, gridUnits: [{ code: 'G1', name: 'Grid 1' }] },
    accessToken,
  );
  const members: string[] = new Array<string>(count);
  await inParallel(count, 4, async (i) => {
    const res = await http<{ member: { id: string } }>(suite.baseUrl, 'POST', '/auth/register', {
      email: `bench-${code}-${i}@example.cn`,
      password: 'bench-password-123',
      displayName: `Bench member ${i}`,
      communityId: community.id,
    });
    members[i] = res.member.id;
  });
  return { communityId: community.id, members };
}

interface AccountViewLike {
  accountId: string;
  balanceMinutes: number;
}

function transferCommand(
  key: string,
  kind: string,
  from: { type: string; id?: string },
  to: { type: string; id?: string },
  minutes: number,
) {
  return { idempotencyKey: key, kind, from, to, minutes, memo: 'bench' };
}

/** Issuance → the community fund → every member, through the service. */
async function fundMembers(f: Fixtures, runId: string): Promise<void> {
  const perMember = SETTINGS.fundingPerAccount;
  const total = perMember * f.members.length;
  const fund = { type: 'community_fund', id: f.communityId };
  for (let given = 0, n = 0; given < total; n++) {
    const minutes = Math.min(10_000_000, total - given);
    await f.rpc.call(
      'accounting.transfer.create',
      transferCommand(`${runId}-alloc-${n}`, 'allocation', { type: 'issuance' }, fund, minutes),
      RPC_TIMEOUT_MS,
    );
    given += minutes;
  }
  await inParallel(f.members.length, 8, async (i) => {
    await f.rpc.call(
      'accounting.transfer.create',
      transferCommand(
        `${runId}-fund-${i}`,
        'adjustment',
        fund,
        { type: 'member', id: f.members[i] },
        perMember,
      ),
      RPC_TIMEOUT_MS,
    );
  });
}

/** Two different indexes in [0, n). */
function randomPair(n: number): [number, number] {
  const a = Math.floor(Math.random() * n);
  let b = Math.floor(Math.random() * (n - 1));
  if (b >= a) b += 1;
  return [a, b];
}

// ---- measuring ----

async function measureLevels(
  label: string,
  op: (caller: number, seq: number, level: number) => Promise<void>,
  sampler: MemorySampler | null,
  cpuOf: () => number | null,
): Promise<Array<LevelResult & { serviceCpuPercent: number | null; machineBusyPercent: number }>> {
  if (SETTINGS.warmupSeconds > 0) {
    say(`${label}: warm-up ${SETTINGS.warmupSeconds} s at 16 callers`);
    await runLevel((c, s) => op(c, s, 0), { concurrency: 16, seconds: SETTINGS.warmupSeconds });
  }
  const results: Array<
    LevelResult & { serviceCpuPercent: number | null; machineBusyPercent: number }
  > = [];
  for (const concurrency of SETTINGS.levels) {
    const cpu0 = cpuOf();
    const machine0 = machineTicks();
    const result = await runLevel((c, s) => op(c, s, concurrency), {
      concurrency,
      seconds: SETTINGS.seconds,
    });
    const cpu1 = cpuOf();
    const serviceCpuPercent =
      cpu0 !== null && cpu1 !== null ? round(((cpu1 - cpu0) / result.seconds) * 100, 0) : null;
    const machine1 = machineTicks();
    const machineBusyPercent = round(
      (100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total),
      0,
    );
    sampler?.sample();
    results.push({ ...result, serviceCpuPercent, machineBusyPercent });
    say(
      `${label}: ${concurrency} callers: ${result.perSecond} transfers/s, p50 ${result.p50Ms} ms, ` +
        `p99 ${result.p99Ms} ms, ${result.failed} failed` +
        (result.failed ? ` ${JSON.stringify(result.failures)}` : ''),
    );
  }
  return results;
}

async function ledgerCheck(pool: Pool): Promise<{ total: number; mismatched: number }> {
  const total = await pool.query<{ total: string }>(
    'SELECT coalesce(sum(balance), 0)::text AS total FROM accounting.accounts',
  );
  const mismatched = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM accounting.accounts a
       LEFT JOIN (SELECT account_id, sum(amount) AS s FROM accounting.entries GROUP BY account_id) e
         ON e.account_id = a.id
      WHERE a.balance <> coalesce(e.s, 0)`,
  );
  return { total: Number(total.rows[0].total), mismatched: Number(mismatched.rows[0].n) };
}

// ---- the run ----

type Levels = Awaited<ReturnType<typeof measureLevels>>;

interface Reads {
  empty: Awaited<ReturnType<typeof sequentialLatency>>;
  seeded: Awaited<ReturnType<typeof sequentialLatency>>;
  ratio: number;
  seeding: Awaited<ReturnType<typeof seedHistory>>;
}

/** What the bench measures with the accounting service running, and how. */
interface Measuring {
  run: BenchRun;
  rpc: RpcClient;
  pool: Pool;
  sampler: MemorySampler;
  serviceCpu: () => number | null;
}

/** The services the bench needs, warnings and errors kept (the first few echoed). */
async function startLedgerServices(run: BenchRun): Promise<Suite> {
  const services: ServiceName[] = SETTINGS.rawOnly
    ? ['accounting']
    : ['volunteers', 'accounting', 'gateway'];
  const stderrTail: string[] = [];
  say(`starting ${services.join(', ')} (LOG_LEVEL=warn)`);
  return run.startServices(services, {
    env: { AUTH_LIMIT_PER_ADDRESS: '100000', SIGN_IN_FAILURES_PER_ADDRESS: '100000' },
    log: (line, service, stream) => {
      // Warnings and errors only (LOG_LEVEL=warn): kept, and echoed for the first few.
      if (stderrTail.length < 20)
        say(`  [${service}${stream === 'stderr' ? ' stderr' : ''}] ${line}`);
      stderrTail.push(`${service}: ${line}`);
      if (stderrTail.length > 200) stderrTail.shift();
    },
  });
}

async function accountIdOf(rpc: RpcClient, owner: { type: string; id: string }): Promise<string> {
  return (await rpc.call<AccountViewLike>('accounting.account.get', { owner }, RPC_TIMEOUT_MS))
    .accountId;
}

/** One credit of a minute between two members drawn at random, as the ledger's callers send it. */
async function memberTransfer(
  m: Measuring,
  f: Fixtures,
  tag: string,
  caller: number,
  seq: number,
): Promise<void> {
  const [a, b] = randomPair(f.members.length);
  await m.rpc.call(
    'accounting.transfer.create',
    transferCommand(
      `${m.run.runId}-${tag}-${caller}-${seq}`,
      'service',
      { type: 'member', id: f.members[a] },
      { type: 'member', id: f.members[b] },
      SETTINGS.minutesPerTransfer,
    ),
    RPC_TIMEOUT_MS,
  );
}

/** One run of the copies section: the load against one accounting copy or two. */
interface CopiesRun {
  copies: 1 | 2;
  perSecond: number;
  p99Ms: number;
  ok: number;
  failed: number;
  /** CPU seconds (user + system) the accounting copies used per 1,000 transfers. */
  cpuSecondsPer1000: number | null;
  /** Transactions the database committed per 1,000 transfers (all services'): how well they batch. */
  commitsPer1000: number;
  /** Of the database sessions found working, the share waiting for another's row lock. */
  rowLockWaitPercent: number;
  /** Transfers per ledger transaction, and per outbox relay transaction. */
  transfersPerBatch: number;
  eventsPerRelay: number;
  machineBusyPercent: number;
}

/**
 * Whether a second accounting copy adds capacity: the same transfer load at
 * 64 callers against one copy, then two, alternating in one sitting (each
 * `--copies-rounds` times), so that what else the machine is doing weighs on
 * both alike. The second copy is the same build with the same settings.
 */
async function copiesFigures(m: Measuring, suite: Suite, f: Fixtures): Promise<CopiesRun[]> {
  const runs: CopiesRun[] = [];
  let second: Suite | null = null;
  for (let pass = 0; pass < SETTINGS.copiesRounds; pass++) {
    for (const copies of [1, 2] as const) {
      if (copies === 2) {
        say('copies: starting a second accounting copy');
        if (second) await second.startService('accounting');
        else second = await startSecondCopy(m.run);
      }
      const pids = [suite.pid('accounting'), copies === 2 ? second?.pid('accounting') : undefined];
      runs.push(await copiesRun(m, f, copies, pids, pass));
      if (copies === 2) await second?.stopService('accounting');
    }
  }
  return runs;
}

async function copiesRun(
  m: Measuring,
  f: Fixtures,
  copies: 1 | 2,
  pids: Array<number | undefined>,
  pass: number,
): Promise<CopiesRun> {
  const tag = `c${copies}r${pass}`;
  // A started copy runs cold code at first: both sides are warmed at the measured load alike.
  await runLevel((c, s) => memberTransfer(m, f, `${tag}w`, c, s), {
    concurrency: SETTINGS.copiesCallers,
    seconds: SETTINGS.copiesWarmupSeconds,
  });
  const cpu = () =>
    pids.reduce((sum: number | null, pid) => {
      const seconds = cpuSeconds(pid);
      return sum === null || (pid && seconds === null) ? null : sum + (seconds ?? 0);
    }, 0);
  const cpu0 = cpu();
  const machine0 = machineTicks();
  const commits0 = await commitsSoFar(m.pool);
  const waits = new WaitSampler(m.pool);
  const result = await runLevel((c, s) => memberTransfer(m, f, tag, c, s), {
    concurrency: SETTINGS.copiesCallers,
    seconds: SETTINGS.copiesSeconds,
  });
  const rowLockWaitPercent = await waits.stop();
  const cpu1 = cpu();
  const machine1 = machineTicks();
  const commits = (await commitsSoFar(m.pool)) - commits0;
  const batching = await batchingOf(m.pool, tag);
  const run: CopiesRun = {
    copies,
    perSecond: result.perSecond,
    p99Ms: result.p99Ms,
    ok: result.ok,
    failed: result.failed,
    cpuSecondsPer1000:
      cpu0 !== null && cpu1 !== null && result.ok > 0
        ? round(((cpu1 - cpu0) * 1000) / result.ok, 2)
        : null,
    commitsPer1000: round((commits * 1000) / Math.max(1, result.ok), 0),
    rowLockWaitPercent,
    ...batching,
    machineBusyPercent: round(
      (100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total),
      0,
    ),
  };
  say(
    `copies: ${copies} cop${copies === 1 ? 'y' : 'ies'}, ${SETTINGS.copiesCallers} callers: ` +
      `${run.perSecond} transfers/s, p99 ${run.p99Ms} ms, ${run.failed} failed, ` +
      `${run.cpuSecondsPer1000} CPU s and ${run.commitsPer1000} commits per 1,000 transfers` +
      (result.failed ? ` ${JSON.stringify(result.failures)}` : ''),
  );
  return run;
}

/**
 * Transactions committed in the bench's database so far. PostgreSQL publishes
 * other sessions' counts within a second: a run of a few seconds is near enough.
 */
async function commitsSoFar(pool: Pool): Promise<number> {
  await pool.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await pool.query<{ n: string }>(
    'SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].n);
}

/**
 * Samples, every 100 ms on one connection, what the bench database's working
 * sessions wait for: the share waiting for a row lock another transaction
 * holds (`Lock`: transactionid, tuple) says how much the copies' batches
 * queue behind each other.
 */
class WaitSampler {
  private working = 0;
  private waiting = 0;
  private readonly done: Promise<void>;
  private stopped = false;

  constructor(private readonly pool: Pool) {
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const { rows } = await this.pool.query<{ working: string; waiting: string }>(
        `SELECT count(*)::text AS working,
                count(*) FILTER (WHERE wait_event_type = 'Lock'
                                   AND wait_event IN ('transactionid', 'tuple'))::text AS waiting
           FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      this.working += Number(rows[0].working);
      this.waiting += Number(rows[0].waiting);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops sampling; the share of working sessions found waiting for a row lock, in %. */
  async stop(): Promise<number> {
    this.stopped = true;
    await this.done;
    return round((100 * this.waiting) / Math.max(1, this.working), 0);
  }
}

/**
 * How the run's transfers were grouped: a batch's transfers share their time
 * of posting, and the events one relay transaction published share their time
 * of publishing (both are the transaction's now()).
 */
async function batchingOf(
  pool: Pool,
  tag: string,
): Promise<{ transfersPerBatch: number; eventsPerRelay: number }> {
  const { rows } = await pool.query<{ batch: string; relay: string }>(
    `SELECT (count(*)::float / greatest(1, count(DISTINCT t.created_at)))::text AS batch,
            (count(o.published_at)::float / greatest(1, count(DISTINCT o.published_at)))::text AS relay
       FROM accounting.transfers t
       LEFT JOIN accounting.outbox o ON (o.payload->>'transferId')::uuid = t.id
      WHERE t.idempotency_key LIKE $1`,
    [`%-${tag}-%`],
  );
  return {
    transfersPerBatch: round(Number(rows[0].batch), 1),
    eventsPerRelay: round(Number(rows[0].relay), 1),
  };
}

/** A second accounting copy on the same database, NATS prefix and settings; stopped at the end. */
function startSecondCopy(run: BenchRun): Promise<Suite> {
  return run.startServices(['accounting'], {
    log: (line, service, stream) =>
      say(`  [${service} copy 2${stream === 'stderr' ? ' stderr' : ''}] ${line}`),
  });
}

/** Transfers/s, p99 and CPU per transfer of each side, as medians over its runs, and the targets. */
function copiesSummary(runs: CopiesRun[]) {
  const side = (copies: 1 | 2) => {
    const mine = runs.filter((r) => r.copies === copies);
    const cpu = mine.map((r) => r.cpuSecondsPer1000).filter((c): c is number => c !== null);
    return {
      perSecond: round(median(mine.map((r) => r.perSecond)), 0),
      p99Ms: round(median(mine.map((r) => r.p99Ms)), 1),
      cpuSecondsPer1000: cpu.length === mine.length ? round(median(cpu), 2) : null,
    };
  };
  const one = side(1);
  const two = side(2);
  const ratio = one.perSecond > 0 ? round(two.perSecond / one.perSecond, 2) : null;
  return {
    one,
    two,
    ratio,
    twoCopiesAtLeastOne: ratio === null ? null : ratio >= 1,
    cpuPerTransferNoHigher:
      one.cpuSecondsPer1000 === null || two.cpuSecondsPer1000 === null
        ? null
        : two.cpuSecondsPer1000 <= one.cpuSecondsPer1000,
  };
}

/**
 * The service's figures: a balance read on the empty ledger, transfers at each
 * level of callers, and the same read again once a long history is seeded.
 */
async function serviceFigures(
  m: Measuring,
  suite: Suite,
): Promise<{ levels: Levels; copies: CopiesRun[]; reads: Reads | null }> {
  const { run, rpc } = m;
  say(`making a community and ${SETTINGS.members} members through the gateway`);
  const made = await makeMembers(suite, run.admin, SETTINGS.members);
  const f: Fixtures = { rpc, ...made };

  // Reads on the empty ledger: no transfer has been made yet.
  const readOwner = { type: 'member', id: f.members[0] };
  const readOnce = async () => {
    await rpc.call<AccountViewLike>('accounting.account.get', { owner: readOwner }, RPC_TIMEOUT_MS);
  };
  const empty = await sequentialLatency(readOnce, SETTINGS.reads, SETTINGS.readWarmup);
  say(`balance read on the empty ledger: p50 ${empty.p50Ms} ms, p99 ${empty.p99Ms} ms`);

  say(`funding ${SETTINGS.members} members with ${SETTINGS.fundingPerAccount} minutes each`);
  await fundMembers(f, run.runId);
  const readAccountId = await accountIdOf(rpc, readOwner);
  const otherAccountId = await accountIdOf(rpc, { type: 'member', id: f.members[1] });

  const levels = await measureLevels(
    'service',
    (caller, seq, level) => memberTransfer(m, f, `t${level}`, caller, seq),
    m.sampler,
    m.serviceCpu,
  );
  const copies = await copiesFigures(m, suite, f);
  if (SETTINGS.historyEntries === 0) return { levels, copies, reads: null };

  // The same read after the history is seeded straight into the tables.
  say(`seeding ${SETTINGS.historyEntries.toLocaleString('en')} entries into accounting.entries`);
  const seeding = await seedHistory(m.pool, readAccountId, otherAccountId, SETTINGS.historyEntries);
  say(`seeded ${seeding.entries.toLocaleString('en')} entries in ${seeding.ms} ms`);
  const seeded = await sequentialLatency(readOnce, SETTINGS.reads, SETTINGS.readWarmup);
  say(`balance read with the history: p50 ${seeded.p50Ms} ms, p99 ${seeded.p99Ms} ms`);
  return {
    levels,
    copies,
    reads: { empty, seeded, seeding, ratio: round(seeded.p50Ms / empty.p50Ms, 2) },
  };
}

/** The raw ceiling, with the service idle (still running, still sampled): with and without an outbox row. */
async function rawFigures(m: Measuring): Promise<{ raw: Levels; rawWithOutbox: Levels }> {
  const maxLevel = Math.max(...SETTINGS.levels, 16);
  const raw = new RawLedger(m.run.databaseUrl, maxLevel);
  onCleanUp('close the raw pool', () => raw.end());
  await raw.createOutboxCopy();
  const rawAccounts = await raw.seedAccounts(SETTINGS.members, SETTINGS.fundingPerAccount);
  const rawOp = (outbox: boolean) => async () => {
    const [a, b] = randomPair(rawAccounts.length);
    await raw.transfer(rawAccounts[a], rawAccounts[b], SETTINGS.minutesPerTransfer, { outbox });
  };
  return {
    raw: await measureLevels('raw', rawOp(false), m.sampler, () => null),
    rawWithOutbox: await measureLevels('raw+outbox', rawOp(true), m.sampler, () => null),
  };
}

/** The figures as written to bench/results, with the targets met or missed. */
function ledgerResult(
  m: Measuring,
  postgres: string,
  service: { levels: Levels; copies: CopiesRun[]; reads: Reads | null },
  raw: { raw: Levels; rawWithOutbox: Levels },
  check: { total: number; mismatched: number },
) {
  const { reads } = service;
  const ratios = SETTINGS.levels.map((concurrency) => {
    const s = service.levels.find((l) => l.concurrency === concurrency);
    const r = raw.raw.find((l) => l.concurrency === concurrency);
    return {
      concurrency,
      ratio: s && r && r.perSecond > 0 ? round(s.perSecond / r.perSecond, 2) : null,
    };
  });
  const memory = {
    peakRssMb: round(m.sampler.peakMb, 1),
    vmHwmMb: round(m.sampler.hwmMb, 1),
    samples: m.sampler.samples,
    everyMs: 100,
  };
  const at64 = ratios.find((r) => r.concurrency === 64)?.ratio ?? null;
  const copies = copiesSummary(service.copies);
  return {
    ...m.run.facts({
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      postgres,
    }),
    settings: { ...SETTINGS, transferKind: 'service' },
    service: service.levels,
    raw: raw.raw,
    rawWithOutbox: raw.rawWithOutbox,
    ratioServiceToRaw: ratios,
    copies: { callers: SETTINGS.copiesCallers, runs: service.copies, ...copies },
    reads: reads && {
      subject: 'accounting.account.get',
      historyEntries: reads.seeding.entries,
      historyOnReadAccount: true,
      seedingMs: reads.seeding.ms,
      emptyP50Ms: reads.empty.p50Ms,
      emptyP99Ms: reads.empty.p99Ms,
      seededP50Ms: reads.seeded.p50Ms,
      seededP99Ms: reads.seeded.p99Ms,
      ratio: reads.ratio,
    },
    memory,
    ledgerCheck: check,
    targets: {
      ratioAt64AtLeast1: at64 === null ? null : at64 >= 1,
      readsWithin1_5x: reads ? reads.ratio <= 1.5 : null,
      memoryUnder250Mb: SETTINGS.rawOnly ? null : memory.vmHwmMb < 250,
      booksBalance: check.total === 0 && check.mismatched === 0,
      twoCopiesAtLeastOne: copies.twoCopiesAtLeastOne,
      twoCopiesCpuPerTransferNoHigher: copies.cpuPerTransferNoHigher,
    },
  };
}

async function main(): Promise<void> {
  const run = new BenchRun(
    'ledger',
    'before the start: other work on the machine skews the figures',
  );
  say(
    `ledger bench ${run.runId}: database ${new URL(run.databaseUrl).pathname.slice(1)}, prefix ${run.prefix}`,
  );
  await run.createDatabase();
  const suite = await startLedgerServices(run);
  // launchSuite resolved once each service answered; the gateway's /health would
  // also want requests and rewards, which this bench does not run.

  const sampler = new MemorySampler(() => suite.pid('accounting'), 100);
  sampler.start();
  onCleanUp('stop the memory sampler', async () => sampler.stop());
  const serviceCpu = () => cpuSeconds(suite.pid('accounting'));
  const { pool, postgres } = await run.openPool();
  const rpc = await RpcClient.connect(run.natsUrl, run.prefix);
  onCleanUp('close NATS', () => rpc.close());
  const m: Measuring = { run, rpc, pool, sampler, serviceCpu };

  const service = SETTINGS.rawOnly
    ? { levels: [], copies: [], reads: null }
    : await serviceFigures(m, suite);
  const raw = await rawFigures(m);
  const check = await ledgerCheck(pool);
  sampler.stop();

  const result = ledgerResult(m, postgres, service, raw, check);
  printTable(result);
  if (result.copies.runs.length > 0) printCopies(result.copies);
  run.writeResult(result, '\n');
}

// ---- the table ----

type Result = {
  machine: { cpus: number; postgres: string; node: string; loadAverageAtStart: number[] };
  service: Array<LevelResult & { serviceCpuPercent: number | null; machineBusyPercent: number }>;
  raw: Array<LevelResult & { machineBusyPercent: number }>;
  rawWithOutbox: Array<LevelResult & { machineBusyPercent: number }>;
  ratioServiceToRaw: Array<{ concurrency: number; ratio: number | null }>;
  reads: {
    historyEntries: number;
    emptyP50Ms: number;
    seededP50Ms: number;
    ratio: number;
  } | null;
  copies: ReturnType<typeof copiesSummary> & { callers: number; runs: CopiesRun[] };
  memory: { peakRssMb: number; vmHwmMb: number; samples: number };
  ledgerCheck: { total: number; mismatched: number };
};

function printTable(r: Result): void {
  const pad = (v: string | number | null | undefined, n: number) => String(v ?? '-').padStart(n);
  const row = (cells: Array<[string | number, number]>) =>
    cells.map(([v, n]) => pad(v, n)).join(' ');
  say('');
  say(
    `Ledger bench — ${r.machine.cpus} cores, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}, ` +
      `load average at start ${r.machine.loadAverageAtStart.join(' ')}`,
  );
  say(
    row([
      ['what'.padEnd(22), 22],
      ['callers', 7],
      ['transfers/s', 11],
      ['p50 ms', 8],
      ['p99 ms', 8],
      ['ok', 7],
      ['failed', 6],
      ['svc CPU%', 8],
      ['busy%', 6],
    ]),
  );
  const lines: Array<
    [string, LevelResult & { serviceCpuPercent?: number | null; machineBusyPercent?: number }]
  > = [];
  for (const level of r.ratioServiceToRaw.map((x) => x.concurrency)) {
    const s = r.service.find((l) => l.concurrency === level);
    const raw = r.raw.find((l) => l.concurrency === level);
    const rawOutbox = r.rawWithOutbox.find((l) => l.concurrency === level);
    if (s) lines.push(['service over NATS', s]);
    if (raw) lines.push(['raw PG, one transfer', raw]);
    if (rawOutbox) lines.push(['raw PG + outbox row', rawOutbox]);
  }
  let last = 0;
  for (const [what, l] of lines) {
    if (l.concurrency !== last && last !== 0) {
      const ratio = r.ratioServiceToRaw.find((x) => x.concurrency === last)?.ratio;
      say(`${'  ratio service/raw'.padEnd(22)} ${pad(last, 7)} ${pad(ratio, 11)}`);
      say('');
    }
    last = l.concurrency;
    say(
      row([
        [what.padEnd(22), 22],
        [l.concurrency, 7],
        [l.perSecond, 11],
        [l.p50Ms, 8],
        [l.p99Ms, 8],
        [l.ok, 7],
        [l.failed, 6],
        [l.serviceCpuPercent ?? '', 8],
        [l.machineBusyPercent ?? '', 6],
      ]),
    );
  }
  if (last !== 0) {
    const ratio = r.ratioServiceToRaw.find((x) => x.concurrency === last)?.ratio;
    say(
      `${'  ratio service/raw'.padEnd(22)} ${pad(last, 7)} ${pad(ratio, 11)}   (target at 64: ≥ 1.0)`,
    );
  }
  say('svc CPU%: the accounting process; busy%: the whole machine (100 = all cores busy)');
  say('');
  if (r.reads) {
    say(
      `balance read (accounting.account.get) p50: empty ledger ${r.reads.emptyP50Ms} ms, ` +
        `with ${r.reads.historyEntries.toLocaleString('en')} entries ${r.reads.seededP50Ms} ms, ` +
        `ratio ${r.reads.ratio} (target ≤ 1.5)`,
    );
  }
  say(
    `accounting service memory: peak VmRSS ${r.memory.peakRssMb} MB over ${r.memory.samples} samples, ` +
      `VmHWM ${r.memory.vmHwmMb} MB (target < 250 MB)`,
  );
  say(
    `books after the run: sum of balances ${r.ledgerCheck.total}, ` +
      `${r.ledgerCheck.mismatched} account(s) whose balance differs from its entries`,
  );
}

/** The copies section: each run in the order measured, then the medians and the targets. */
function printCopies(c: Result['copies']): void {
  const pad = (v: string | number | null | undefined, n: number) => String(v ?? '-').padStart(n);
  const widths = [6, 11, 8, 6, 6, 7, 6, 6, 6, 6];
  const row = (cells: Array<string | number | null>) =>
    cells.map((v, i) => pad(v, widths[i])).join(' ');
  say(
    `Accounting copies: the same transfers at ${c.callers} callers, one copy and two, alternating`,
  );
  say(
    row([
      'copies',
      'transfers/s',
      'p99 ms',
      'failed',
      'CPU s',
      'commits',
      'lock%',
      'batch',
      'relay',
      'busy%',
    ]),
  );
  for (const r of c.runs) {
    say(
      row([
        r.copies,
        r.perSecond,
        r.p99Ms,
        r.failed,
        r.cpuSecondsPer1000,
        r.commitsPer1000,
        r.rowLockWaitPercent,
        r.transfersPerBatch,
        r.eventsPerRelay,
        r.machineBusyPercent,
      ]),
    );
  }
  say("CPU s: the copies' user + system CPU seconds per 1,000 transfers; commits: database");
  say('commits per 1,000 transfers (all services); lock%: working database sessions found waiting');
  say(
    'for a row lock; batch: transfers per ledger transaction; relay: events per relay transaction',
  );
  const met = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
  say(
    `medians: one copy ${c.one.perSecond}/s (p99 ${c.one.p99Ms} ms, ${c.one.cpuSecondsPer1000} CPU s), ` +
      `two copies ${c.two.perSecond}/s (p99 ${c.two.p99Ms} ms, ${c.two.cpuSecondsPer1000} CPU s)`,
  );
  say(`target 2 copies ≥ 1.0× one copy: ratio ${c.ratio}, ${met(c.twoCopiesAtLeastOne)}`);
  say(
    `target CPU per transfer of two copies no higher than one's: ${met(c.cpuPerTransferNoHigher)}`,
  );
  say('');
}

runBench('ledger', main);
