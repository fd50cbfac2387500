/**
 * Hostile requests to every operation of the OpenAPI document the gateway
 * serves (a new route is fuzzed without anyone listing it), sent anonymously
 * and as a member of each role. Whatever comes in: no 5xx, every refusal is
 * problem+json with a code and a request id, no stack trace, SQL, hash or
 * internal field leaks out, and the ledger still balances afterwards.
 *
 * FUZZ_RUNS (requests, default 2000), FUZZ_SEED and FUZZ_CONCURRENCY
 * (requests in flight, default 6) tune a run; a failure prints the seed.
 */
import fc from 'fast-check';
import { api, ok, sharedBaseUrl } from './support/http';
import {
  adminToken,
  approvedOffer,
  coordinatorOf,
  createCommunity,
  createMember,
  fundCommunity,
  register,
  unique,
} from './support/fixtures';
import {
  describe as describeExchange,
  FuzzOperation,
  FuzzRequest,
  FuzzResponse,
  IdPools,
  OpenApiDocument,
  operationsOf,
  requestsFor,
  violationsOf,
  weightOf,
} from './support/fuzz';

const RUNS = Math.max(2000, Number(process.env.FUZZ_RUNS ?? 2000));
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 6);
const HOUR = 3_600_000;

const origin = () => new URL(sharedBaseUrl()).origin;

/** One member of each role with something of theirs to act on, all through the public API. */
const FORGED_VALUES: unknown[] = [
  'x',
  '',
  -1,
  1.5,
  1e300,
  '99999999999999999999',
  null,
  [],
  {},
  '+275760-09-13T00:00:00.000Z',
];

/** A real cursor, cut short, and with each of its values replaced by one the query cannot take. */
function forgedFrom(cursor: string): string[] {
  const out = [cursor, cursor.slice(0, -2)];
  let key: Record<string, unknown>;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return out;
  }
  for (const name of Object.keys(key)) {
    for (const value of FORGED_VALUES) {
      out.push(
        Buffer.from(JSON.stringify({ ...key, [name]: value }), 'utf8').toString('base64url'),
      );
    }
  }
  return out;
}

async function world(operations: FuzzOperation[]): Promise<{
  tokens: Record<string, string | undefined>;
  pools: IdPools;
  cursors: string[];
}> {
  const boss = await adminToken();
  const community = await createCommunity(boss);
  await fundCommunity(boss, community.id, { minutes: 100_000, memo: 'fuzz', key: unique('fund') });
  const admin = await createMember(boss, { communityId: community.id, roles: ['admin'] });
  const coordinator = await coordinatorOf(boss, community.id);
  const resident = await register(community.id);
  const volunteer = await register(community.id, { roles: ['volunteer'] });
  const target = await register(community.id, { roles: ['resident', 'volunteer'] });
  const merchant = ok(
    await api('POST', '/merchants', {
      token: coordinator.token,
      body: { name: unique('豆浆铺'), communityId: community.id, address: '青山路 12 号' },
    }),
    201,
    'merchant',
  );
  const staff = await createMember(coordinator.token, {
    communityId: community.id,
    roles: ['merchant'],
    merchantId: merchant.id,
  });
  const transfers: string[] = [];
  for (const who of [resident, volunteer, target]) {
    const adjustment = ok(
      await api('POST', `/members/${who.member.id}/adjustments`, {
        token: coordinator.token,
        body: { minutes: 2_000, reason: 'fuzz opening balance' },
      }),
      201,
      'adjustment',
    );
    transfers.push(adjustment.transferId ?? adjustment.id);
  }
  const request = ok(
    await api('POST', '/requests', {
      token: resident.token,
      body: {
        title: '陪同去社区医院复诊',
        description: '周三上午',
        category: 'escort',
        windowStart: new Date(Date.now() + 24 * HOUR).toISOString(),
        windowEnd: new Date(Date.now() + 26 * HOUR).toISOString(),
        estimatedMinutes: 60,
      },
    }),
    201,
    'help request',
  );
  // A second of each listed thing, so every list has a next page and its cursor can be read.
  ok(
    await api('POST', '/requests', {
      token: resident.token,
      body: {
        title: '买菜',
        description: '周四',
        category: 'errands',
        windowStart: new Date(Date.now() + 48 * HOUR).toISOString(),
        windowEnd: new Date(Date.now() + 50 * HOUR).toISOString(),
        estimatedMinutes: 30,
      },
    }),
    201,
    'second help request',
  );
  for (const daysAgo of [4, 5]) {
    ok(
      await api('POST', '/hours', {
        token: volunteer.token,
        body: {
          minutes: 60,
          servedOn: new Date(Date.now() - daysAgo * 24 * HOUR).toISOString().slice(0, 10),
          description: '社区清洁',
        },
      }),
      201,
      'more hours',
    );
  }
  const hours = ok(
    await api('POST', '/hours', {
      token: volunteer.token,
      body: {
        minutes: 60,
        servedOn: new Date(Date.now() - 72 * HOUR).toISOString().slice(0, 10),
        description: '社区清洁',
      },
    }),
    201,
    'hours',
  );
  const offer = await approvedOffer(
    coordinator,
    { id: merchant.id, staff },
    { quantity: 1000, perMemberLimit: 100 },
  );
  const voucher = ok(
    await api('POST', `/offers/${offer.id}/claim`, {
      token: volunteer.token,
      headers: { 'idempotency-key': unique('claim') },
    }),
    201,
    'claim',
  );
  ok(
    await api('POST', `/offers/${offer.id}/claim`, {
      token: volunteer.token,
      headers: { 'idempotency-key': unique('claim') },
    }),
    201,
    'second claim',
  );
  // Real cursors, read from the first page of every list, and the same with each value forged.
  const cursors = ['', 'x', 'eyJ9', 'bnVsbA', 'W10'];
  for (const op of operations.filter(
    (o) => o.method === 'GET' && o.queryParams.some((q) => q.name === 'cursor'),
  )) {
    const path = op.path.replace(/\{[^}]+\}/g, merchant.id).replace(/^\/api\/v1/, '');
    for (const token of [admin.token, volunteer.token, staff.token]) {
      const page = await api('GET', `${path}?limit=1`, { token });
      if (typeof page.body?.nextCursor === 'string')
        cursors.push(...forgedFrom(page.body.nextCursor));
    }
  }
  return {
    tokens: {
      anonymous: undefined,
      forged: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      resident: resident.token,
      volunteer: volunteer.token,
      coordinator: coordinator.token,
      admin: admin.token,
      merchant: staff.token,
    },
    pools: {
      members: [resident.member.id, volunteer.member.id, target.member.id, staff.member.id],
      communities: [community.id],
      gridUnits: community.gridUnits.map((g) => g.id),
      merchants: [merchant.id],
      requests: [request.id],
      hours: [hours.id],
      offers: [offer.id],
      vouchers: [voucher.voucherId],
      transfers: transfers.filter(Boolean),
    },
    cursors: [...new Set(cursors)],
  };
}

