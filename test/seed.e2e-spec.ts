/**
 * `npm run seed` against a suite of its own: the demo city is built through the
 * public API, its figures are what the seed says, the books balance, and a
 * second run creates nothing twice. The first run goes without the rewards
 * service (the seed skips that part and says so); the second, with it back,
 * adds the merchants to the same city.
 */
import { runSeed, SeedResult } from '../scripts/seed/seed';
import { adminToken, BOOTSTRAP_ADMIN } from './support/fixtures';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';

let suite: TestSuite;
let first: SeedResult;

beforeAll(async () => {
  // A fast expiry sweep, so the demo's one unanswered request expires while the seed waits.
  suite = await startPrivateSuite({ label: 'seed', env: { REQUEST_EXPIRY_INTERVAL_MS: '500' } });
  await suite.stopService('rewards');
  first = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN, expiryWaitMs: 20_000 });
}, SUITE_START_MS + 120_000);

afterAll(async () => {
  await suite?.stop();
}, 120_000);

const count = (result: SeedResult, kind: string) =>
  result.counts.find(([k]) => k === kind)?.[1] ?? 0;

it('builds six communities with 133 grid units, the people and weeks of history', async () => {
  expect(first.status).toBe('created');
  const communities = (await suite.api('GET', '/communities')).body as Array<{
    code: string;
    gridUnits: unknown[];
  }>;
  expect(communities.map((c) => c.code).sort()).toEqual(
    ['fukang', 'guotu', 'hexie', 'liantong', 'qingshan', 'xingguang'].sort(),
  );
  expect(communities.reduce((sum, c) => sum + c.gridUnits.length, 0)).toBe(133);
  expect(count(first, 'coordinators')).toBe(6);
  expect(count(first, 'residents')).toBe(50);
  expect(count(first, 'volunteers')).toBe(30);
  expect(count(first, 'priority households')).toBeGreaterThan(0);
  for (const kind of ['hour logs approved', 'hour logs rejected', 'hour logs pending']) {
    expect(count(first, kind)).toBeGreaterThan(0);
  }
  for (const status of ['open', 'accepted', 'completed', 'confirmed', 'disputed', 'cancelled']) {
    expect(count(first, `requests ${status}`)).toBeGreaterThan(0);
  }
  expect(count(first, 'requests resolved (confirmed)')).toBeGreaterThan(0);
  expect(count(first, 'requests expired')).toBe(1);
  expect(count(first, 'family gifts')).toBeGreaterThan(0);

  // The figures are the suite's, not only the seed's own tally.
  const admin = await adminToken(suite.api);
  const qingshan = first.communities[0];
  const disputed = await suite.api('GET', `/requests?status=disputed&communityId=${qingshan.id}`, {
    token: admin,
  });
  expect(disputed.status).toBe(200);
  expect(disputed.body.items.length).toBeGreaterThan(0);
});

it('leaves the ledger balanced and hands out logins that work', async () => {
  expect(first.ledger).toMatchObject({ balanced: true, totalMinutes: 0, violations: [] });
  const volunteer = first.logins.find((l) => l.role === 'volunteer')!;
  const login = await suite.api('POST', '/auth/login', {
    body: { login: volunteer.login, password: first.password },
  });
  expect(login.status).toBe(200);
  const account = await suite.api('GET', '/accounts/me', { token: login.body.accessToken });
  expect(account.body.tier.level).toBeGreaterThanOrEqual(1);
  const certificate = await suite.api('GET', `/certificates/${first.certificateCode}`);
  expect(certificate.body.valid).toBe(true);
});

it('creates nothing twice when run again, and adds the rewards once they answer', async () => {
  expect(first.notes).toEqual([expect.stringMatching(/^rewards: skipped/)]);
  expect(count(first, 'merchants')).toBe(0);
  await suite.startService('rewards');
  const rewardsRoutes = (await suite.api('GET', '/offers', { token: await adminToken(suite.api) }))
    .status;

  const again = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN });
  expect(again.status).toBe('existing');
  const communities = (await suite.api('GET', '/communities')).body as unknown[];
  expect(communities).toHaveLength(6);
  expect(count(again, 'requests expired')).toBe(1);
  expect(again.ledger).toMatchObject({ balanced: true, totalMinutes: 0, violations: [] });
  const report = await suite.api('GET', `/reports/communities/${first.communities[0].id}`, {
    token: await adminToken(suite.api),
  });
  expect(report.status).toBe(200); // (it asks the rewards service too)
  expect(report.body.minutesServed).toBeGreaterThan(0);
  if (rewardsRoutes === 404) {
    // A tree without the rewards routes: the seed still says what it skipped.
    expect(again.notes).toEqual([expect.stringMatching(/^rewards: skipped/)]);
  } else {
    expect(count(again, 'merchants')).toBe(5);
    expect(count(again, 'offers (approved)')).toBeGreaterThan(0);
    expect(count(again, 'vouchers redeemed')).toBeGreaterThan(0);
    expect(count(again, 'settlements')).toBe(1);
    expect(again.logins.map((l) => l.role)).toContain('merchant');
    const third = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN });
    expect(count(third, 'merchants')).toBe(0); // already there: nothing added twice
    expect(third.ledger.balanced).toBe(true);
  }
});
