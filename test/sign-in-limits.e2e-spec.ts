import { launchSuite, Suite } from '../scripts/launcher';
import { apiFor, ApiResponse } from './support/http';
import { adminToken, Community, createCommunity, PASSWORD, uniqueEmail } from './support/fixtures';
import { expectProblem } from './support/problems';
import {
  freePort,
  SERVICE_START_MS,
  startPrivateSuite,
  SUITE_START_MS,
  TestSuite,
} from './support/suite';

// Low ceilings so a test reaches them in a few calls; the policy is the same at the defaults.
const PER_ACCOUNT_ADDRESS = 3;
const PER_ACCOUNT = 6;
const PER_ADDRESS = 8;
const WINDOW_SECONDS = 600;

let suite: TestSuite;
/** A second gateway in front of the same services: a copy behind the same load balancer. */
let secondGateway: Suite;
/** The private suite, then a second gateway over it: waiting for the machine. */
const START_MS = SUITE_START_MS + 2 * SERVICE_START_MS;
let community: Community;

beforeAll(async () => {
  suite = await startPrivateSuite({
    label: 'sign-in-limits',
    env: {
      SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: String(PER_ACCOUNT_ADDRESS),
      SIGN_IN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
      SIGN_IN_FAILURES_PER_ADDRESS: String(PER_ADDRESS),
      SIGN_IN_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  });
  secondGateway = await launchSuite({
    env: { ...suite.env, PORT: String(await freePort()) },
    services: ['gateway'],
    startTimeoutMs: SERVICE_START_MS,
  });
  await secondGateway.waitHealthy(SERVICE_START_MS);
  community = await createCommunity(await adminToken(suite.api), 1, suite.api);
}, START_MS);

afterAll(async () => {
  await secondGateway?.stop();
  await suite?.stop();
});

type Gateway = 'first' | 'second';

/** POST /auth/login from a client address (the suite trusts X-Forwarded-For), through one gateway. */
function signIn(
  login: string,
  password: string,
  address: string,
  gateway: Gateway = 'first',
): Promise<ApiResponse> {
  const api = gateway === 'first' ? suite.api : apiFor(secondGateway.baseUrl);
  return api('POST', '/auth/login', {
    body: { login, password },
    headers: { 'x-forwarded-for': address },
  });
}

async function registered(body: { email?: string; phone?: string }): Promise<void> {
  const res = await suite.api('POST', '/auth/register', {
    body: { ...body, password: PASSWORD, displayName: 'x', communityId: community.id },
    headers: { 'x-forwarded-for': '198.51.100.250' },
  });
  expect(res.status).toBe(201);
}

/** A 429 that says how long to wait, and no longer than the window. */
function expectLimited(res: ApiResponse): void {
  expectProblem(res, 429, 'RATE_LIMITED');
  const wait = Number(res.headers['retry-after']);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe('sign-in failures are counted per normalised login', () => {
  it('counts the four notations of one phone number as one account', async () => {
    await registered({ phone: '+86 138 0000 3521' });
    const address = '203.0.113.10';
    for (const notation of ['+86 138 0000 3521', '+86.138.0000.3521', '008613800003521']) {
      expect((await signIn(notation, 'wrong-password', address)).status).toBe(401);
    }
    expectLimited(await signIn('13800003521', PASSWORD, address));
  });

  it('counts an e-mail however it is capitalised or padded as one account', async () => {
    const email = uniqueEmail('cased');
    await registered({ email });
    const address = '203.0.113.11';
    for (const typed of [email, email.toUpperCase(), `  ${email} `]) {
      expect((await signIn(typed, 'wrong-password', address)).status).toBe(401);
    }
    expectLimited(await signIn(email, PASSWORD, address));
  });

  it('keeps one count for every gateway copy: two gateways allow no more guesses than one', async () => {
    const email = uniqueEmail('two-gateways');
    await registered({ email });
    const address = '203.0.113.12';
    const gateways: Gateway[] = ['first', 'second', 'first'];
    for (const gateway of gateways) {
      expect((await signIn(email, 'wrong-password', address, gateway)).status).toBe(401);
    }
    expectLimited(await signIn(email, PASSWORD, address, 'second'));
    expectLimited(await signIn(email, PASSWORD, address, 'first'));
  });
});

describe('the refusal in the language asked for', () => {
  it('says to wait in Chinese by default and in English when asked, same code and wait', async () => {
    const email = uniqueEmail('elderly');
    await registered({ email });
    const address = '203.0.113.13';
    for (let i = 0; i < PER_ACCOUNT_ADDRESS; i++) {
      expect((await signIn(email, 'wrong-password', address)).status).toBe(401);
    }
    const asked = (language: string) =>
      suite.api('POST', '/auth/login', {
        body: { login: email, password: PASSWORD },
        headers: { 'x-forwarded-for': address, 'accept-language': language },
      });
    const zh = await asked('');
    const en = await asked('en');
    expectLimited(zh);
    expectLimited(en);
    expect([zh.headers['content-language'], zh.body.detail]).toEqual([
      'zh-CN',
      '登录失败的次数太多了，请稍等一会儿再试',
    ]);
    expect([en.headers['content-language'], en.body.detail]).toEqual([
      'en',
      'Too many failed sign-in attempts: wait before trying again',
    ]);
  });
});

describe('a stranger guessing does not lock the owner out', () => {
  it('refuses one address after its failures on the account, and lets the owner in from another', async () => {
    const email = uniqueEmail('owner');
    await registered({ email });
    for (let i = 0; i < PER_ACCOUNT_ADDRESS; i++) {
      expect((await signIn(email, 'wrong-password', '192.0.2.20')).status).toBe(401);
    }
    expectLimited(await signIn(email, PASSWORD, '192.0.2.20'));

    expect((await signIn(email, PASSWORD, '198.51.100.20')).status).toBe(200);
  });

  it('refuses everyone on the account once failures from many addresses reach its ceiling', async () => {
    const email = uniqueEmail('besieged');
    await registered({ email });
    for (let i = 0; i < PER_ACCOUNT; i++) {
      const address = `192.0.2.${30 + Math.floor(i / 2)}`; // two tries per address, below its ceiling
      expect((await signIn(email, 'wrong-password', address)).status).toBe(401);
    }
    expectLimited(await signIn(email, PASSWORD, '198.51.100.30'));
  });

  it('does not count successful sign-ins, and a success forgets that address’s earlier typos', async () => {
    const email = uniqueEmail('typist');
    await registered({ email });
    const address = '198.51.100.40';
    for (let i = 0; i < PER_ACCOUNT_ADDRESS + 2; i++) {
      expect((await signIn(email, PASSWORD, address)).status).toBe(200);
    }
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < PER_ACCOUNT_ADDRESS - 1; i++) {
        expect((await signIn(email, 'wrong-password', address)).status).toBe(401);
      }
      expect((await signIn(email, PASSWORD, address)).status).toBe(200);
    }
  });
});

