/**
 * A member's own account and what staff do to one: changing a password,
 * a temporary password that must be changed first, suspension and
 * reinstatement, and the name and language on the account.
 */
import { ServiceClient } from '@app/common';
import { AccountingMessages, Actor } from '@app/contracts';
import { api } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  login,
  PASSWORD,
  register,
  SignedIn,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { until } from './support/wait';

let admin: string;
let community: Community;
let coordinator: SignedIn;

const NEW_PASSWORD = 'a-longer-new-passphrase';

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  coordinator = await coordinatorOf(admin, community.id);
  const allocation = await api('POST', `/communities/${community.id}/fund/allocations`, {
    token: admin,
    headers: { 'idempotency-key': `credentials-${community.id}` },
    body: { minutes: 10_000 },
  });
  expect(allocation.status).toBe(201);
});

async function signIn(loginName: string, password = PASSWORD) {
  return api('POST', '/auth/login', { body: { login: loginName, password } });
}

describe('changing one’s password', () => {
  it('ends every other session at once, keeps this one, and swaps the passwords', async () => {
    const member = await register(community.id);
    const here = (await signIn(member.login)).body;
    const elsewhere = (await signIn(member.login)).body;

    const changed = await api('POST', '/me/password', {
      token: here.accessToken,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status).toBe(204);

    expect((await api('GET', '/accounts/me', { token: here.accessToken })).status).toBe(200);
    expectProblem(
      await api('GET', '/accounts/me', { token: elsewhere.accessToken }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(
      await api('POST', '/auth/refresh', { body: { refreshToken: elsewhere.refreshToken } }),
      401,
      'UNAUTHENTICATED',
    );
    expect(
      (await api('POST', '/auth/refresh', { body: { refreshToken: here.refreshToken } })).status,
    ).toBe(200);
    expectProblem(await signIn(member.login), 401, 'UNAUTHENTICATED');
    expect((await signIn(member.login, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong current password or the same one again, naming the field', async () => {
    const member = await register(community.id);
    expectProblem(
      await api('POST', '/me/password', {
        token: member.token,
        body: { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD },
      }),
      400,
      'VALIDATION_FAILED',
      ['currentPassword'],
    );
    expectProblem(
      await api('POST', '/me/password', {
        token: member.token,
        body: { currentPassword: PASSWORD, newPassword: PASSWORD },
      }),
      400,
      'VALIDATION_FAILED',
      ['newPassword'],
    );
    expectProblem(
      await api('POST', '/me/password', {
        token: member.token,
        body: { currentPassword: PASSWORD, newPassword: 'short' },
      }),
      400,
      'VALIDATION_FAILED',
      ['newPassword'],
    );
    expect((await signIn(member.login)).status).toBe(200);
  });
});

describe('a temporary password from staff', () => {
  it('ends the member’s sessions and must be changed before anything else', async () => {
    const member = await register(community.id);
    const reset = await api('POST', `/members/${member.member.id}/password-reset`, {
      token: coordinator.token,
    });
    expect(reset.status).toBe(200);
    expect(reset.headers['cache-control']).toContain('no-store');
    const temporary = reset.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    expectProblem(
      await api('GET', '/accounts/me', { token: member.token }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await signIn(member.login), 401, 'UNAUTHENTICATED');

    const signedIn = await signIn(member.login, temporary);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.member.mustChangePassword).toBe(true);
    const token = signedIn.body.accessToken as string;

    expectProblem(await api('GET', '/accounts/me', { token }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(
      await api('POST', '/requests', {
        token,
        headers: { 'idempotency-key': `temp-${member.member.id}` },
        body: {
          title: '陪同就医',
          description: '需要有人陪同去社区医院',
          category: 'escort',
          windowStart: new Date(Date.now() + 86_400_000).toISOString(),
          windowEnd: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          estimatedMinutes: 60,
        },
      }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );
    const me = await api('GET', '/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);

    expect(
      (
        await api('POST', '/me/password', {
          token,
          body: { currentPassword: temporary, newPassword: NEW_PASSWORD },
        })
      ).status,
    ).toBe(204);
    expect((await api('GET', '/accounts/me', { token })).status).toBe(200);
    expect((await api('GET', '/me', { token })).body.mustChangePassword).toBe(false);
    expect((await signIn(member.login, NEW_PASSWORD)).status).toBe(200);
  });

  it('leaves exactly one valid password when two coordinators reset it at once', async () => {
    const member = await register(community.id);
    const colleague = await coordinatorOf(admin, community.id);
    const resets = await Promise.all(
      [coordinator, colleague].map((staff) =>
        api('POST', `/members/${member.member.id}/password-reset`, { token: staff.token }),
      ),
    );
    expect(resets.map((r) => r.status)).toEqual([200, 200]);
    const outcomes = [];
    for (const reset of resets) {
      outcomes.push((await signIn(member.login, reset.body.temporaryPassword)).status);
    }
    expect(outcomes.sort()).toEqual([200, 401]);
  });

  it('is given only by staff in scope, never to oneself or to other staff by a coordinator', async () => {
    const elsewhere = await createCommunity(admin);
    const stranger = await register(elsewhere.id);
    const member = await register(community.id);
    const colleague = await coordinatorOf(admin, community.id);
    expectProblem(
      await api('POST', `/members/${stranger.member.id}/password-reset`, {
        token: coordinator.token,
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/members/${colleague.member.id}/password-reset`, {
        token: coordinator.token,
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/members/${coordinator.member.id}/password-reset`, {
        token: coordinator.token,
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/members/${member.member.id}/password-reset`, { token: member.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', '/members/00000000-0000-4000-8000-000000000000/password-reset', {
        token: admin,
      }),
      404,
      'NOT_FOUND',
    );
    expect((await signIn(member.login)).status).toBe(200);
  });
});

describe('suspension', () => {
  let services: ServiceClient;

  beforeAll(() => {
    services = new ServiceClient({
      servers: [process.env.TB_NATS_URL!],
      name: 'credentials-e2e',
      prefix: process.env.TB_NATS_SUBJECT_PREFIX!,
      timeoutMs: 10_000,
    });
  });

  afterAll(async () => {
    await services?.onApplicationShutdown();
  });

  it('stops the member’s tokens at once and refuses sign-in, deleting nothing', async () => {
    const member = await register(community.id);
    const session = (await signIn(member.login)).body;
    const gift = await api('POST', `/members/${member.member.id}/adjustments`, {
      token: admin,
      headers: { 'idempotency-key': `suspend-${member.member.id}` },
      body: { minutes: 30, reason: '启动积分' },
    });
    expect(gift.status).toBe(201);
    const before = await api('GET', '/me', { token: session.accessToken });
    expect(before.body.status).toBe('active');

    const suspended = await api('POST', `/members/${member.member.id}/suspend`, {
      token: coordinator.token,
      body: { reason: '家属要求暂停账户' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe('suspended');

    expectProblem(await api('GET', '/me', { token: session.accessToken }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await signIn(member.login), 403, 'ACCOUNT_SUSPENDED');
    // A wrong password says nothing about the account.
    expectProblem(await signIn(member.login, 'wrong-password-here'), 401, 'UNAUTHENTICATED');

    // Behind the gateway too: the current rights version is no key to a suspended account.
    const actor: Actor = {
      memberId: member.member.id,
      roles: ['resident'],
      communityId: community.id,
      coordinatorOf: [],
      merchantId: null,
      rightsVersion: 0,
      sessionId: '00000000-0000-4000-8000-000000000001',
    };
    const asked = services.call(AccountingMessages.accountGetMine, {}, actor);
    await expect(asked).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const reinstated = await api('POST', `/members/${member.member.id}/reinstate`, {
      token: coordinator.token,
    });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.status).toBe('active');
    const back = await login(member.login, PASSWORD);
    const account = await api('GET', '/accounts/me', { token: back });
    expect(account.body.balanceMinutes).toBe(30);
  });

  it('leaves a request in progress and its hold as they were; a coordinator can finish it', async () => {
    const resident = await register(community.id);
    const volunteer = await register(community.id, { roles: ['volunteer'] });
    await api('POST', `/members/${resident.member.id}/adjustments`, {
      token: admin,
      headers: { 'idempotency-key': `suspend-request-${resident.member.id}` },
      body: { minutes: 120, reason: '启动积分' },
    });
    const posted = await api('POST', '/requests', {
      token: resident.token,
      headers: { 'idempotency-key': `suspend-request-post-${resident.member.id}` },
      body: {
        title: '买菜',
        description: '帮忙去菜场买一周的菜',
        category: 'errands',
        windowStart: new Date(Date.now() + 3_600_000).toISOString(),
        windowEnd: new Date(Date.now() + 86_400_000).toISOString(),
        estimatedMinutes: 60,
      },
    });
    expect(posted.status).toBe(201);
    const id = posted.body.id as string;
    expect((await api('POST', `/requests/${id}/accept`, { token: volunteer.token })).status).toBe(
      200,
    );

    await api('POST', `/members/${resident.member.id}/suspend`, {
      token: coordinator.token,
      body: { reason: '住院期间暂停' },
    });
    const request = await api('GET', `/requests/${id}`, { token: coordinator.token });
    expect(request.body.status).toBe('accepted');

    expect(
      (
        await api('POST', `/requests/${id}/complete`, {
          token: volunteer.token,
          body: { minutes: 50 },
        })
      ).status,
    ).toBe(200);
    const confirmed = await api('POST', `/requests/${id}/confirm`, {
      token: coordinator.token,
      headers: { 'idempotency-key': `suspend-request-confirm-${id}` },
      body: {},
    });
    expect(confirmed.status).toBe(200);
    const balance = await until(
      'the volunteer paid',
      async () =>
        (await api('GET', '/accounts/me', { token: volunteer.token })).body
          .balanceMinutes as number,
      (minutes) => minutes === 50,
    );
    expect(balance).toBe(50);
  });

  it('is for staff in scope only', async () => {
    const member = await register(community.id);
    expectProblem(
      await api('POST', `/members/${member.member.id}/suspend`, {
        token: member.token,
        body: { reason: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', `/members/${member.member.id}/suspend`, {
        token: coordinator.token,
        body: {},
      }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
    expectProblem(
      await api('POST', `/members/${coordinator.member.id}/suspend`, {
        token: coordinator.token,
        body: { reason: 'myself' },
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('PATCH /me', () => {
  it('changes the display name and language, and refuses what is not one', async () => {
    const member = await register(community.id);
    const changed = await api('PATCH', '/me', {
      token: member.token,
      body: { displayName: '王秀英', locale: 'en' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ displayName: '王秀英', locale: 'en' });
    expect((await api('GET', '/me', { token: member.token })).body.locale).toBe('en');
    expectProblem(
      await api('PATCH', '/me', { token: member.token, body: { locale: 'fr' } }),
      400,
      'VALIDATION_FAILED',
      ['locale'],
    );
    expectProblem(
      await api('PATCH', '/me', { token: member.token, body: { displayName: '   ' } }),
      400,
      'VALIDATION_FAILED',
      ['displayName'],
    );
    expectProblem(
      await api('PATCH', '/me', { token: member.token, body: { roles: ['admin'] } }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
