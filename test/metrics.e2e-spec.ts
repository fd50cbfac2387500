import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { connect } from 'nats';
import { launchSuite, Suite } from '../scripts/launcher';
import { adminToken, createCommunity, register } from './support/fixtures';
import { parseMetrics, samplesOf, scrape, Scrape, valueOf } from './support/metrics';
import {
  freePort,
  SERVICE_START_MS,
  startPrivateSuite,
  SUITE_START_MS,
  TestSuite,
} from './support/suite';
import { until } from './support/wait';

const TOKEN = 'metrics-scraper-token-0123456789abcdef';
const BACKENDS = ['volunteers', 'accounting', 'requests', 'rewards'] as const;
type Backend = (typeof BACKENDS)[number];
const DEPLOY = path.resolve(__dirname, '..', 'deploy');

let suite: TestSuite;
const metricsPorts = {} as Record<Backend, number>;

beforeAll(async () => {
  for (const backend of BACKENDS) metricsPorts[backend] = await freePort();
  suite = await startPrivateSuite({
    label: 'metrics',
    env: { METRICS_TOKEN: TOKEN },
    serviceEnv: Object.fromEntries(
      BACKENDS.map((b) => [b, { METRICS_PORT: String(metricsPorts[b]) }]),
    ),
  });
}, SUITE_START_MS);

afterAll(async () => {
  await suite?.stop();
});

const gatewayMetricsUrl = () => `http://127.0.0.1:${suite.port}/metrics`;
const gatewayMetrics = () => scrape(gatewayMetricsUrl(), TOKEN);
const backendMetrics = (backend: Backend) =>
  scrape(`http://127.0.0.1:${metricsPorts[backend]}/metrics`);

/** Polls the gateway until the counter for these labels has grown past `before`. */
function untilCounted(labels: Record<string, string>, before: number): Promise<Scrape> {
  return until(
    `timebank_http_requests_total ${JSON.stringify(labels)} above ${before}`,
    gatewayMetrics,
    (m) => valueOf(m, 'timebank_http_requests_total', labels) > before,
  );
}