describe('unknown logins', () => {
  it('are limited exactly like an account that exists, so a refusal tells nothing', async () => {
    const known = uniqueEmail('known');
    await registered({ email: known });
    const unknown = uniqueEmail('unknown');
    const answers = async (login: string, address: string) => {
      const statuses: number[] = [];
      for (let i = 0; i <= PER_ACCOUNT_ADDRESS; i++) {
        statuses.push((await signIn(login, 'wrong-password', address)).status);
      }
      return statuses;
    };
    const forKnown = await answers(known, '192.0.2.50');
    const forUnknown = await answers(unknown, '192.0.2.51');
    expect(forUnknown).toEqual(forKnown);
    expect(forUnknown).toEqual([...Array(PER_ACCOUNT_ADDRESS).fill(401), 429]);
    expectLimited(await signIn(unknown, 'wrong-password', '192.0.2.51'));
  });

  it('that are not even a phone number or an e-mail are counted too', async () => {
    for (let i = 0; i < PER_ACCOUNT_ADDRESS; i++) {
      expect((await signIn('not-a-login', 'wrong-password', '192.0.2.52')).status).toBe(401);
    }
    expectLimited(await signIn('NOT-A-LOGIN', 'wrong-password', '192.0.2.52'));
  });
});

describe('one address trying many accounts', () => {
  it('is refused after its failures across accounts reach the per-address ceiling', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect((await signIn(uniqueEmail('nobody'), PASSWORD, address)).status).toBe(401);
    }
    expectLimited(await signIn(uniqueEmail('nobody'), PASSWORD, address));
    expect((await signIn(uniqueEmail('nobody'), PASSWORD, '192.0.2.78')).status).toBe(401);
  });
});
