/**
 * PostgreSQL or NATS away, and back: the clients are told 503 with Retry-After
 * (never 500), everything answers again once it returns, the outbox listens
 * again, and nothing is lost or doubled across the cut. The suite reaches both
 * through TCP proxies of its own (support/tcp-proxy.ts): the machine's
 * PostgreSQL and NATS stay up for the other suites.
 */
import { Client } from 'pg';
import { adminToken, completedRequest, Neighbours, neighbours, unique } from './support/fixtures';
import { ApiResponse, ok } from './support/http';
import { expectProblem } from './support/problems';
import {
  databaseUrlFor,
  machineUrls,
  randomSuffix,
  startPrivateSuite,
  SUITE_START_MS,
  TestSuite,
} from './support/suite';
import { startTcpProxy, TcpProxy } from './support/tcp-proxy';
import { eventually, pause, until } from './support/wait';

/** How long each outage lasts while clients keep asking. */
const OUTAGE_MS = 3000;
const OUTAGE_TEST_MS = 180_000;

let postgres: TcpProxy;
let nats: TcpProxy;
let suite: TestSuite;
let admin: string;
const lines: Array<{ service: string; line: string }> = [];

beforeAll(async () => {
  const machine = machineUrls();
  postgres = await startTcpProxy(machine.databaseUrl);
  nats = await startTcpProxy(machine.natsUrl);
  suite = await startPrivateSuite({
    label: 'outages',
    env: {
      DATABASE_URL: databaseUrlFor(
        `timebank_test_${randomSuffix()}`,
        postgres.through(machine.databaseUrl),
      ),
      NATS_URL: nats.through(machine.natsUrl),
    },
    onLine: (line, service) => lines.push({ service, line }),
  });
  admin = await adminToken(suite.api);
}, SUITE_START_MS);

afterAll(async () => {
  postgres?.restore();
  nats?.restore();
  await suite?.stop();
  await postgres?.close();
  await nats?.close();
});

interface Gift {
  key: string;
  answer: ApiResponse;
}

/**
 * Residents keep reading their account and giving a minute each (every gift
 * with its own Idempotency-Key) while `outage` runs, and a little after.
 */
async function askingThrough(cast: Neighbours, outage: () => Promise<void>) {
  const answers: ApiResponse[] = [];
  const gifts: Gift[] = [];
  let asking = true;
  const reader = async () => {
    while (asking) {
      answers.push(await suite.api('GET', '/accounts/me', { token: cast.resident.token }));
      await pause(20);
    }
  };
  const giver = async () => {
    while (asking) {
      const key = unique('gift');
      const answer = await give(cast, key);
      gifts.push({ key, answer });
      answers.push(answer);
      await pause(50);
    }
  };
  const clients = [reader(), reader(), giver(), giver()];
  await pause(500);
  await outage();
  await pause(1000);
  asking = false;
  await Promise.all(clients);
  return { answers, gifts };
}

function give(cast: Neighbours, key: string): Promise<ApiResponse> {
  return suite.api('POST', '/transfers', {
    token: cast.resident.token,
    headers: { 'idempotency-key': key },
    body: { toMemberId: cast.volunteer.member.id, minutes: 1 },
  });
}

/** Every answer was served, or refused as unavailable with a wait to retry after; some were refused. */
function expectServedOrUnavailable(answers: ApiResponse[]): void {
  const statuses = new Set(answers.map((a) => a.status));
  expect([...statuses].filter((s) => ![200, 201, 503].includes(s))).toEqual([]);
  const refused = answers.filter((a) => a.status === 503);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) {
    expectProblem(answer, 503, 'SERVICE_UNAVAILABLE');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  }
}

/**
 * A client's retry of each gift refused while the outage lasted, with its key,
 * until it is served; then every minute given is on exactly one side.
 */
async function expectEachGiftOnce(
  cast: Neighbours,
  gifts: Gift[],
  { residentBefore, volunteerEarned }: { residentBefore: number; volunteerEarned: number },
) {
  for (const gift of gifts.filter((g) => g.answer.status === 503)) {
    await eventually(async () =>
      ok<unknown>(await give(cast, gift.key), 201, 'the gift asked again'),
    );
  }
  const accountOf = async (token: string) =>
    ok<unknown>(await suite.api('GET', '/accounts/me', { token }), 200, 'account');
  expect(await accountOf(cast.resident.token)).toMatchObject({
    balanceMinutes: residentBefore - gifts.length,
  });
  expect(await accountOf(cast.volunteer.token)).toMatchObject({
    balanceMinutes: volunteerEarned + gifts.length,
  });
  const check = ok(await suite.api('GET', '/ledger/check', { token: admin }), 200, 'ledger');
  expect(check).toMatchObject({ balanced: true, violations: [] });
}