describe('GET /metrics on the gateway', () => {
  it('counts and times every response under its route pattern, method and status', async () => {
    const admin = await adminToken(suite.api);
    const unknownId = randomUUID();
    const cases = [
      {
        call: () => suite.api('GET', `/members/${unknownId}`, { token: admin }),
        labels: { route: '/api/v1/members/:id', method: 'GET', status: '404' },
      },
      {
        call: () => suite.api('POST', '/auth/login', { body: {} }),
        labels: { route: '/api/v1/auth/login', method: 'POST', status: '400' },
      },
      {
        call: () => suite.api('GET', `/no-such-thing/${unknownId}`),
        labels: { route: 'unmatched', method: 'GET', status: '404' },
      },
      {
        call: () => suite.api('GET', '/health/live'),
        labels: { route: '/api/v1/health/live', method: 'GET', status: '200' },
      },
    ];
    for (const { call, labels } of cases) {
      const before = valueOf(await gatewayMetrics(), 'timebank_http_requests_total', labels);
      const res = await call();
      expect(res.status).toBe(Number(labels.status));
      const after = await untilCounted(labels, before);
      const timed = samplesOf(after, 'timebank_http_request_duration_seconds_count', labels);
      expect(timed).toHaveLength(1);
      expect(timed[0].value).toBeGreaterThanOrEqual(1);
      expect(timed[0].labels.service).toBe('gateway');
    }
    // Patterns, never raw URLs: an id never becomes a label value.
    const text = await (await fetch(gatewayMetricsUrl(), { headers: bearer(TOKEN) })).text();
    expect(text).not.toContain(unknownId);
  });

  it('answers only a scraper with the token when METRICS_TOKEN is set', async () => {
    const anonymous = await fetch(gatewayMetricsUrl());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.text()).not.toContain('timebank_');
    const wrong = await fetch(gatewayMetricsUrl(), { headers: bearer(`${TOKEN}x`) });
    expect(wrong.status).toBe(401);
    const scraper = await fetch(gatewayMetricsUrl(), { headers: bearer(TOKEN) });
    expect(scraper.status).toBe(200);
    expect(scraper.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = parseMetrics(await scraper.text());
    expect(valueOf(metrics, 'timebank_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });
});

describe("a backend's METRICS_PORT", () => {
  it('counts and times each request–reply message by subject, and what it refused', async () => {
    const admin = await adminToken(suite.api);
    const subject = { subject: 'volunteers.member.get' };
    const before = await backendMetrics('volunteers');
    const found = await suite.api('GET', `/members/${randomUUID()}`, { token: admin });
    expect(found.status).toBe(404);
    const after = await until(
      'volunteers.member.get counted',
      () => backendMetrics('volunteers'),
      (m) =>
        valueOf(m, 'timebank_rpc_handled_total', subject) >
        valueOf(before, 'timebank_rpc_handled_total', subject),
    );
    expect(valueOf(after, 'timebank_rpc_failed_total', { ...subject, reason: 'refused' })).toBe(
      valueOf(before, 'timebank_rpc_failed_total', { ...subject, reason: 'refused' }) + 1,
    );
    expect(valueOf(after, 'timebank_rpc_failed_total', { ...subject, reason: 'error' })).toBe(0);
    expect(valueOf(after, 'timebank_rpc_duration_seconds_count', subject)).toBeGreaterThanOrEqual(
      1,
    );
    expect(samplesOf(after, 'timebank_rpc_handled_total', subject)[0].labels.service).toBe(
      'volunteers',
    );
  });

  it('reports the outbox, dead letters, consumers, the pool and the ledger', async () => {
    // A registration is an event from volunteers that accounting consumes (it opens the account).
    const admin = await adminToken(suite.api);
    const community = await createCommunity(admin, 1, suite.api);
    await register(community.id, {}, suite.api);

    const volunteers = await until(
      "volunteers' outbox published",
      () => backendMetrics('volunteers'),
      (m) => valueOf(m, 'timebank_outbox_backlog') === 0,
    );
    expect(valueOf(volunteers, 'timebank_outbox_oldest_age_seconds')).toBe(0);

    const accounting = await until(
      "accounting's consumers caught up",
      () => backendMetrics('accounting'),
      (m) => {
        const pending = samplesOf(m, 'timebank_consumer_pending');
        return pending.length > 0 && pending.every((s) => s.value === 0);
      },
    );
    const consumers = samplesOf(accounting, 'timebank_consumer_pending').map(
      (s) => s.labels.consumer,
    );
    const memberCreated = `${suite.prefix}_accounting_volunteers_member_created`;
    expect(consumers).toContain(memberCreated);
    for (const name of ['timebank_consumer_ack_pending', 'timebank_consumer_redelivered']) {
      expect(
        samplesOf(accounting, name)
          .map((s) => s.labels.consumer)
          .sort(),
      ).toEqual([...consumers].sort());
    }
    // Every running consumer is listed, at 0 while it has given up on nothing.
    const deadLetters = samplesOf(accounting, 'timebank_dead_letters');
    expect(deadLetters.map((s) => s.labels.consumer).sort()).toEqual([...consumers].sort());
    expect(deadLetters.every((s) => s.value === 0)).toBe(true);

    // An event no consumer can read is set aside at once: the gauge the DeadLetters alert watches.
    await publishUnreadable(`${suite.prefix}.volunteers.member.created`);
    await until(
      'the unreadable event counted as a dead letter',
      () => backendMetrics('accounting'),
      (m) => valueOf(m, 'timebank_dead_letters', { consumer: memberCreated }) === 1,
    );

    expect(valueOf(accounting, 'timebank_ledger_imbalance_minutes')).toBe(0);
    expect(samplesOf(accounting, 'timebank_ledger_imbalance_minutes')).toHaveLength(1);
    // Only the process that can know says anything: no misleading 0 from the others.
    expect((await backendMetrics('volunteers')).names).not.toContain(
      'timebank_ledger_imbalance_minutes',
    );
    expect((await gatewayMetrics()).names).not.toContain('timebank_outbox_backlog');

    for (const backend of BACKENDS) {
      const m = await backendMetrics(backend);
      const inUse = valueOf(m, 'timebank_db_pool_connections', { state: 'in_use' });
      const idle = valueOf(m, 'timebank_db_pool_connections', { state: 'idle' });
      expect(inUse).toBeGreaterThanOrEqual(0);
      expect(inUse + idle).toBeGreaterThanOrEqual(1);
      expect(inUse + idle).toBeLessThanOrEqual(10);
      expect(valueOf(m, 'timebank_db_pool_waiting')).toBeGreaterThanOrEqual(0);
      expect(samplesOf(m, 'timebank_outbox_backlog')[0].labels.service).toBe(backend);
    }
  });

  it('answers nothing but GET /metrics', async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPorts.rewards}/`);
    expect(res.status).toBe(404);
  });
});

describe('the alert rules and the dashboard', () => {
  it('name only metrics the services export', async () => {
    const exported = new Set<string>();
    for (const m of [await gatewayMetrics(), ...(await Promise.all(BACKENDS.map(backendMetrics)))])
      for (const name of m.names) exported.add(name);

    const rules = load(read('prometheus/rules/timebank.yml')) as {
      groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
    };
    const alerts = rules.groups.flatMap((g) => g.rules);
    expect(alerts.map((r) => r.alert)).toEqual(
      expect.arrayContaining(['OutboxStuck', 'ConsumerLagging', 'DeadLetters', 'StreamNearMaxAge']),
    );
    const dashboard = JSON.parse(read('grafana/dashboards/timebank.json')) as {
      panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
    };
    const expressions = [
      ...alerts.map((r) => r.expr),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ];
    const named = new Set(expressions.flatMap((e) => e.match(/\btimebank_[a-z0-9_]+/g) ?? []));
    expect(named.size).toBeGreaterThan(10);
    const missing = [...named].filter((n) => !exported.has(n));
    expect(missing).toEqual([]);

    const prometheus = load(read('prometheus/prometheus.yml')) as {
      scrape_configs: Array<{ static_configs: Array<{ targets: string[] }> }>;
    };
    const targets = prometheus.scrape_configs.flatMap((c) =>
      c.static_configs.flatMap((s) => s.targets),
    );
    expect(targets.map((t) => t.split(':')[0]).sort()).toEqual(['gateway', ...BACKENDS].sort());
  });
});

describe('a gateway with METRICS_PORT', () => {
  let gateway: Suite;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    gateway = await launchSuite({
      env: { ...suite.env, PORT: String(await freePort()), METRICS_PORT: String(metricsPort) },
      services: ['gateway'],
      startTimeoutMs: SERVICE_START_MS,
    });
  }, 2 * SERVICE_START_MS);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('serves /metrics there without a token, and not on its public port', async () => {
    const publicPort = await fetch(`http://127.0.0.1:${gateway.port}/metrics`, {
      headers: bearer(TOKEN),
    });
    expect(publicPort.status).toBe(404);
    await until(
      'the 404 counted on the metrics port',
      () => scrape(`http://127.0.0.1:${metricsPort}/metrics`),
      (m) => valueOf(m, 'timebank_http_requests_total', { route: 'unmatched', status: '404' }) > 0,
    );
  });
});

async function publishUnreadable(subject: string): Promise<void> {
  const nc = await connect({ servers: suite.natsUrl.split(',') });
  try {
    await nc.jetstream().publish(subject, 'not an event');
  } finally {
    await nc.close();
  }
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function read(file: string): string {
  return fs.readFileSync(path.join(DEPLOY, file), 'utf8');
}
