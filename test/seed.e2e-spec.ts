/**
 * `npm run seed` against a suite of its own: the demo city is built through the
 * public API, its figures are what the seed says, the books balance, and a
 * second run creates nothing twice. The first run goes without the rewards
 * service (the seed skips that part and says so); the second, with it back,
 * adds the merchants to the same city.
 */
import { Login, runSeed, SeedResult } from '../scripts/seed/seed';
import { adminToken, BOOTSTRAP_ADMIN, login } from './support/fixtures';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';

let suite: TestSuite;
let first: SeedResult;

beforeAll(async () => {
  // A fast expiry sweep, so the demo's one unanswered request expires while the seed waits.
  suite = await startPrivateSuite({ label: 'seed', env: { REQUEST_EXPIRY_INTERVAL_MS: '500' } });
  await suite.stopService('rewards');
  first = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN, expiryWaitMs: 20_000 });
}, SUITE_START_MS + 240_000); // a suite's start, then some 700 calls: minutes on a busy two-core machine

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

/** Signs in with a printed login (the admin keeps its own password). */
async function signIn(result: SeedResult, role: string): Promise<string> {
  const printed = result.logins.find((l) => l.role === role);
  if (!printed) throw new Error(`no ${role} login printed`);
  const password = role === 'admin' ? BOOTSTRAP_ADMIN.password : result.password;
  return login(printed.login, password, suite.api);
}

const byRole = (logins: Login[]) => logins.map((l) => [l.role, l.name, l.login]);

it('leaves the ledger balanced and hands out a login per role that shows what it says', async () => {
  expect(first.ledger).toMatchObject({ balanced: true, totalMinutes: 0, violations: [] });
  expect(first.logins.map((l) => l.role)).toEqual([
    'household',
    'volunteer',
    'coordinator',
    'admin',
  ]);
  for (const login of first.logins) expect(login.shows).not.toBe('');

  // A priority household with credits of its own to spend.
  const household = await signIn(first, 'household');
  const me = await suite.api('GET', '/me', { token: household });
  expect(me.body).toMatchObject({ priorityHousehold: true, roles: ['resident'] });
  const credits = await suite.api('GET', '/accounts/me', { token: household });
  expect(credits.body.availableMinutes).toBeGreaterThan(0);
  expect(first.logins[0].shows).toContain(`${credits.body.availableMinutes} min available`);

  // A volunteer above the entry tier.
  const volunteer = await signIn(first, 'volunteer');
  const account = await suite.api('GET', '/accounts/me', { token: volunteer });
  expect(account.body.tier.level).toBeGreaterThan(0);

  // A coordinator with hours to verify, and the admin.
  const coordinator = await signIn(first, 'coordinator');
  const pending = await suite.api('GET', '/hours?status=pending', { token: coordinator });
  expect(pending.status).toBe(200);
  expect(pending.body.items.length).toBeGreaterThan(0);
  const admin = await signIn(first, 'admin');
  expect((await suite.api('GET', '/ledger/check', { token: admin })).status).toBe(200);

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
    // The people named first are named again (found, not remembered), with the counter staff.
    expect(byRole(again.logins).filter(([role]) => role !== 'merchant')).toEqual(
      byRole(first.logins),
    );
    const third = await runSeed({ baseUrl: suite.baseUrl, admin: BOOTSTRAP_ADMIN });
    expect(count(third, 'merchants')).toBe(0); // already there: nothing added twice
    expect(third.ledger.balanced).toBe(true);
    expect(byRole(third.logins)).toEqual(byRole(again.logins));
    expect(third.voucher).toEqual(again.voucher);

    // The voucher is issued, and that counter staff redeems it.
    const code = third.voucher?.code as string;
    expect(third.logins.find((l) => l.role === 'merchant')?.shows).toContain(code);
    const staff = await signIn(third, 'merchant');
    const redeemed = await suite.api('POST', '/vouchers/redeem', {
      token: staff,
      body: { code },
      headers: { 'idempotency-key': `seed-e2e-${code}` },
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.status).toBe('redeemed');
  }
}, 240_000);
