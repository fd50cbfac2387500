import { Client } from 'pg';
import { doorCodeAt } from '../apps/volunteers/src/activities/check-in-code';
import { adminToken, fundedCommunity, register, SignedIn } from './support/fixtures';
import { ApiResponse, ok } from './support/http';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { eventually } from './support/wait';

/**
 * Closing an activity while a service is killed (SIGKILL, no goodbye): once it
 * is back, each volunteer who attended is paid exactly once, the hold is
 * settled, and every payment is on the volunteer's service record once.
 */
const CHECK_IN_SECRET = 'activities-kill-test-check-in-secret-0123456789';
const ATTENDING = 6;
const MINUTE = 60_000;

let suite: TestSuite;
let admin: string;
let db: Client;

beforeAll(async () => {
  suite = await startPrivateSuite({
    label: 'activities-kill',
    env: { SERVICE_TIMEOUT_MS: '10000', CHECK_IN_SECRET },
  });
  admin = await adminToken(suite.api);
  db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
}, SUITE_START_MS);

afterAll(async () => {
  await db?.end();
  await suite?.stop();
});

interface Drill {
  activityId: string;
  communityId: string;
  coordinator: SignedIn;
  attending: SignedIn[];
  fundBefore: { balanceMinutes: number; heldMinutes: number };
}

async function fundOf(communityId: string) {
  return ok<{ balanceMinutes: number; heldMinutes: number }>(
    await suite.api('GET', `/communities/${communityId}/fund`, { token: admin }),
    200,
    'fund',
  );
}

/** An activity begun half an hour ago, with six volunteers checked in an hour ago and one no-show. */
async function prepare(): Promise<Drill> {
  const { community, coordinator } = await fundedCommunity(admin, { minutes: 10_000 }, suite.api);
  const fundBefore = await fundOf(community.id);
  const activity = ok<{ id: string }>(
    await suite.api('POST', '/activities', {
      token: coordinator.token,
      body: {
        title: '敬老院探访',
        description: '',
        communityId: community.id,
        place: '敬老院',
        startsAt: new Date(Date.now() + 30 * MINUTE).toISOString(),
        endsAt: new Date(Date.now() + 90 * MINUTE).toISOString(),
        capacity: ATTENDING + 1,
      },
    }),
    201,
    'publish',
  );
  const attending: SignedIn[] = [];
  for (let i = 0; i <= ATTENDING; i++) {
    const v = await register(community.id, { roles: ['volunteer'] }, suite.api);
    ok(
      await suite.api('POST', `/activities/${activity.id}/signups`, { token: v.token }),
      201,
      'sign up',
    );
    if (i < ATTENDING) {
      const { code } = doorCodeAt(CHECK_IN_SECRET, activity.id, new Date());
      ok(
        await suite.api('POST', `/activities/${activity.id}/check-in`, {
          token: v.token,
          body: { code },
        }),
        200,
        'check in',
      );
      attending.push(v);
    }
  }
  // As if it had all happened an hour ago: the activity began half an hour ago.
  await db.query(
    `UPDATE volunteers.activities SET starts_at = starts_at - interval '1 hour',
        ends_at = ends_at - interval '1 hour' WHERE id = $1`,
    [activity.id],
  );
  await db.query(
    `UPDATE volunteers.activity_signups SET checked_in_at = checked_in_at - interval '1 hour'
      WHERE activity_id = $1`,
    [activity.id],
  );
  return {
    activityId: activity.id,
    communityId: community.id,
    coordinator,
    attending,
    fundBefore,
  };
}

function close(drill: Drill): Promise<ApiResponse> {
  return suite.api('POST', `/activities/${drill.activityId}/close`, {
    token: drill.coordinator.token,
  });
}

/** Each attending volunteer paid once (60 minutes: from the start to the end), the hold settled. */
async function expectPaidExactlyOnce(drill: Drill): Promise<void> {
  const answer = await close(drill);
  expect(answer.status).toBe(200);
  expect(answer.body.paid).toHaveLength(ATTENDING);
  expect(answer.body.noShows).toHaveLength(1);
  const perVolunteer = 60;
  await eventually(async () => {
    const fund = await fundOf(drill.communityId);
    expect(fund.heldMinutes).toBe(drill.fundBefore.heldMinutes);
    expect(drill.fundBefore.balanceMinutes - fund.balanceMinutes).toBe(ATTENDING * perVolunteer);
  }, 120_000);
  const { rows: holds } = await db.query<{ status: string; posted: string }>(
    `SELECT status, posted_minutes AS posted FROM accounting.holds WHERE reference = $1`,
    [`activity:${drill.activityId}`],
  );
  expect(holds).toEqual([{ status: 'posted', posted: String(ATTENDING * perVolunteer) }]);
  const { rows: transfers } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM accounting.transfers WHERE reference = $1`,
    [`activity:${drill.activityId}`],
  );
  expect(transfers).toEqual([{ n: ATTENDING }]);
  for (const v of drill.attending) {
    await eventually(async () => {
      const record = ok<{ totalMinutes: number; entries: Array<{ source: string }> }>(
        await suite.api('GET', `/volunteers/${v.member.id}/service-record`, { token: admin }),
        200,
        'service record',
      );
      expect(record.entries.map((e) => e.source)).toEqual(['activity']);
      expect(record.totalMinutes).toBe(perVolunteer);
    }, 120_000);
  }
}

// Each drill restarts a service (up to SERVICE_START_MS on a busy machine): the
// timeouts bound the machine, not the product.
describe('closing an activity, whatever is killed', () => {
  it('pays each volunteer once when the accounting service is killed around the close', async () => {
    const drill = await prepare();
    const closing = close(drill);
    await suite.stopService('accounting', { signal: 'SIGKILL' });
    expect((await closing).status).toBe(200);
    await suite.startService('accounting');
    await expectPaidExactlyOnce(drill);
  }, 300_000);

  it('pays each volunteer once when the volunteers service is killed around the close', async () => {
    const drill = await prepare();
    const closing = close(drill);
    await suite.stopService('volunteers', { signal: 'SIGKILL' });
    // Killed before or after it committed: either the close stands, or it is asked again below.
    await closing;
    await suite.startService('volunteers');
    await expectPaidExactlyOnce(drill);
  }, 300_000);
});
