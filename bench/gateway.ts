/**
 * `npm run bench:gateway`: what the gateway's hot path costs, against bare
 * references measured in the same sitting, in alternating rounds (the order
 * flipped each round) so a busy machine weighs on both alike:
 *  (a) GET /accounts/me at 64 connections vs a bare Fastify → NATS → responder
 *      echo (support/echo-server.ts, a child process on the run's prefix);
 *  (b) gifts (POST /transfers) through the gateway at 64 callers vs the ledger
 *      over NATS alone (accounting.transfer.create, as bench:ledger sends it);
 *  (c) confirm → credited at 40 concurrent flows: POST /requests/:id/confirm
 *      until accounting.transfer.posted for that request arrives on a plain
 *      NATS subscription to the run's prefix (JetStream publishes are seen there).
 * Each turn starts once the services have consumed every event so far (no turn
 * pays for the gifts' notifications of the one before), and each operation's
 * CPU is split by process: the services, PostgreSQL, NATS and this driver.
 * First, in this process, the cost of one token check with the secret as a
 * string and as a secret KeyObject (apps/gateway/src/auth/jwt-options.ts).
 * Runs on a database and NATS prefix of its own (support/run.ts), services from
 * dist/ (npm run build) at LOG_LEVEL=info, as in production. Prints the figures
 * and whether each target is met; a miss does not fail the run.
 *
 * Options: --rounds N (default 3), --seconds N (per turn, default 5),
 * --connections N (default 64), --callers N (gifts, default 64), --flows N
 * (default 40), --log-level L (default info), --cpu-prof DIR (the gateway,
 * accounting and requests each write a V8 CPU profile under it; their top frames
 * are printed at the end), --root DIR
 * (run the services of another checkout's dist/, e.g. the commit before a change).
 */
import { fork } from 'node:child_process';
import { createSecretKey } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { connect, JetStreamManager, StringCodec } from 'nats';
import { completedRequest, login, Neighbours, register, SignedIn } from '../test/support/fixtures';
import { apiFor, ok } from '../test/support/http';
import { onCleanUp, runBench } from './support/clean-up';
import { RpcClient } from './support/env';
import { HttpLoad } from './support/http-load';
import { BenchRun, intOption, option, say } from './support/run';
import { LevelResult, median, percentile, round, runLevel } from './support/stats';
import { cpuSeconds, cpuSecondsOf, CpuParts, CpuPerOperation } from './support/cpu';
import { inParallel } from './support/http';

const SETTINGS = {
  rounds: intOption('rounds', 3, 1, 20),
  seconds: intOption('seconds', 5, 1, 60),
  connections: intOption('connections', 64, 1, 512),
  callers: intOption('callers', 64, 1, 512),
  flows: intOption('flows', 40, 1, 200),
  logLevel: option('log-level', 'info'),
  cpuProf: option('cpu-prof', ''),
  root: option('root', ''),
  giftMembers: 64,
  creditsPerMember: 100_000,
  requestMinutes: 10,
};
const TARGETS = { meToEcho: 0.5, giftsToLedger: 0.8, confirmP99Ms: 300 };
/** The services `--cpu-prof` profiles, the hot path's three. */
const PROFILED = ['gateway', 'accounting', 'requests'] as const;

const API = '/api/v1';

// ---- one token check, string secret vs KeyObject ----

function verifyCost(): { stringUs: number; keyObjectUs: number } {
  const secret = `bench-${'x'.repeat(40)}`;
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const options = { issuer: 'timebank', algorithms: ['HS256' as const] };
  const token = jwt.sign({ sub: 'member', ver: 1, sid: 'session' }, key, {
    issuer: 'timebank',
    algorithm: 'HS256',
    expiresIn: 900,
  });
  const per = (secretOrKey: string | typeof key, n: number) => {
    for (let i = 0; i < 200; i++) jwt.verify(token, secretOrKey, options);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) jwt.verify(token, secretOrKey, options);
    return round(((performance.now() - t0) * 1000) / n, 1);
  };
  return { stringUs: per(secret, 2000), keyObjectUs: per(key, 20_000) };
}

