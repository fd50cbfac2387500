/**
 * `npm run bench:telemetry`: what the observability features cost per request.
 *
 * Two private suites run side by side from dist/:
 *  - A, observed: every process sends its spans by OTLP/HTTP
 *    (OTEL_EXPORTER_OTLP_ENDPOINT, the default batching) to a sink in this
 *    process, and the gateway's and each backend's GET /metrics (METRICS_PORT,
 *    one port each, as in docker-compose.yml) are read every second;
 *  - B, the baseline: no exporter, no scraping. Trace ids are still made (spans
 *    are not recorded) and metrics still counted there: that is what the
 *    product does without them.
 * They are measured in alternating rounds (the order flipped each round), so
 * a busy machine weighs on both alike: sequential GET /accounts/me (p50/p99),
 * the same route with CALLERS concurrent callers (requests per second), and a
 * request confirmation (p50), a write that crosses requests, accounting and
 * volunteers by request–reply and events. A is scraped only during its own
 * turns, so the scrapes' work falls on A's figures, not on B's. At the end the
 * suites stop (a stopping service sends the spans it still holds) and the bench
 * prints the spans the sink received and the scrapes done.
 */
import os from 'node:os';
import { adminToken, completedRequest, neighbours } from '../test/support/fixtures';
import { api, ApiOptions, HttpMethod, ok } from '../test/support/http';
import { OtlpReceiver } from '../test/support/otlp';
import { freePort, startPrivateSuite, StartSuiteOptions, TestSuite } from '../test/support/suite';
import { cleanUp, onCleanUp, runBench } from './support/clean-up';
import { percentile, round, runLevel } from './support/stats';

const ROUNDS = 5;
const READS_PER_ROUND = 300;
const CALLERS = 16;
const LOAD_SECONDS = 5;
const CONFIRMS_PER_ROUND = 10;
const SCRAPE_EVERY_MS = 1000;
/** Minutes each confirmed request holds and pays. */
const REQUEST_MINUTES = 10;
/** Completed requests prepared at once, so preparing a few hundred calls takes seconds. */
const PREPARE_CONCURRENCY = 4;

const SERVICES = ['gateway', 'volunteers', 'accounting', 'requests', 'rewards'] as const;
type Service = (typeof SERVICES)[number];

const say = (line: string) => process.stdout.write(`${line}\n`);

/** A suite under measurement: the calls made to it and the latencies it gave. */
class Target {
  httpCalls = 0;
  readonly reads: number[] = [];
  readonly loads: Array<{ ok: number; seconds: number }> = [];
  readonly loadFailures: Record<string, number> = {};
  readonly confirms: number[] = [];
  /** Completed requests its resident has yet to confirm. */
  readonly toConfirm: string[] = [];
  reader = '';

  constructor(
    readonly name: string,
    readonly suite: TestSuite,
  ) {}

  /** `api` on its gateway, counted (fixtures included): the requests its spans come from. */
  readonly api: typeof api = (method, path, options) => {
    this.httpCalls += 1;
    return this.suite.api(method, path, options);
  };

  /** One call that must answer `status`; its body. */
  async call<T = unknown>(
    method: HttpMethod,
    path: string,
    status: number,
    options: ApiOptions = {},
  ): Promise<T> {
    return ok<T>(await this.api(method, path, options), status, `${method} ${path}`);
  }
}

/**
 * Reads every target's GET /metrics each SCRAPE_EVERY_MS while started, as
 * Prometheus would; a scrape still running when the next is due is skipped,
 * not doubled. Only the bytes are kept: parsing is Prometheus's work, elsewhere.
 */
class Scraper {
  scrapes = 0;
  failures = 0;
  lastFailure = '';
  skipped = 0;
  bytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;

  constructor(private readonly urls: string[]) {}

  start(): void {
    this.timer ??= setInterval(() => void this.scrapeAll(), SCRAPE_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async scrapeAll(): Promise<void> {
    if (this.inFlight) {
      this.skipped += 1;
      return;
    }
    this.inFlight = true;
    await Promise.all(this.urls.map((url) => this.scrape(url)));
    this.inFlight = false;
  }

  private async scrape(url: string): Promise<void> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(SCRAPE_EVERY_MS * 5) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      this.scrapes += 1;
      this.bytes += Buffer.byteLength(text);
    } catch (error) {
      this.failures += 1;
      this.lastFailure = (error as Error).message;
    }
  }
}

