/**
 * Rights change at once: a role change, a sign-out or a replayed refresh token
 * ends every access token issued before it, on the very next call, at the
 * gateway and in every service behind it (asked directly over NATS, as if the
 * gateway had let a stale token through).
 */
import { randomUUID } from 'node:crypto';
import { ServiceClient } from '@app/common';
import {
  AccountingMessages,
  Actor,
  MessageContract,
  RequestsMessages,
  RewardsMessages,
  VolunteersMessages,
} from '@app/contracts';
import { api } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  PASSWORD,
  register,
  SignedIn,
  uniqueEmail,
} from './support/fixtures';
import { expectProblem } from './support/problems';

let admin: string;
let community: Community;
let services: ServiceClient;

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  services = new ServiceClient({
    servers: [process.env.TB_NATS_URL!],
    name: 'rights-e2e',
    prefix: process.env.TB_NATS_SUBJECT_PREFIX!,
    timeoutMs: 10_000,
  });
});

afterAll(async () => {
  await services?.onApplicationShutdown();
});

/** What a service answers when asked directly with this actor. */
async function refusalOf<P>(
  contract: MessageContract<P, unknown>,
  data: P,
  actor: Actor,
): Promise<string> {
  try {
    await services.call(contract, data, actor);
    return 'answered';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

interface Session {
  accessToken: string;
  refreshToken: string;
}

/** The actor a service is sent for this token's member, as the gateway would send it. */
function actorOfToken(token: string, member: { id: string; communityId: string | null }): Actor {
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    ver: number;
    sid: string;
  };
  return {
    memberId: member.id,
    roles: ['resident'],
    communityId: member.communityId,
    coordinatorOf: [],
    merchantId: null,
    rightsVersion: claims.ver,
    sessionId: claims.sid,
  };
}

/** Each of the four services, asked directly with this actor, refuses it as not signed in. */
async function expectEveryServiceRefuses(actor: Actor): Promise<void> {
  const answers = {
    volunteers: await refusalOf(VolunteersMessages.hoursList, {}, actor),
    accounting: await refusalOf(AccountingMessages.accountGetMine, {}, actor),
    requests: await refusalOf(RequestsMessages.requestList, {}, actor),
    rewards: await refusalOf(RewardsMessages.voucherListMine, {}, actor),
  };
  expect(answers).toEqual({
    volunteers: 'UNAUTHENTICATED',
    accounting: 'UNAUTHENTICATED',
    requests: 'UNAUTHENTICATED',
    rewards: 'UNAUTHENTICATED',
  });
}

async function signIn(loginName: string): Promise<Session> {
  const res = await api<Session>('POST', '/auth/login', {
    body: { login: loginName, password: PASSWORD },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('a demoted coordinator', () => {
  let coordinator: SignedIn;
  let staleActor: Actor;
  let resident: SignedIn;

  beforeAll(async () => {
    coordinator = await coordinatorOf(admin, community.id);
    resident = await register(community.id);
    const fund = await api('POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      headers: { 'idempotency-key': `rights-${community.id}` },
      body: { minutes: 10_000 },
    });
    expect(fund.status).toBe(201);
    // Its powers work while it is a coordinator.
    expect(
      (await api('GET', `/communities/${community.id}/fund`, { token: coordinator.token })).status,
    ).toBe(200);
    staleActor = {
      memberId: coordinator.member.id,
      roles: ['coordinator'],
      communityId: community.id,
      coordinatorOf: [community.id],
      merchantId: null,
      rightsVersion: 0,
    };
    const demoted = await api('PATCH', `/members/${coordinator.member.id}`, {
      token: admin,
      body: { roles: ['resident'] },
    });
    expect(demoted.status).toBe(200);
    expect(demoted.body.roles).toEqual(['resident']);
  });

  it('is refused at the gateway with its old token on the very next call', async () => {
    const adjustment = await api('POST', `/members/${resident.member.id}/adjustments`, {
      token: coordinator.token,
      headers: { 'idempotency-key': 'rights-demoted-adjustment' },
      body: { minutes: 5000, reason: 'after demotion' },
    });
    expectProblem(adjustment, 401, 'UNAUTHENTICATED');
    expectProblem(
      await api('GET', `/communities/${community.id}/fund`, { token: coordinator.token }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api('POST', '/merchants', {
        token: coordinator.token,
        body: { name: '老街茶铺', communityId: community.id, address: '青山路 1 号' },
      }),
      401,
      'UNAUTHENTICATED',
    );
    const residentAccount = await api('GET', '/accounts/me', { token: resident.token });
    expect(residentAccount.body.balanceMinutes).toBe(0);
  });

  it('is refused by every service asked directly with the old rights', async () => {
    expect(
      await refusalOf(
        AccountingMessages.adjustmentCreate,
        {
          memberId: resident.member.id,
          idempotencyKey: 'rights-direct-adjustment',
          adjustment: { minutes: 5000, reason: 'around the gateway' },
        },
        staleActor,
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await refusalOf(AccountingMessages.fundGet, { communityId: community.id }, staleActor),
    ).toBe('UNAUTHENTICATED');
    expect(
      await refusalOf(
        RewardsMessages.merchantCreate,
        { name: '老街茶铺', communityId: community.id, address: '青山路 1 号' },
        staleActor,
      ),
    ).toBe('UNAUTHENTICATED');
    expect(await refusalOf(RequestsMessages.requestList, {}, staleActor)).toBe('UNAUTHENTICATED');
    expect(await refusalOf(VolunteersMessages.hoursList, {}, staleActor)).toBe('UNAUTHENTICATED');
    expect(
      await refusalOf(
        VolunteersMessages.memberUpdate,
        { id: resident.member.id, changes: { priorityHousehold: true } },
        staleActor,
      ),
    ).toBe('UNAUTHENTICATED');
    const residentAccount = await api('GET', '/accounts/me', { token: resident.token });
    expect(residentAccount.body.balanceMinutes).toBe(0);
  });

  it('is only what it is now after signing in again', async () => {
    const { accessToken } = await signIn(coordinator.login);
    expect((await api('GET', '/accounts/me', { token: accessToken })).status).toBe(200);
    expectProblem(
      await api('GET', `/communities/${community.id}/fund`, { token: accessToken }),
      403,
      'FORBIDDEN',
    );
  });

  it('cannot claim rights it never had by forging the actor of a current token', async () => {
    const { accessToken } = await signIn(coordinator.login);
    expect((await api('GET', '/me', { token: accessToken })).body.roles).toEqual(['resident']);
    const forged: Actor = { ...staleActor, rightsVersion: 1, sessionId: randomUUID() };
    expect(await refusalOf(AccountingMessages.fundGet, { communityId: community.id }, forged)).toBe(
      'FORBIDDEN',
    );
  });
});

describe('signing out', () => {
  it('ends the access token of the session at once', async () => {
    const member = await register(community.id);
    const session = await signIn(member.login);
    expect((await api('GET', '/accounts/me', { token: session.accessToken })).status).toBe(200);
    const out = await api('POST', '/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(out.status).toBe(204);
    expectProblem(
      await api('GET', '/accounts/me', { token: session.accessToken }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await api('GET', '/me', { token: session.accessToken }), 401, 'UNAUTHENTICATED');
    await expectEveryServiceRefuses(actorOfToken(session.accessToken, member.member));
    // A new sign-in works as before, and the ended session's actor is still refused.
    const other = await signIn(member.login);
    expect((await api('GET', '/accounts/me', { token: other.accessToken })).status).toBe(200);
    await expectEveryServiceRefuses(actorOfToken(session.accessToken, member.member));
    const again = await signIn(member.login);
    expect((await api('GET', '/accounts/me', { token: again.accessToken })).status).toBe(200);
  });
});

describe('a replayed refresh token', () => {
  it('ends every access token of the member, however many sessions', async () => {
    const email = uniqueEmail('replay');
    const reg = await api('POST', '/auth/register', {
      body: { email, password: PASSWORD, displayName: '李四', communityId: community.id },
    });
    expect(reg.status).toBe(201);
    const other = await signIn(email);
    const renewed = await api('POST', '/auth/refresh', {
      body: { refreshToken: reg.body.refreshToken },
    });
    expect(renewed.status).toBe(200);
    const replay = await api('POST', '/auth/refresh', {
      body: { refreshToken: reg.body.refreshToken },
    });
    expectProblem(replay, 401, 'UNAUTHENTICATED');
    for (const token of [reg.body.accessToken, other.accessToken, renewed.body.accessToken]) {
      expectProblem(await api('GET', '/accounts/me', { token }), 401, 'UNAUTHENTICATED');
    }
  });
});

describe('a suspended member', () => {
  it('is refused at the gateway and by every service, and only until reinstated', async () => {
    const member = await register(community.id);
    const session = await signIn(member.login);
    const actor = actorOfToken(session.accessToken, member.member);
    expect(await refusalOf(AccountingMessages.accountGetMine, {}, actor)).toBe('answered');
    const suspended = await api('POST', `/members/${member.member.id}/suspend`, {
      token: admin,
      body: { reason: '长期外出' },
    });
    expect(suspended.status).toBe(200);
    expectProblem(
      await api('GET', '/accounts/me', { token: session.accessToken }),
      401,
      'UNAUTHENTICATED',
    );
    await expectEveryServiceRefuses(actor);
    await api('POST', `/members/${member.member.id}/reinstate`, { token: admin });
    // The old session ended with the suspension; a new sign-in works.
    await expectEveryServiceRefuses(actor);
    const back = await signIn(member.login);
    expect((await api('GET', '/accounts/me', { token: back.accessToken })).status).toBe(200);
  });
});

describe('public routes', () => {
  it('still answer a caller whose token no longer holds', async () => {
    const member = await register(community.id);
    const session = await signIn(member.login);
    await api('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect((await api('GET', '/communities', { token: session.accessToken })).status).toBe(200);
  });
});
