import { execFile } from 'node:child_process';
import path from 'node:path';
import { connect, JSONCodec, NatsConnection } from 'nats';
import { ServiceProbes, startServiceProbes, within } from '@app/common';
import { HEALTH_MESSAGES, MessageContract, NoPayload } from '@app/contracts';
import { api } from './support/http';
import { expectProblem } from './support/problems';
import { randomSuffix, startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';

describe('GET /api/v1/health/live and /health/ready', () => {
  it('answer 200 when the suite is up, with no token', async () => {
    const live = await api('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });

    const ready = await api('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });
});

const HEALTHCHECK = path.resolve(__dirname, '..', 'scripts', 'healthcheck.js');

/**
 * The container probe's exit code (0 healthy, 1 not) for `SERVICE` in `env`:
 * readiness, or liveness with `live` (Kubernetes' livenessProbe).
 */
function runProbe(env: NodeJS.ProcessEnv, question: 'ready' | 'live' = 'ready'): Promise<number> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      question === 'live' ? [HEALTHCHECK, 'live'] : [HEALTHCHECK],
      { env: { ...process.env, ...env } },
      (error) => resolve(error ? ((error as { code?: number }).code ?? -1) : 0),
    );
  });
}

describe('readiness when a service stops', () => {
  let suite: TestSuite;

  function containerProbe(service: string, question?: 'live'): Promise<number> {
    return runProbe({ ...suite.env, SERVICE: service }, question);
  }

  beforeAll(async () => {
    suite = await startPrivateSuite({ label: 'probes', env: { HEALTH_TIMEOUT_MS: '500' } });
  }, SUITE_START_MS);

  afterAll(async () => {
    await suite?.stop();
  });

  it(
    'is 503 naming the service while live stays 200, and 200 once it is back',
    async () => {
      expect(await containerProbe('gateway')).toBe(0);
      expect(await containerProbe('rewards')).toBe(0);
      expect(await containerProbe('rewards', 'live')).toBe(0);

      await suite.stopService('rewards');

      const ready = await suite.api('GET', '/health/ready');
      expectProblem(ready, 503, 'SERVICE_UNAVAILABLE');
      expect(ready.body.reason).toBe('not_ready');
      expect(ready.body.detail).toContain('rewards');
      for (const other of ['volunteers', 'accounting', 'requests', 'nats']) {
        expect(ready.body.detail).not.toContain(other);
      }
      const live = await suite.api('GET', '/health/live');
      expect(live.status).toBe(200);
      expect(await containerProbe('gateway')).toBe(1);
      expect(await containerProbe('gateway', 'live')).toBe(0);
      expect(await containerProbe('rewards')).toBe(1);
      expect(await containerProbe('rewards', 'live')).toBe(1);
      expect(await containerProbe('accounting')).toBe(0);

      await suite.startService('rewards');
      const back = await suite.api('GET', '/health/ready');
      expect(back.status).toBe(200);
      expect(back.body).toEqual({ status: 'ready' });
      expect(await containerProbe('rewards')).toBe(0);
    },
    SUITE_START_MS,
  );
});

describe("a backend's readiness over NATS", () => {
  const natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  const prefix = `tbtest_probes_${randomSuffix()}`;
  let probes: ServiceProbes;
  let nc: NatsConnection;
  const codec = JSONCodec();

  /** Asked on this describe's own prefix: no running rewards service hears it. */
  async function ask({ subject }: MessageContract<NoPayload, unknown>): Promise<any> {
    const reply = await nc.request(`${prefix}.${subject}`, codec.encode({ id: 'probe' }), {
      timeout: 2000,
    });
    return (codec.decode(reply.data) as { response: unknown }).response;
  }

  beforeAll(async () => {
    probes = await startServiceProbes({ service: 'rewards', servers: [natsUrl], prefix });
    nc = await connect({ servers: natsUrl });
  });

  afterAll(async () => {
    await probes?.close();
    await nc?.close();
  });

  it('is live but not ready while it migrates, then ready only while its checks pass', async () => {
    expect(await ask(HEALTH_MESSAGES.rewards.live)).toEqual({ service: 'rewards', status: 'up' });
    expect(await ask(HEALTH_MESSAGES.rewards.ready)).toEqual({
      service: 'rewards',
      ready: false,
      notReady: ['migrations'],
    });
    // The container probes say the same: a migrating copy is not restarted, nor sent work.
    const probeEnv = { SERVICE: 'rewards', NATS_URL: natsUrl, NATS_SUBJECT_PREFIX: prefix };
    expect(await runProbe(probeEnv, 'live')).toBe(0);
    expect(await runProbe(probeEnv)).toBe(1);

    let databaseUp = false;
    probes.started({
      database: () => within(200, () => (databaseUp ? Promise.resolve() : new Promise(() => {}))),
      nats: () => Promise.resolve(true),
    });
    expect(await ask(HEALTH_MESSAGES.rewards.ready)).toEqual({
      service: 'rewards',
      ready: false,
      notReady: ['database'],
    });

    databaseUp = true;
    expect(await ask(HEALTH_MESSAGES.rewards.ready)).toEqual({
      service: 'rewards',
      ready: true,
      notReady: [],
    });
  });
});