// ---- the echo reference ----

async function startEcho(run: BenchRun): Promise<string> {
  const child = fork(path.join(__dirname, 'support', 'echo-server.ts'), [], {
    env: { ...process.env, ECHO_NATS_URL: run.natsUrl, ECHO_PREFIX: run.prefix },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  onCleanUp('stop the echo server', async () => {
    if (child.connected) child.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the echo server exited (${code})`)));
  });
  return `http://127.0.0.1:${port}`;
}

// ---- fixtures ----

interface Fixtures {
  reader: SignedIn;
  givers: SignedIn[];
  casts: Neighbours[];
  toConfirm: Array<{ id: string; cast: Neighbours }>;
}

/**
 * One community, funded; members with credits who give (and one whose account
 * is read); `flows` residents each with a volunteer, and their completed
 * requests to confirm, `rounds` of them each.
 */
async function prepare(run: BenchRun, baseUrl: string): Promise<Fixtures> {
  const api = apiFor(baseUrl);
  // In production the bootstrap admin's password must be changed before anything else.
  const first = await login(run.admin.login, run.admin.password, api);
  const password = `${run.admin.password}-changed`;
  ok(
    await api('POST', '/me/password', {
      token: first,
      body: { currentPassword: run.admin.password, newPassword: password },
    }),
    204,
    'change the admin password',
  );
  const admin = await login(run.admin.login, password, api);
  const code = `bench${run.runId}`;
  const community = ok<Neighbours['community']>(
    await api('POST', '/communities', {
      token: admin,
      body: { code, name: `Bench ${code}`, gridUnits: [{ code: 'G1', name: 'Grid 1' }] },
    }),
    201,
    'community',
  );
  const needed =
    SETTINGS.giftMembers * SETTINGS.creditsPerMember +
    SETTINGS.flows * SETTINGS.rounds * SETTINGS.requestMinutes * 2;
  ok(
    await api('POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      body: { minutes: needed },
    }),
    201,
    'fund',
  );
  const credit = async (member: SignedIn, minutes: number): Promise<void> => {
    ok(
      await api('POST', `/members/${member.member.id}/adjustments`, {
        token: admin,
        body: { minutes, reason: 'bench' },
      }),
      201,
      'credit',
    );
  };
  const givers: SignedIn[] = new Array<SignedIn>(SETTINGS.giftMembers);
  await inParallel(SETTINGS.giftMembers, 4, async (i) => {
    givers[i] = await register(community.id, {}, api);
    await credit(givers[i], SETTINGS.creditsPerMember);
  });
  const casts: Neighbours[] = new Array<Neighbours>(SETTINGS.flows);
  await inParallel(SETTINGS.flows, 4, async (i) => {
    const resident = await register(community.id, {}, api);
    await credit(resident, SETTINGS.rounds * SETTINGS.requestMinutes * 2);
    const volunteer = await register(community.id, { roles: ['volunteer'] }, api);
    casts[i] = { community, coordinator: resident, resident, volunteer };
  });
  const toConfirm: Fixtures['toConfirm'] = [];
  await inParallel(SETTINGS.flows * SETTINGS.rounds, 4, async (i) => {
    const cast = casts[i % SETTINGS.flows];
    toConfirm.push({ id: await completedRequest(cast, SETTINGS.requestMinutes, api), cast });
  });
  return { reader: givers[0], givers, casts, toConfirm };
}

// ---- measuring ----

type Turn = LevelResult & {
  gatewayCpuPercent: number;
  machineCpuMsPerOp: number;
  /** The machine's CPU per operation, by process. */
  cpu: CpuPerOperation;
};

class Series {
  readonly turns: Turn[] = [];
  constructor(readonly label: string) {}

  add(turn: Turn): void {
    this.turns.push(turn);
    say(
      `  ${this.label}: ${turn.perSecond}/s, p50 ${turn.p50Ms} ms, p99 ${turn.p99Ms} ms, ` +
        `${turn.failed} failed, gateway CPU ${turn.gatewayCpuPercent} %, ` +
        `machine CPU ${turn.machineCpuMsPerOp} ms each` +
        (turn.failed ? ` ${JSON.stringify(turn.failures)}` : ''),
    );
  }

  /** The median of the rounds' rates and p99s (rounds alternate, so the median is the fair one). */
  get perSecond(): number {
    return median(this.turns.map((t) => t.perSecond));
  }

  get p99Ms(): number {
    return median(this.turns.map((t) => t.p99Ms));
  }
}

async function measure(
  op: () => Promise<unknown>,
  concurrency: number,
  cpuParts: CpuParts,
): Promise<Turn> {
  const before = cpuParts.snapshot();
  const result = await runLevel(async () => void (await op()), {
    concurrency,
    seconds: SETTINGS.seconds,
  });
  const after = cpuParts.snapshot();
  const cpu = CpuParts.perOperation(before, after, result.ok);
  const gatewayMs = cpu.partsMs.gateway;
  return {
    ...result,
    gatewayCpuPercent:
      gatewayMs === undefined ? NaN : round((gatewayMs * result.ok) / result.seconds / 10, 0),
    machineCpuMsPerOp: cpu.machineMs,
    cpu,
  };
}

/** Two-element pairs in alternating order: [a, b], [b, a], [a, b] ... */
function alternate<T>(turn: number, a: T, b: T): T[] {
  return turn % 2 === 0 ? [a, b] : [b, a];
}

/**
 * Waits until every consumer of the run's streams has caught up (nothing
 * pending, nothing unacknowledged), so that no turn pays for the events the one
 * before left behind (a gift's notifications, a payment's service record).
 * Returns how long that took, in ms.
 */
async function settle(jsm: JetStreamManager, prefix: string): Promise<number> {
  const started = performance.now();
  const limitMs = 60_000;
  for (;;) {
    let behind = 0;
    for await (const stream of jsm.streams.list()) {
      const name = stream.config.name;
      if (!name.toLowerCase().startsWith(prefix.toLowerCase())) continue;
      for await (const consumer of jsm.consumers.list(name)) {
        behind += consumer.num_pending + consumer.num_ack_pending;
      }
    }
    const waited = performance.now() - started;
    if (behind === 0) return waited;
    if (waited > limitMs) {
      say(`  (${behind} events still unconsumed after ${limitMs / 1000} s: measuring anyway)`);
      return waited;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A plain NATS subscription to one event (JetStream publishes are seen there): when the
 * event of each reference came. Resolves at once for one already seen.
 */
async function eventWatch<T>(
  run: BenchRun,
  subject: string,
  referenceOf: (data: T) => string | undefined,
) {
  const nc = await connect({ servers: run.natsUrl.split(','), name: 'timebank-bench-watch' });
  onCleanUp('close the watch', () => nc.close());
  const codec = StringCodec();
  const waiting = new Map<string, (at: number) => void>();
  const seen = new Map<string, number>();
  nc.subscribe(`${run.prefix}.${subject}`, {
    callback: (error, msg) => {
      if (error) return;
      const at = performance.now();
      const event = JSON.parse(codec.decode(msg.data)) as { data?: T };
      const reference = event.data ? referenceOf(event.data) : undefined;
      if (!reference) return;
      const resolve = waiting.get(reference);
      if (resolve) resolve(at);
      else seen.set(reference, at);
    },
  });
  await nc.flush();
  return (reference: string, timeoutMs: number) =>
    new Promise<number>((resolve, reject) => {
      const early = seen.get(reference);
      if (early !== undefined) return resolve(early);
      const timer = setTimeout(() => reject(new Error(`${reference}: not credited`)), timeoutMs);
      waiting.set(reference, (at) => {
        clearTimeout(timer);
        waiting.delete(reference);
        resolve(at);
      });
    });
}

// ---- the run ----

interface Rig {
  suite: Awaited<ReturnType<BenchRun['startServices']>>;
  echoUrl: string;
  rpc: RpcClient;
  /** When the request's hours-verified event left requests, and its transfer-posted left accounting. */
  verified: Awaited<ReturnType<typeof eventWatch>>;
  credited: Awaited<ReturnType<typeof eventWatch>>;
  /** The machine's CPU by process: the services, PostgreSQL, NATS and this driver. */
  cpuParts: CpuParts;
  /** Waits until the services have consumed every event so far; how long, in ms. */
  settle: () => Promise<number>;
  profileDir: string;
}

/** The suite (at LOG_LEVEL=info unless told), the echo, an RPC client and the credited watch. */
async function startRig(run: BenchRun): Promise<Rig> {
  await run.createDatabase();
  const profileDir = SETTINGS.cpuProf ? path.resolve(SETTINGS.cpuProf) : '';
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const suite = await run.startServices(['volunteers', 'accounting', 'requests', 'gateway'], {
    env: {
      LOG_LEVEL: SETTINGS.logLevel,
      AUTH_LIMIT_PER_ADDRESS: '100000',
      SIGN_IN_FAILURES_PER_ADDRESS: '100000',
    },
    serviceEnv: profileDir
      ? Object.fromEntries(
          PROFILED.map((service) => {
            mkdirSync(path.join(profileDir, service), { recursive: true });
            const env = {
              NODE_OPTIONS: `--require ${path.join(__dirname, 'support', 'cpu-profile.js')}`,
              CPU_PROFILE_DIR: path.join(profileDir, service),
            };
            return [service, env];
          }),
        )
      : undefined,
    root: SETTINGS.root ? path.resolve(SETTINGS.root) : undefined,
    // The info lines are read and dropped, as a log shipper would; warnings and errors are shown.
    log: (line, service, stream) => {
      if (measuring && (stream === 'stderr' || /"level":"(warn|error|fatal)"/.test(line))) {
        warnings += 1;
        if (warnings <= 10) say(`  [${service}] ${line.slice(0, 400)}`);
        else if (warnings === 11) say('  (further warnings counted, not shown)');
      }
    },
  });
  const echoUrl = await startEcho(run);
  const rpc = await RpcClient.connect(run.natsUrl, run.prefix);
  onCleanUp('close NATS', () => rpc.close());
  const nc = await connect({ servers: run.natsUrl.split(','), name: 'timebank-bench-settle' });
  onCleanUp('close the settling connection', () => nc.close());
  const jsm = await nc.jetstreamManager();
  const verified = await eventWatch<{ details?: { source: string; sourceId: string } }>(
    run,
    'requests.hours.verified',
    (data) => data.details && `${data.details.source}:${data.details.sourceId}`,
  );
  const credited = await eventWatch<{ reference?: string }>(
    run,
    'accounting.transfer.posted',
    (data) => data.reference,
  );
  return {
    suite,
    echoUrl,
    rpc,
    verified,
    credited,
    settle: () => settle(jsm, run.prefix),
    cpuParts: new CpuParts({
      ...Object.fromEntries(
        (['gateway', 'requests', 'accounting', 'volunteers'] as const).map((service) => [
          service,
          () => cpuSeconds(suite.pid(service)),
        ]),
      ),
      PostgreSQL: () => cpuSecondsOf('postgres'),
      NATS: () => cpuSecondsOf('nats-server'),
      'this driver': () => cpuSeconds(process.pid),
    }),
    profileDir,
  };
}

/** Warnings and errors the services wrote while measured (not those of stopping them). */
let warnings = 0;
let measuring = true;

type Op = () => Promise<unknown>;

/** The four measured operations, on keep-alive HTTP agents closed at the end. */
function operations(run: BenchRun, f: Fixtures, rig: Rig) {
  const gatewayLoad = HttpLoad.of(
    rig.suite.baseUrl,
    Math.max(SETTINGS.connections, SETTINGS.callers),
  );
  const echoLoad = HttpLoad.of(rig.echoUrl, SETTINGS.connections);
  onCleanUp('close the HTTP agents', async () => {
    gatewayLoad.close();
    echoLoad.close();
  });
  let seq = 0;
  const pair = () => {
    const a = Math.floor(Math.random() * f.givers.length);
    let b = Math.floor(Math.random() * (f.givers.length - 1));
    if (b >= a) b += 1;
    return [f.givers[a], f.givers[b]];
  };
  const readMe: Op = () =>
    gatewayLoad.call('GET', `${API}/accounts/me`, 200, {
      authorization: `Bearer ${f.reader.token}`,
    });
  const echo: Op = () => echoLoad.call('GET', `${API}/echo`, 200);
  const gift: Op = () => {
    const [from, to] = pair();
    return gatewayLoad.call(
      'POST',
      `${API}/transfers`,
      201,
      { authorization: `Bearer ${from.token}`, 'idempotency-key': `${run.runId}-g-${++seq}` },
      { toMemberId: to.member.id, minutes: 1, memo: 'bench' },
    );
  };
  const ledger: Op = () => {
    const [from, to] = pair();
    const command = {
      idempotencyKey: `${run.runId}-l-${++seq}`,
      kind: 'service',
      from: { type: 'member', id: from.member.id },
      to: { type: 'member', id: to.member.id },
      minutes: 1,
      memo: 'bench',
    };
    return rig.rpc.call('accounting.transfer.create', command, 15_000);
  };
  return { readMe, echo, gift, ledger, gatewayLoad };
}

/** Per flow, from the confirm's start: answered, hours-verified event out, transfer posted. */
interface Confirms {
  credited: number[];
  answered: number[];
  verified: number[];
  /** Per round: the whole machine's CPU time per flow (every service, PostgreSQL, NATS, this driver). */
  machineCpuMsPerFlow: number[];
  /** Per round: the same, by process. */
  cpuPerFlow: CpuPerOperation[];
  failed: number;
}

/** `batch` confirmations at once, each timed until its transfer-posted event arrives. */
async function confirmRound(
  batch: Fixtures['toConfirm'],
  load: HttpLoad,
  rig: Rig,
  out: Confirms,
): Promise<void> {
  const credited: number[] = [];
  const before = rig.cpuParts.snapshot();
  await Promise.all(
    batch.map(async ({ id, cast }) => {
      const t0 = performance.now();
      try {
        await load.call(
          'POST',
          `${API}/requests/${id}/confirm`,
          200,
          { authorization: `Bearer ${cast.resident.token}` },
          { rating: 5 },
        );
        out.answered.push(performance.now() - t0);
        const [verifiedAt, creditedAt] = await Promise.all([
          rig.verified(`request:${id}`, 30_000),
          rig.credited(`request:${id}`, 30_000),
        ]);
        out.verified.push(verifiedAt - t0);
        credited.push(creditedAt - t0);
      } catch (error) {
        out.failed += 1;
        say(`  confirm failed: ${(error as Error).message}`);
      }
    }),
  );
  // Every flow credited by now: what the whole machine spent on each, from confirm to credit.
  const cpu = CpuParts.perOperation(before, rig.cpuParts.snapshot(), credited.length);
  out.machineCpuMsPerFlow.push(cpu.machineMs);
  out.cpuPerFlow.push(cpu);
  out.credited.push(...credited);
  credited.sort((a, b) => a - b);
  say(
    `  confirm → credited, ${batch.length} flows at once: p50 ${round(percentile(credited, 50), 1)} ms, ` +
      `p99 ${round(percentile(credited, 99), 1)} ms`,
  );
}

/** Settles before a turn; says so when the events of the turn before took a while. */
async function settled(rig: Rig): Promise<void> {
  const waitedMs = await rig.settle();
  if (waitedMs > 1000)
    say(`  (${round(waitedMs / 1000, 1)} s until the events so far were consumed)`);
}

const loadNow = () =>
  os
    .loadavg()
    .map((l) => round(l, 2))
    .join(' ');

async function main(): Promise<void> {
  const run = new BenchRun(
    'gateway',
    'before the start: other work on the machine skews the figures',
  );
  say(
    `gateway bench ${run.runId}: prefix ${run.prefix}, LOG_LEVEL=${SETTINGS.logLevel}` +
      (SETTINGS.root ? `, services from ${SETTINGS.root}/dist` : ''),
  );
  const verify = verifyCost();
  say(
    `one token check (jsonwebtoken.verify, HS256): secret as a string ${verify.stringUs} µs, ` +
      `as a secret KeyObject ${verify.keyObjectUs} µs`,
  );
  const rig = await startRig(run);
  say('preparing: a community, members with credits, completed requests to confirm');
  const f = await prepare(run, rig.suite.baseUrl);
  const ops = operations(run, f, rig);

  say(`warm-up: 2 s of each at 16 callers`);
  for (const op of [ops.readMe, ops.echo, ops.gift, ops.ledger]) {
    await runLevel(async () => void (await op()), { concurrency: 16, seconds: 2 });
  }
  const series = {
    me: new Series('GET /accounts/me'),
    echo: new Series('Fastify → NATS echo'),
    gifts: new Series('gifts via gateway'),
    ledger: new Series('ledger over NATS'),
  };
  const confirms: Confirms = {
    credited: [],
    answered: [],
    verified: [],
    machineCpuMsPerFlow: [],
    cpuPerFlow: [],
    failed: 0,
  };
  for (let r = 0; r < SETTINGS.rounds; r++) {
    say(`round ${r + 1} of ${SETTINGS.rounds} (load average ${loadNow()})`);
    const pairs: Array<[Series, Op, number]> = [
      ...alternate<[Series, Op, number]>(
        r,
        [series.me, ops.readMe, SETTINGS.connections],
        [series.echo, ops.echo, SETTINGS.connections],
      ),
      ...alternate<[Series, Op, number]>(
        r,
        [series.gifts, ops.gift, SETTINGS.callers],
        [series.ledger, ops.ledger, SETTINGS.callers],
      ),
    ];
    for (const [s, op, concurrency] of pairs) {
      await settled(rig);
      s.add(await measure(op, concurrency, rig.cpuParts));
    }
    await settled(rig);
    await confirmRound(f.toConfirm.splice(0, SETTINGS.flows), ops.gatewayLoad, rig, confirms);
  }
  measuring = false;
  report(run, verify, series, confirms);
  if (rig.profileDir) {
    for (const service of PROFILED) {
      await rig.suite.stopService(service);
      printProfile(service, path.join(rig.profileDir, service));
    }
  }
}

/** The figures, the ratios and whether each target is met; written to bench/results. */
function report(
  run: BenchRun,
  verify: ReturnType<typeof verifyCost>,
  series: Record<'me' | 'echo' | 'gifts' | 'ledger', Series>,
  confirms: Confirms,
): void {
  const credited = [...confirms.credited].sort((a, b) => a - b);
  const answered = [...confirms.answered].sort((a, b) => a - b);
  const verified = [...confirms.verified].sort((a, b) => a - b);
  const confirm = {
    flows: SETTINGS.flows,
    credited: credited.length,
    failed: confirms.failed,
    creditedP50Ms: round(percentile(credited, 50), 1),
    creditedP99Ms: round(percentile(credited, 99), 1),
    answeredP50Ms: round(percentile(answered, 50), 1),
    answeredP99Ms: round(percentile(answered, 99), 1),
    verifiedP50Ms: round(percentile(verified, 50), 1),
    verifiedP99Ms: round(percentile(verified, 99), 1),
    machineCpuMsPerFlow: median(confirms.machineCpuMsPerFlow),
    cpuPerFlow: confirms.cpuPerFlow,
  };
  const ratios = {
    meToEcho: round(series.me.perSecond / series.echo.perSecond, 3),
    giftsToLedger: round(series.gifts.perSecond / series.ledger.perSecond, 3),
  };
  const targets = {
    meToEcho: ratios.meToEcho >= TARGETS.meToEcho,
    giftsToLedger: ratios.giftsToLedger >= TARGETS.giftsToLedger,
    confirmP99: confirm.creditedP99Ms < TARGETS.confirmP99Ms && confirm.failed === 0,
  };
  const mark = (met: boolean) => (met ? 'met' : 'MISSED');
  say('');
  say(
    `Gateway bench — ${os.cpus().length} cores, Node ${process.version}, LOG_LEVEL=${SETTINGS.logLevel}, ` +
      `${SETTINGS.rounds} alternating rounds of ${SETTINGS.seconds} s, medians of the rounds; ` +
      `load average at start ${run.loadAtStart.join(' ')}, now ${loadNow()}`,
  );
  const line = (s: Series, unit: string) =>
    say(
      `  ${s.label.padEnd(22)} ${String(s.perSecond).padStart(7)} ${unit}  p99 ${String(s.p99Ms).padStart(8)} ms  ` +
        `gateway CPU ${median(s.turns.map((t) => t.gatewayCpuPercent))} %  ` +
        `machine CPU ${median(s.turns.map((t) => t.machineCpuMsPerOp))} ms each\n` +
        `      by process (ms each): ${CpuParts.describe(s.turns.map((t) => t.cpu))}`,
    );
  if (warnings > 0) say(`the services wrote ${warnings} warnings or errors during the run`);
  say(`(a) ${SETTINGS.connections} connections`);
  line(series.me, 'rps ');
  line(series.echo, 'rps ');
  say(`    ratio ${ratios.meToEcho} (target ≥ ${TARGETS.meToEcho}): ${mark(targets.meToEcho)}`);
  say(`(b) ${SETTINGS.callers} callers`);
  line(series.gifts, 'tr/s');
  line(series.ledger, 'tr/s');
  say(
    `    ratio ${ratios.giftsToLedger} (target ≥ ${TARGETS.giftsToLedger}): ${mark(targets.giftsToLedger)}`,
  );
  say(
    `(c) confirm → credited, ${SETTINGS.flows} flows at once × ${SETTINGS.rounds}: ` +
      `p50 ${confirm.creditedP50Ms} ms, p99 ${confirm.creditedP99Ms} ms ` +
      `(the confirm answered: p50 ${confirm.answeredP50Ms} ms, p99 ${confirm.answeredP99Ms} ms; ` +
      `its hours-verified event out: p50 ${confirm.verifiedP50Ms} ms, p99 ${confirm.verifiedP99Ms} ms; ` +
      `machine CPU ${confirm.machineCpuMsPerFlow} ms per flow), ` +
      `${confirm.failed} failed; target p99 < ${TARGETS.confirmP99Ms} ms: ${mark(targets.confirmP99)}`,
  );
  say(`      by process (ms per flow): ${CpuParts.describe(confirms.cpuPerFlow)}`);
  run.writeResult({
    ...run.facts({ cpus: os.cpus().length, node: process.version }),
    settings: SETTINGS,
    tokenCheckUs: verify,
    me: series.me.turns,
    echo: series.echo.turns,
    gifts: series.gifts.turns,
    ledgerOverNats: series.ledger.turns,
    confirm,
    ratios,
    targets,
    serviceWarnings: warnings,
  });
}

/** The top frames by self time of the newest CPU profile in `dir`. */
function printProfile(service: string, dir: string): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.cpuprofile'))
    .sort();
  if (files.length === 0) {
    say(`no CPU profile in ${dir}`);
    return;
  }
  const file = path.join(dir, files[files.length - 1]);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: Array<{
      callFrame: { functionName: string; url: string; lineNumber: number };
      hitCount: number;
    }>;
  };
  const byFrame = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + node.hitCount);
    total += node.hitCount;
  }
  say(`\n${service}: top frames by self time, of its busy samples (${file}):`);
  for (const [frame, hits] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    say(
      `  ${round((100 * hits) / total, 1)
        .toFixed(1)
        .padStart(5)} %  ${frame}`,
    );
  }
}

runBench('gateway', main);
