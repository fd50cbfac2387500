import { Client } from 'pg';
import { adminToken, fundedCommunity, register, SignedIn } from './support/fixtures';
import { ApiResponse, ok } from './support/http';
import { startPrivateSuite, SUITE_START_MS, TestSuite } from './support/suite';
import { pause, until } from './support/wait';

/**
 * The drills of issue 4: a service stops while 100 confirmations are in flight;
 * once it is back every volunteer is credited exactly once, every service record
 * entry is there once, and the ledger balances.
 */
const REQUESTS = 100;
const VOLUNTEERS = 10;

interface Drill {
  volunteers: SignedIn[];
  residents: SignedIn[];
  requestIds: string[];
  /** minutes confirmed per volunteer id */
  expected: Map<string, number>;
}

let suite: TestSuite;
let admin: string;

beforeAll(async () => {
  suite = await startPrivateSuite({ label: 'exactly-once', env: { SERVICE_TIMEOUT_MS: '10000' } });
  admin = await adminToken(suite.api);
}, SUITE_START_MS);

afterAll(async () => {
  await suite?.stop();
});

/** 100 requests posted, accepted and completed, ready to be confirmed. */
async function prepare(): Promise<Drill> {
  const { community, coordinator } = await fundedCommunity(
    admin,
    { minutes: 1_000_000 },
    suite.api,
  );
  const residents: SignedIn[] = [];
  for (let i = 0; i < 5; i++) {
    const resident = await register(community.id, {}, suite.api);
    ok(
      await suite.api('POST', `/members/${resident.member.id}/adjustments`, {
        token: coordinator.token,
        body: { minutes: 10_000, reason: 'drill' },
      }),
      201,
      'adjustment',
    );
    residents.push(resident);
  }
  const volunteers: SignedIn[] = [];
  for (let i = 0; i < VOLUNTEERS; i++)
    volunteers.push(await register(community.id, { roles: ['volunteer'] }, suite.api));

  const requestIds: string[] = [];
  const expected = new Map<string, number>();
  const start = new Date(Date.now() + 3600_000).toISOString();
  const end = new Date(Date.now() + 7200_000).toISOString();
  for (let i = 0; i < REQUESTS; i++) {
    const resident = residents[i % residents.length];
    const volunteer = volunteers[i % VOLUNTEERS];
    const minutes = 30 + (i % 7) * 5;
    const posted = ok(
      await suite.api('POST', '/requests', {
        token: resident.token,
        body: {
          title: `陪同就医 #${i}`,
          description: 'Escort to the clinic',
          category: 'escort',
          windowStart: start,
          windowEnd: end,
          estimatedMinutes: 60,
        },
      }),
      201,
      'post request',
    );
    const id = posted.id as string;
    ok(
      await suite.api('POST', `/requests/${id}/accept`, { token: volunteer.token }),
      200,
      'accept',
    );
    ok(
      await suite.api('POST', `/requests/${id}/complete`, {
        token: volunteer.token,
        body: { minutes },
      }),
      200,
      'complete',
    );
    requestIds.push(id);
    expected.set(volunteer.member.id, (expected.get(volunteer.member.id) ?? 0) + minutes);
  }
  return { volunteers, residents, requestIds, expected };
}

async function confirmAll(drill: Drill): Promise<ApiResponse[]> {
  return Promise.all(
    drill.requestIds.map((id, i) =>
      suite.api('POST', `/requests/${id}/confirm`, {
        token: drill.residents[i % drill.residents.length].token,
        headers: { 'idempotency-key': `confirm-${id}` },
        body: { rating: 5 },
      }),
    ),
  );
}

async function credited(volunteer: SignedIn): Promise<number> {
  const res = await suite.api('GET', '/accounts/me', { token: volunteer.token });
  return res.status === 200 ? (res.body.lifetimeEarnedMinutes as number) : -1;
}

async function recordEntries(
  volunteer: SignedIn,
): Promise<Array<{ sourceId: string; minutes: number }>> {
  const res = await suite.api('GET', `/volunteers/${volunteer.member.id}/service-record`, {
    token: volunteer.token,
  });
  return res.status === 200
    ? (res.body.entries as Array<{ sourceId: string; minutes: number }>)
    : [];
}

async function expectSettledExactlyOnce(drill: Drill): Promise<void> {
  await until(
    'every volunteer credited what was confirmed',
    () => Promise.all(drill.volunteers.map(credited)),
    (totals) => drill.volunteers.every((v, i) => totals[i] === drill.expected.get(v.member.id)),
    60_000,
  );
  await until(
    `${REQUESTS} entries on the service records`,
    async () => (await Promise.all(drill.volunteers.map(recordEntries))).flat().length,
    (entries) => entries >= REQUESTS,
    60_000,
  );
  // Settled: nothing more may arrive. Every credit once, every entry once.
  await pause(1000);
  for (const volunteer of drill.volunteers) {
    const account = await suite.api('GET', '/accounts/me', { token: volunteer.token });
    expect(account.body).toMatchObject({
      balanceMinutes: drill.expected.get(volunteer.member.id),
      lifetimeEarnedMinutes: drill.expected.get(volunteer.member.id),
    });
    const entries = await recordEntries(volunteer);
    expect(new Set(entries.map((e) => e.sourceId)).size).toBe(entries.length);
    expect(entries.reduce((sum, e) => sum + e.minutes, 0)).toBe(
      drill.expected.get(volunteer.member.id),
    );
  }
  const entries = (await Promise.all(drill.volunteers.map(recordEntries))).flat();
  expect(entries.map((e) => e.sourceId).sort()).toEqual([...drill.requestIds].sort());
  const check = await suite.api('GET', '/ledger/check', { token: admin });
  expect(check.body).toMatchObject({ balanced: true, totalMinutes: 0, violations: [] });
  const deadLetters = await deadLetterCount();
  expect(deadLetters).toBe(0);
}

async function deadLetterCount(): Promise<number> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    let total = 0;
    for (const schema of ['volunteers', 'accounting', 'requests']) {
      const rows = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}.dead_letters`,
      );
      total += Number(rows.rows[0].n);
    }
    return total;
  } finally {
    await client.end();
  }
}

// Each drill restarts a service (up to SERVICE_START_MS on a busy machine) and
// waits for 100 confirmations to settle: the timeouts bound the machine, not the product.
describe('exactly once, whatever stops', () => {
  it('credits every volunteer once when the accounting service stops mid-flight', async () => {
    const drill = await prepare();
    const confirming = confirmAll(drill);
    await suite.stopService('accounting');
    const answers = await confirming;
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    await suite.startService('accounting');
    await expectSettledExactlyOnce(drill);
  }, 300_000);

  it('records every entry once when the volunteers service stops mid-flight', async () => {
    const drill = await prepare();
    const confirming = confirmAll(drill);
    await suite.stopService('volunteers');
    const answers = await confirming;
    // Confirming asks nothing of the volunteers service once the request is completed.
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    await suite.startService('volunteers');
    await expectSettledExactlyOnce(drill);
  }, 300_000);
});