/** What tells one defect from another: the status and the problem's code, title and detail (or the framework's error). */
function signatureOf(res: FuzzResponse): string {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    // not JSON: the status says enough
  }
  const what = [body.code, body.error, body.title, body.detail]
    .filter((x) => typeof x === 'string')
    .join(' ');
  return `[${res.status}${what ? ` ${what}` : ''}]`;
}

async function send(req: FuzzRequest, token: string | undefined): Promise<FuzzResponse> {
  const headers = { ...req.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${origin()}${req.url}`, {
    method: req.method,
    headers,
    body: req.body === undefined ? undefined : Buffer.from(req.body, 'utf8'),
    signal: AbortSignal.timeout(30_000),
  });
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => (out[name.toLowerCase()] = value));
  return { status: res.status, headers: out, text: await res.text() };
}

describe('fuzzing every route of the OpenAPI document', () => {
  let operations: FuzzOperation[];

  beforeAll(async () => {
    const res = await fetch(`${origin()}/api/docs-json`);
    expect(res.status).toBe(200);
    operations = operationsOf((await res.json()) as OpenApiDocument);
  });

  it('reads the routes from the served document', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/transfers', 'PATCH /api/v1/members/{id}']),
    );
  });

  it(`answers ${RUNS} hostile requests without a 5xx, a bare refusal or a leak, and the ledger balances`, async () => {
    const { tokens, pools, cursors } = await world(operations);
    const actors = Object.keys(tokens);
    const request = fc.oneof(
      ...operations.map((op) => ({
        weight: weightOf(op),
        arbitrary: requestsFor(op, actors, pools, cursors),
      })),
    );
    const failures = new Map<string, { example: string; count: number; operations: Set<string> }>();
    const note = (signature: string, operation: string, example: string) => {
      const seen = failures.get(signature) ?? { example, count: 0, operations: new Set<string>() };
      seen.count += 1;
      seen.operations.add(operation);
      failures.set(signature, seen);
    };
    let cases = 0;
    let fives = 0;

    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: CONCURRENCY, maxLength: CONCURRENCY }),
        async (batch) => {
          await Promise.all(
            batch.map(async (req) => {
              cases += 1;
              let res: FuzzResponse;
              try {
                res = await send(req, tokens[req.actor]);
              } catch (error) {
                note(
                  `no answer: ${(error as Error).message}`,
                  req.operation,
                  describeExchange(req, error as Error),
                );
                return;
              }
              if (res.status >= 500) fives += 1;
              for (const problem of violationsOf(req, res)) {
                note(`${problem} ${signatureOf(res)}`, req.operation, describeExchange(req, res));
              }
            }),
          );
        },
      ),
      { numRuns: Math.ceil(RUNS / CONCURRENCY), seed: SEED, endOnFailure: true },
    );

    const check = await api('GET', '/ledger/check', { token: await adminToken() });
    if (check.status !== 200 || check.body?.balanced !== true || check.body?.violations?.length) {
      note(
        'the ledger does not balance',
        'GET /ledger/check',
        `${check.status} ${JSON.stringify(check.body)}`,
      );
    }
    console.log(
      `fuzz: ${cases} cases over ${operations.length} operations, ${fives} 5xx, ` +
        `${failures.size} distinct failures, ${cursors.length} cursors, seed ${SEED}`,
    );
    if (failures.size > 0) {
      throw new Error(
        `fuzzing (seed ${SEED}, FUZZ_SEED=${SEED} replays it) found ${failures.size} distinct failures:\n` +
          [...failures.entries()]
            .map(
              ([signature, f], i) =>
                `${i + 1}. ${signature}: ${f.count} times, in ${[...f.operations].slice(0, 4).join(', ')}` +
                `${f.operations.size > 4 ? ` and ${f.operations.size - 4} more` : ''}; for example\n    ${f.example}`,
            )
            .join('\n'),
      );
    }
    expect(cases).toBeGreaterThanOrEqual(2000);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ balanced: true, violations: [] });
  }, 300_000);
});
