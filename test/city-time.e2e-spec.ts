/**
 * Dates are the city's (CITY_TIME_ZONE): a suite of its own runs in a zone far
 * from UTC, chosen so that the city's today is not UTC's today while the test
 * runs, and every date boundary must follow the city's day: logged hours, a
 * service's date, report periods.
 */
import { addDays, cityDate, startOfCityDay } from '@app/contracts';
import { adminToken, fundedCommunity, register, SignedIn } from './support/fixtures';
import { ok } from './support/http';
import { expectProblem } from './support/problems';
import { startPrivateSuite, TestSuite } from './support/suite';
import { until } from './support/wait';

const HOUR = 3600_000;

/**
 * UTC−12 before 11:00 UTC (its day is UTC's yesterday until 12:00), UTC+14
 * from then on (its day is UTC's tomorrow from 10:00): at least an hour from
 * the city's midnight, so the city's date holds while the test runs.
 */
function zoneAwayFromUtc(now = new Date()): string {
  return now.getUTCHours() < 11 ? 'Etc/GMT+12' : 'Pacific/Kiritimati';
}

const zone = zoneAwayFromUtc();
const cityToday = () => cityDate(new Date(), zone);
let suite: TestSuite;
let communityId: string;
let coordinator: SignedIn;

beforeAll(async () => {
  suite = await startPrivateSuite({ label: 'citytime', env: { CITY_TIME_ZONE: zone } });
  const admin = await adminToken(suite.api);
  const funded = await fundedCommunity(
    admin,
    { minutes: 10_000, memo: 'city time e2e' },
    suite.api,
  );
  communityId = funded.community.id;
  coordinator = funded.coordinator;
}, 90_000);

afterAll(async () => {
  await suite?.stop();
}, 60_000);

it("runs on a day that is not UTC's", () => {
  expect(cityToday()).not.toBe(new Date().toISOString().slice(0, 10));
});

it("takes hours served on the city's today and refuses the city's tomorrow", async () => {
  const volunteer = await register(communityId, { roles: ['volunteer'] }, suite.api);
  const log = (servedOn: string) =>
    suite.api('POST', '/hours', {
      token: volunteer.token,
      body: { minutes: 60, servedOn, description: 'Reading to neighbours' },
    });
  const today = cityToday();
  expect(ok(await log(today), 201, "log the city's today").servedOn).toBe(today);
  expectProblem(await log(addDays(today, 1)), 400, 'VALIDATION_FAILED', ['servedOn']);
});

it("dates a confirmed request's service on the city's day, and reports count the city's days", async () => {
  const resident = await register(communityId, {}, suite.api);
  ok(
    await suite.api('POST', `/members/${resident.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 300, reason: 'opening balance' },
    }),
    201,
    'adjustment',
  );
  const helper = await register(communityId, { roles: ['volunteer'] }, suite.api);
  const request = ok(
    await suite.api('POST', '/requests', {
      token: resident.token,
      body: {
        title: '陪同去社区医院复诊',
        description: '周三上午，需要轮椅协助',
        category: 'escort',
        windowStart: new Date(Date.now() + HOUR).toISOString(),
        windowEnd: new Date(Date.now() + 3 * HOUR).toISOString(),
        estimatedMinutes: 90,
      },
    }),
    201,
    'post request',
  );
  const act = (token: string, action: string, body?: unknown) =>
    suite.api('POST', `/requests/${request.id}/${action}`, { token, body });
  ok(await act(helper.token, 'accept'), 200, 'accept');
  ok(await act(helper.token, 'complete', { minutes: 60 }), 200, 'complete');
  ok(await act(resident.token, 'confirm', { rating: 5 }), 200, 'confirm');
  const today = cityToday();

  // The volunteer's record learns of the service from the ledger's event: poll for it.
  const entries = await until(
    'the service on the volunteer record',
    async () => {
      const record = await suite.api('GET', `/volunteers/${helper.member.id}/service-record`, {
        token: helper.token,
      });
      return (record.status === 200 ? record.body.entries : []) as Array<{
        sourceId: string;
        servedOn: string;
      }>;
    },
    (now) => now.some((e) => e.sourceId === request.id),
    15_000,
  );
  expect(entries.find((e) => e.sourceId === request.id)?.servedOn).toBe(today);

  const report = async (query: string) =>
    ok<Record<string, unknown>>(
      await suite.api('GET', `/reports/communities/${communityId}${query}`, {
        token: coordinator.token,
      }),
      200,
      `report ${query}`,
    );
  // The city's today holds the request posted and the service confirmed a moment ago…
  const onToday = await report(`?from=${today}&to=${today}`);
  expect(onToday).toMatchObject({
    from: today,
    to: today,
    requestsPosted: 1,
    requestsConfirmed: 1,
  });
  expect(onToday.minutesServed as number).toBeGreaterThanOrEqual(60);
  // …the default period ends on it…
  expect(await report('')).toMatchObject({ to: today, requestsPosted: 1 });
  // …and the city's days either side hold nothing of it, though they share UTC hours with it.
  for (const day of [addDays(today, -1), addDays(today, 1)]) {
    expect(await report(`?from=${day}&to=${day}`)).toMatchObject({
      requestsPosted: 0,
      requestsConfirmed: 0,
      minutesServed: 0,
    });
  }
  // The day begins at the city's midnight (shown for the reader: 2026-11-30 in Shanghai
  // begins at 2026-11-29T16:00Z).
  expect(startOfCityDay('2026-11-30', 'Asia/Shanghai').toISOString()).toBe(
    '2026-11-29T16:00:00.000Z',
  );
});
