/**
 * `npm run seed` against a suite of its own: the demo city is built through the
 * public API, its figures are what the seed says, the books balance, and a
 * second run creates nothing twice.
 */
import { runSeed, SeedResult } from '../scripts/seed/seed';
import { adminToken, BOOTSTRAP_ADMIN } from './support/fixtures';
import { startPrivateSuite, TestSuite } from './support/suite';

let suite: TestSuite;
let first: SeedResult;

beforeAll(async () => {
  // A fast expiry sweep, so the demo's one unanswered request expires while the seed waits.
  suite = await startPrivateSuite({ label: 'seed', env: { REQUEST_EXPIRY_INTERVAL_MS: '500' } });
  first = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN, expiryWaitMs: 20_000 });
}, 90_000);

afterAll(async () => {
  await suite?.stop();
});

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
  const report = await suite.api('GET', `/reports/communities/${qingshan.id}`, { token: admin });
  expect(report.status).toBe(200);
  expect(report.body.minutesServed).toBeGreaterThan(0);
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

it('seeds rewards when the rewards routes answer, and says so when they do not', () => {
  if (first.notes.some((n) => n.startsWith('rewards: skipped'))) {
    expect(count(first, 'merchants')).toBe(0);
  } else {
    expect(count(first, 'merchants')).toBe(5);
    expect(count(first, 'vouchers redeemed')).toBeGreaterThan(0);
    expect(count(first, 'settlements')).toBe(1);
  }
});

it('creates nothing twice when run again', async () => {
  const again = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN });
  expect(again.status).toBe('existing');
  const communities = (await suite.api('GET', '/communities')).body as unknown[];
  expect(communities).toHaveLength(6);
  expect(count(again, 'requests expired')).toBe(1);
  expect(again.ledger.balanced).toBe(true);
});
