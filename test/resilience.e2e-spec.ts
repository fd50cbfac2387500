import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { adminToken, createCommunity, PASSWORD, uniqueEmail } from './support/fixtures';
import { expectProblem } from './support/problems';

const SERVICE_TIMEOUT_MS = 1500;

let suite: TestSuite;

beforeAll(async () => {
  suite = await startPrivateSuite({
    label: 'resilience',
    env: {
      SERVICE_TIMEOUT_MS: String(SERVICE_TIMEOUT_MS),
      HEALTH_TIMEOUT_MS: '500',
    },
  });
}, SUITE_START_MS);

afterAll(async () => {
  await suite?.stop();
});

async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await action();
  return [result, Date.now() - started];
}

describe('a service that stops', () => {
  it('turns health 503 naming it, its routes 503 at once, and both recover when it is back', async () => {
    await suite.stopService('volunteers');

    const health = await suite.api('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({
      status: 'degraded',
      services: { volunteers: 'down', accounting: 'up', requests: 'up', rewards: 'up' },
    });
    const [communities, ms] = await timed(() => suite.api('GET', '/communities'));
    expectProblem(communities, 503, 'SERVICE_UNAVAILABLE');
    expect(communities.body.detail).toContain('volunteers');
    expect(ms).toBeLessThan(SERVICE_TIMEOUT_MS);

    await suite.startService('volunteers');
    expect((await suite.api('GET', '/health')).status).toBe(200);
    expect((await suite.api('GET', '/communities')).status).toBe(200);
  });
});

describe('a service that hangs', () => {
  it('answers 504 within the timeout, and recovers when it answers again', async () => {
    const pid = suite.pid('volunteers')!;
    process.kill(pid, 'SIGSTOP');
    try {
      const [communities, ms] = await timed(() => suite.api('GET', '/communities'));
      expectProblem(communities, 504, 'SERVICE_TIMEOUT');
      expect(ms).toBeGreaterThanOrEqual(SERVICE_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(SERVICE_TIMEOUT_MS + 3000);
      const health = await suite.api('GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body.services.volunteers).toBe('down');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await suite.api('GET', '/communities')).status).toBe(200);
  });
});

describe('a service asked to stop while serving', () => {
  // Twenty password hashes at once take seconds on a busy machine: with the
  // 1.5 s timeout above, the gateway would stop waiting (504) for sign-ups the
  // service is still finishing, and what became of them would stay unknown.
  // Here the gateway and the drain wait as long as the machine needs, so each
  // sign-up is either served (201, kept) or refused (503, not kept).
  const PATIENT_MS = 60_000;
  let draining: TestSuite;

  beforeAll(async () => {
    draining = await startPrivateSuite({
      label: 'resilience-drain',
      env: {
        SERVICE_TIMEOUT_MS: String(PATIENT_MS),
        SHUTDOWN_GRACE_MS: String(PATIENT_MS),
      },
    });
  }, SUITE_START_MS);

  afterAll(async () => {
    await draining?.stop();
  });

  it('finishes what it took on: every sign-up answers 201 or 503, and every 201 is kept', async () => {
    const admin = await adminToken(draining.api);
    const community = await createCommunity(admin, 1, draining.api);
    const emails = Array.from({ length: 20 }, () => uniqueEmail('drain'));
    const pending = emails.map((email, i) =>
      draining.api('POST', '/auth/register', {
        body: { email, password: PASSWORD, displayName: 'x', communityId: community.id },
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      }),
    );
    const signUps = Promise.all(pending);
    await Promise.race(pending); // the first answer is back: the others are queued or being served
    const exit = await draining.stopService('volunteers', { graceMs: PATIENT_MS + 15_000 });
    const results = await signUps;

    expect(exit).toMatchObject({ code: 0 });
    expect(results.map((r) => r.status).filter((s) => s !== 201 && s !== 503)).toEqual([]);
    await draining.startService('volunteers');
    for (const [i, res] of results.entries()) {
      const signIn = await draining.api('POST', '/auth/login', {
        body: { login: emails[i], password: PASSWORD },
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      expect(signIn.status).toBe(res.status === 201 ? 200 : 401);
    }
  }, 180_000);
});