/** Starts both suites at once; whichever started is stopped at clean-up, whichever failed. */
async function startSuites(options: StartSuiteOptions[]): Promise<TestSuite[]> {
  const started = await Promise.allSettled(options.map((o) => startPrivateSuite(o)));
  for (const result of started) {
    if (result.status === 'fulfilled') {
      const suite = result.value;
      onCleanUp(`stop ${suite.prefix}`, () => suite.stop());
    }
  }
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return started.map((r) => (r as PromiseFulfilledResult<TestSuite>).value);
}

/**
 * A resident with credits (whose GET /accounts/me is read) and `count` of its
 * requests accepted and completed by a volunteer, ready to be confirmed.
 */
async function prepare(target: Target, count: number): Promise<void> {
  const admin = await adminToken(target.api);
  const cast = await neighbours(
    admin,
    { credits: count * REQUEST_MINUTES, fund: 10 * count * REQUEST_MINUTES },
    target.api,
  );
  target.reader = cast.resident.token;
  const completeOne = async (): Promise<void> => {
    target.toConfirm.push(await completedRequest(cast, REQUEST_MINUTES, target.api));
  };
  let left = count;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left -= 1;
      await completeOne();
    }
  };
  await Promise.all(Array.from({ length: PREPARE_CONCURRENCY }, worker));
}

async function timed(op: () => Promise<unknown>): Promise<number> {
  const begin = performance.now();
  await op();
  return performance.now() - begin;
}

const readMe = (target: Target) =>
  target.call('GET', '/accounts/me', 200, { token: target.reader });

/** One turn of a suite: sequential reads, reads under load, confirmations. */
async function turn(target: Target, keep: boolean): Promise<void> {
  for (let i = 0; i < READS_PER_ROUND; i++) {
    const ms = await timed(() => readMe(target));
    if (keep) target.reads.push(ms);
  }
  const load = await runLevel(() => readMe(target).then(() => undefined), {
    concurrency: CALLERS,
    seconds: LOAD_SECONDS,
  });
  if (keep) {
    target.loads.push({ ok: load.ok, seconds: load.seconds });
    for (const [reason, n] of Object.entries(load.failures)) {
      target.loadFailures[reason] = (target.loadFailures[reason] ?? 0) + n;
    }
  }
  for (let i = 0; i < CONFIRMS_PER_ROUND; i++) {
    const id = target.toConfirm.pop();
    if (!id) throw new Error(`${target.name}: no completed request left to confirm`);
    const ms = await timed(() =>
      target.call('POST', `/requests/${id}/confirm`, 200, {
        token: target.reader,
        body: { rating: 5 },
      }),
    );
    if (keep) target.confirms.push(ms);
  }
}

interface Figures {
  readP50: number;
  readP99: number;
  perSecond: number;
  confirmP50: number;
}

function figuresOf(target: Target): Figures {
  const reads = [...target.reads].sort((a, b) => a - b);
  const confirms = [...target.confirms].sort((a, b) => a - b);
  const ok = target.loads.reduce((sum, l) => sum + l.ok, 0);
  const seconds = target.loads.reduce((sum, l) => sum + l.seconds, 0);
  return {
    readP50: percentile(reads, 50),
    readP99: percentile(reads, 99),
    perSecond: ok / seconds,
    confirmP50: percentile(confirms, 50),
  };
}