/** Confirms each request and waits for the volunteer to be paid for all, once each. */
async function expectPaidOnce(cast: Neighbours, requestIds: string[], minutes: number) {
  const db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
  try {
    const { rows } = await until(
      'each confirmation paid',
      () =>
        db.query<{ reference: string; n: string }>(
          `SELECT reference, count(*) AS n FROM accounting.transfers
            WHERE kind = 'service' AND reference = ANY($1) GROUP BY reference`,
          [requestIds.map((id) => `request:${id}`)],
        ),
      (result) => result.rows.length === requestIds.length,
    );
    expect(rows.map((r) => Number(r.n))).toEqual(requestIds.map(() => 1));
  } finally {
    await db.end();
  }
  const { body } = await suite.api('GET', '/accounts/me', { token: cast.volunteer.token });
  expect(body.lifetimeEarnedMinutes).toBe(requestIds.length * minutes);
}

async function confirm(cast: Neighbours, requestId: string): Promise<void> {
  ok(
    await suite.api('POST', `/requests/${requestId}/confirm`, {
      token: cast.resident.token,
      body: { rating: 5 },
    }),
    200,
    'confirm',
  );
}

describe('PostgreSQL away', () => {
  it(
    'answers 503 with Retry-After while it is gone, serves again when it is back, and loses or doubles nothing',
    async () => {
      const cast = await neighbours(admin, { credits: 600 }, suite.api);
      const requests = [await completedRequest(cast, 20, suite.api)];
      requests.push(await completedRequest(cast, 20, suite.api));
      const relistened = lines.length;

      const { answers, gifts } = await askingThrough(cast, async () => {
        await confirm(cast, requests[0]); // its event waits in the outbox across the cut
        postgres.cut();
        await pause(OUTAGE_MS);
        postgres.restore();
      });

      expectServedOrUnavailable(answers);
      await eventually(async () =>
        ok<unknown>(
          await suite.api('GET', '/accounts/me', { token: cast.resident.token }),
          200,
          'back',
        ),
      );
      // Each relay LISTENs again (its NOTIFY wakes it at once, not its 1 s poll).
      await until(
        'the relays listening again',
        () =>
          new Set(
            lines
              .slice(relistened)
              .filter(({ line }) => line.includes('outbox listener: listening again'))
              .map(({ service }) => service),
          ),
        (services) => services.has('requests') && services.has('accounting'),
      );
      await confirm(cast, requests[1]);
      await expectPaidOnce(cast, requests, 20);
      await expectEachGiftOnce(cast, gifts, { residentBefore: 600 - 40, volunteerEarned: 40 });
    },
    OUTAGE_TEST_MS,
  );
});

describe('NATS away', () => {
  it(
    'answers 503 with Retry-After at once while it is gone, serves again when it is back, and loses or doubles nothing',
    async () => {
      const cast = await neighbours(admin, { credits: 600 }, suite.api);
      const requests = [await completedRequest(cast, 15, suite.api)];
      requests.push(await completedRequest(cast, 15, suite.api));
      let refusedInMs = Infinity;

      const { answers, gifts } = await askingThrough(cast, async () => {
        await confirm(cast, requests[0]); // its event may be in the outbox or in flight at the cut
        nats.cut();
        await pause(200);
        const started = Date.now();
        const refused = await suite.api('GET', '/accounts/me', { token: cast.resident.token });
        refusedInMs = Date.now() - started;
        expectProblem(refused, 503, 'SERVICE_UNAVAILABLE');
        await pause(OUTAGE_MS);
        nats.restore();
      });

      expectServedOrUnavailable(answers);
      expect(refusedInMs).toBeLessThan(1000); // at once, not after the service timeout
      await eventually(async () =>
        ok<unknown>(
          await suite.api('GET', '/accounts/me', { token: cast.resident.token }),
          200,
          'back',
        ),
      );
      await confirm(cast, requests[1]);
      await expectPaidOnce(cast, requests, 15);
      await expectEachGiftOnce(cast, gifts, { residentBefore: 600 - 30, volunteerEarned: 30 });
    },
    OUTAGE_TEST_MS,
  );
});