function printTable(a: Figures, b: Figures): void {
  const rows: Array<[string, number, number, number]> = [
    ['GET /accounts/me p50 (ms), sequential', a.readP50, b.readP50, 2],
    ['GET /accounts/me p99 (ms), sequential', a.readP99, b.readP99, 2],
    [`GET /accounts/me req/s, ${CALLERS} callers`, a.perSecond, b.perSecond, 0],
    ['POST /requests/:id/confirm p50 (ms)', a.confirmP50, b.confirmP50, 1],
  ];
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value}`;
  const cells = (...texts: string[]) => texts.map((t) => t.padStart(12)).join('');
  say(`${''.padEnd(40)}${cells('A observed', 'B baseline', 'A - B', 'change')}`);
  for (const [label, va, vb, digits] of rows) {
    say(
      label.padEnd(40) +
        cells(
          String(round(va, digits)),
          String(round(vb, digits)),
          signed(round(va - vb, digits)),
          `${signed(round(((va - vb) / vb) * 100, 1))}%`,
        ),
    );
  }
}

function describeMachine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => round(l, 2))
    .join(' ');
  return `${cpus.length} cpus (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, load average ${load}`;
}

async function main(): Promise<void> {
  say(`machine: ${describeMachine()}`);
  const sink = new OtlpReceiver();
  const endpoint = await sink.start();
  onCleanUp('stop the OTLP sink', () => sink.stop());

  const metricsPorts = {} as Record<Service, number>;
  for (const service of SERVICES) metricsPorts[service] = await freePort();
  let exporterWarnings = 0;
  say('starting suites A (spans exported, /metrics scraped) and B (neither)...');
  const started = performance.now();
  const [observedSuite, baselineSuite] = await startSuites([
    {
      label: 'bench-telemetry-observed',
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
      serviceEnv: Object.fromEntries(
        SERVICES.map((s) => [s, { METRICS_PORT: String(metricsPorts[s]) }]),
      ),
      onLine: (line) => {
        if (line.includes('"context":"OpenTelemetry"')) exporterWarnings += 1;
      },
    },
    { label: 'bench-telemetry-baseline' },
  ]);
  say(`  started in ${round((performance.now() - started) / 1000, 1)} s`);
  const observed = new Target('A', observedSuite);
  const baseline = new Target('B', baselineSuite);
  const scraper = new Scraper(SERVICES.map((s) => `http://127.0.0.1:${metricsPorts[s]}/metrics`));
  onCleanUp('stop the scraper', async () => scraper.stop());

  const confirmsNeeded = (ROUNDS + 1) * CONFIRMS_PER_ROUND;
  say(`preparing ${confirmsNeeded} completed requests in each...`);
  await Promise.all([prepare(observed, confirmsNeeded), prepare(baseline, confirmsNeeded)]);

  const turnOf = async (target: Target, keep: boolean) => {
    if (target === observed) scraper.start();
    try {
      await turn(target, keep);
    } finally {
      scraper.stop();
    }
  };
  say('warming up both...');
  await turnOf(observed, false);
  await turnOf(baseline, false);
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [observed, baseline] : [baseline, observed];
    for (const target of order) await turnOf(target, true);
    say(`  round ${r + 1}/${ROUNDS} done`);
  }

  say('');
  say(
    `${ROUNDS} alternating rounds; per round and suite: ${READS_PER_ROUND} sequential reads, ` +
      `${LOAD_SECONDS} s at ${CALLERS} callers, ${CONFIRMS_PER_ROUND} confirmations`,
  );
  printTable(figuresOf(observed), figuresOf(baseline));
  for (const target of [observed, baseline]) {
    const perRound = target.loads.map((l) => round(l.ok / l.seconds, 0)).join(', ');
    say(`  ${target.name}: req/s at ${CALLERS} callers, round by round: ${perRound}`);
    const failed = Object.entries(target.loadFailures);
    if (failed.length > 0) say(`  ${target.name}: failed under load: ${JSON.stringify(failed)}`);
  }

  // A stopping service sends the spans it still holds: count them once every one has stopped.
  await cleanUp();
  const byService = new Map<string, number>();
  for (const span of sink.spans)
    byService.set(span.service, (byService.get(span.service) ?? 0) + 1);
  say(
    `spans received by the sink: ${sink.spans.length} from ${observed.httpCalls} HTTP requests to A ` +
      `(${round(sink.spans.length / observed.httpCalls, 1)} per request, events included); ` +
      [...byService].map(([service, n]) => `${service} ${n}`).join(', '),
  );
  say(`OpenTelemetry warnings in A's logs (spans not sent or dropped): ${exporterWarnings}`);
  say(
    `scrapes of /metrics (5 processes, each ${SCRAPE_EVERY_MS / 1000} s during A's turns): ` +
      `${scraper.scrapes} answered, ${scraper.failures} failed, ${scraper.skipped} rounds skipped ` +
      `(the previous still running), ${round(scraper.bytes / Math.max(1, scraper.scrapes) / 1024, 1)} KB each`,
  );
  if (scraper.lastFailure) say(`  last failed scrape: ${scraper.lastFailure}`);
  say(`machine: ${describeMachine()}`);
}

runBench('telemetry', main);
