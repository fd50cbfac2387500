import { api } from './support/http';
import {
  adminToken,
  BOOTSTRAP_ADMIN,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  login,
  PASSWORD,
  register,
  unique,
  uniqueEmail,
  uniquePhone,
} from './support/fixtures';
import { expectProblem } from './support/problems';

let admin: string;
let community: Community;

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 3);
});

describe('POST /auth/register', () => {
  it('registers a resident by e-mail and returns the member with a working token', async () => {
    const email = uniqueEmail('resident');
    const res = await api('POST', '/auth/register', {
      body: { email, password: PASSWORD, displayName: '李奶奶', communityId: community.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({
      email,
      phone: null,
      displayName: '李奶奶',
      roles: ['resident'],
      communityId: community.id,
      gridUnitId: null,
      priorityHousehold: false,
      merchantId: null,
      coordinatorOf: [],
    });
    // No password nor its hash (mustChangePassword is a flag, not a secret).
    expect(JSON.stringify(res.body)).not.toMatch(/"password"|hash|\$argon2/i);
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
    const me = await api('GET', '/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.member.id);
  });

  it('registers by phone alone, stored normalised, in a grid unit, as a volunteer', async () => {
    const phone = uniquePhone();
    const typed = `${phone.slice(3, 6)} ${phone.slice(6, 10)} ${phone.slice(10)}`; // "139 1234 5678"
    const res = await api('POST', '/auth/register', {
      body: {
        phone: typed,
        password: PASSWORD,
        displayName: 'Volunteer 🙂',
        communityId: community.id,
        gridUnitId: community.gridUnits[1].id,
        roles: ['resident', 'volunteer'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({
      email: null,
      phone,
      gridUnitId: community.gridUnits[1].id,
      roles: ['resident', 'volunteer'],
      displayName: 'Volunteer 🙂',
    });
  });

  it('keeps free text exactly as given', async () => {
    const name = `王"小明" <b>'); DROP TABLE members;-- 🧧`;
    const { member } = await register(community.id, { displayName: name });
    expect(member.displayName).toBe(name);
  });

  it('refuses an e-mail already registered, whatever its case, and a phone in another format', async () => {
    const email = uniqueEmail('dup');
    await register(community.id, { email });
    const again = await api('POST', '/auth/register', {
      body: {
        email: email.toUpperCase(),
        password: PASSWORD,
        displayName: 'x',
        communityId: community.id,
      },
    });
    expectProblem(again, 409, 'CONFLICT');

    const phone = uniquePhone();
    await register(community.id, { email: undefined, phone });
    const samePhone = await api('POST', '/auth/register', {
      body: {
        phone: phone.replace('+86', ''),
        password: PASSWORD,
        displayName: 'x',
        communityId: community.id,
      },
    });
    expectProblem(samePhone, 409, 'CONFLICT');
  });

  it.each([
    ['neither e-mail nor phone', { email: undefined }, ['email']],
    ['a short password', { password: 'short' }, ['password']],
    ['a bad e-mail', { email: 'not-an-email' }, ['email']],
    ['a bad phone', { phone: '12' }, ['phone']],
    ['a wrong type', { displayName: 42 }, ['displayName']],
    ['an over-long name', { displayName: 'x'.repeat(101) }, ['displayName']],
    ['an unknown field', { isAdmin: true }, ['isAdmin']],
    ['a role nobody may give themselves', { roles: ['admin'] }, ['roles']],
    ['a community id that is not a UUID', { communityId: 'qingshan' }, ['communityId']],
    [
      'a community that does not exist',
      { communityId: '00000000-0000-4000-8000-000000000000' },
      ['communityId'],
    ],
  ])('answers 400 naming the field for %s, and writes nothing', async (_case, change, fields) => {
    const email = uniqueEmail('bad');
    const body = {
      email,
      password: PASSWORD,
      displayName: 'x',
      communityId: community.id,
      ...change,
    };
    const res = await api('POST', '/auth/register', { body });
    expectProblem(res, 400, 'VALIDATION_FAILED', fields);
    const signIn = await api('POST', '/auth/login', {
      body: { login: email, password: body.password },
    });
    expect(signIn.status).toBe(401);
  });

  it('refuses a grid unit of another community', async () => {
    const other = await createCommunity(admin, 1);
    const res = await api('POST', '/auth/register', {
      body: {
        email: uniqueEmail(),
        password: PASSWORD,
        displayName: 'x',
        communityId: community.id,
        gridUnitId: other.gridUnits[0].id,
      },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['gridUnitId']);
  });
});

describe('POST /auth/login', () => {
  it('signs in by e-mail in any case and by phone in any format', async () => {
    const email = uniqueEmail('login');
    const phone = uniquePhone();
    const { member } = await register(community.id, { email, phone });

    const byEmail = await api('POST', '/auth/login', {
      body: { login: email.toUpperCase(), password: PASSWORD },
    });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({ expiresIn: 900, member: { id: member.id } });
    expect(byEmail.body.accessToken).toEqual(expect.any(String));

    const byPhone = await api('POST', '/auth/login', {
      body: {
        login: phone.replace('+86', '').replace(/(\d{3})(\d{4})/, '$1-$2-'),
        password: PASSWORD,
      },
    });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body.member.id).toBe(member.id);
  });

  it('answers a wrong password and an unknown login alike, with 401', async () => {
    const { login: email } = await register(community.id);
    const wrong = await api('POST', '/auth/login', {
      body: { login: email, password: 'wrong-password!' },
    });
    const unknown = await api('POST', '/auth/login', {
      body: { login: uniqueEmail('ghost'), password: PASSWORD },
    });
    expectProblem(wrong, 401, 'UNAUTHENTICATED');
    expectProblem(unknown, 401, 'UNAUTHENTICATED');
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('signs in the bootstrap admin', async () => {
    const res = await api('POST', '/auth/login', { body: BOOTSTRAP_ADMIN });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ roles: ['admin'], communityId: null });
  });

  it('answers 400 for a login without a password', async () => {
    expectProblem(
      await api('POST', '/auth/login', { body: { login: 'x@example.cn' } }),
      400,
      'VALIDATION_FAILED',
      ['password'],
    );
  });
});

describe('sessions: refresh and sign out', () => {
  async function signIn(email: string) {
    const res = await api('POST', '/auth/login', { body: { login: email, password: PASSWORD } });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string; refreshExpiresAt: string };
  }
  const refresh = (refreshToken: string) =>
    api('POST', '/auth/refresh', { body: { refreshToken } });

  it('hands out a refresh token that lasts 30 days and buys a new access token once', async () => {
    const { login: email, member } = await register(community.id);
    const first = await signIn(email);
    const days = (Date.parse(first.refreshExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const renewed = await refresh(first.refreshToken);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ expiresIn: 900, member: { id: member.id } });
    expect(renewed.body.refreshToken).not.toBe(first.refreshToken);
    const me = await api('GET', '/me', { token: renewed.body.accessToken });
    expect(me.body.id).toBe(member.id);
  });

  it('ends every session of a member when a used refresh token comes back', async () => {
    const { login: email } = await register(community.id);
    const first = await signIn(email);
    const second = (await refresh(first.refreshToken)).body.refreshToken as string;
    expectProblem(await refresh(first.refreshToken), 401, 'UNAUTHENTICATED');
    expectProblem(await refresh(second), 401, 'UNAUTHENTICATED');
  });

  it('gives the refreshed access token the roles the member has now', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    const resident = await register(community.id);
    const session = await signIn(resident.login);
    const patched = await api('PATCH', `/members/${resident.member.id}`, {
      token: coordinator.token,
      body: { roles: ['resident', 'volunteer'] },
    });
    expect(patched.status).toBe(200);
    const renewed = await refresh(session.refreshToken);
    expect(renewed.body.member.roles).toEqual(['resident', 'volunteer']);
    const profile = await api('PUT', '/me/volunteer-profile', {
      token: renewed.body.accessToken,
      body: { skills: ['knitting'] },
    });
    expect(profile.status).toBe(200);
  });

  it('signs out: the refresh token stops working', async () => {
    const { login: email } = await register(community.id);
    const session = await signIn(email);
    const out = await api('POST', '/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(out.status).toBe(204);
    expectProblem(await refresh(session.refreshToken), 401, 'UNAUTHENTICATED');
  });

  it('names a malformed refresh token', async () => {
    expectProblem(await refresh('not-a-token'), 400, 'VALIDATION_FAILED', ['refreshToken']);
    expectProblem(await refresh('A'.repeat(43)), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /me', () => {
  it('answers 401 without a token', async () => {
    expectProblem(await api('GET', '/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('PUT /me/volunteer-profile', () => {
  it("sets a volunteer's skills, availability and bio, and replaces them on the next PUT", async () => {
    const volunteer = await register(community.id, { roles: ['volunteer'] });
    const first = await api('PUT', '/me/volunteer-profile', {
      token: volunteer.token,
      body: {
        skills: ['陪诊 escort', 'shopping'],
        availability: 'Weekday mornings',
        bio: '退休教师',
      },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      memberId: volunteer.member.id,
      skills: ['陪诊 escort', 'shopping'],
      availability: 'Weekday mornings',
      bio: '退休教师',
    });
    const second = await api('PUT', '/me/volunteer-profile', {
      token: volunteer.token,
      body: { skills: ['repairs'] },
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ skills: ['repairs'], availability: null, bio: null });
  });

  it('is only for volunteers', async () => {
    const resident = await register(community.id);
    expectProblem(
      await api('PUT', '/me/volunteer-profile', { token: resident.token, body: { skills: [] } }),
      403,
      'FORBIDDEN',
    );
  });

  it('names bad skills', async () => {
    const volunteer = await register(community.id, { roles: ['volunteer'] });
    const res = await api('PUT', '/me/volunteer-profile', {
      token: volunteer.token,
      body: { skills: ['ok', 'x'.repeat(61)] },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['skills']);
  });
});

describe('POST /members', () => {
  it('lets an admin create a coordinator, who can then sign in with that role', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    expect(coordinator.member).toMatchObject({
      roles: ['coordinator'],
      coordinatorOf: [community.id],
    });
    const me = await api('GET', '/me', { token: coordinator.token });
    expect(me.body.coordinatorOf).toEqual([community.id]);
  });

  it('lets a coordinator create merchant staff in their own community', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    const merchant = await api('POST', '/merchants', {
      token: coordinator.token,
      body: { name: '青山豆浆铺', communityId: community.id, address: '青山路 12 号' },
    });
    const merchantId = merchant.body.id as string;
    const staff = await createMember(coordinator.token, {
      communityId: community.id,
      roles: ['merchant'],
      merchantId,
    });
    expect(staff.member).toMatchObject({
      roles: ['merchant'],
      merchantId,
      communityId: community.id,
    });
  });

  it('refuses a coordinator outside their community, or granting admin', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    const other = await createCommunity(admin, 1);
    const body = { email: uniqueEmail(), password: PASSWORD, displayName: 'x' };
    expectProblem(
      await api('POST', '/members', {
        token: coordinator.token,
        body: { ...body, communityId: other.id, roles: ['resident'] },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('POST', '/members', {
        token: coordinator.token,
        body: { ...body, communityId: community.id, roles: ['admin'] },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('requires coordinatorOf for a coordinator and merchantId for merchant staff', async () => {
    const body = {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: 'x',
      communityId: community.id,
    };
    expectProblem(
      await api('POST', '/members', { token: admin, body: { ...body, roles: ['coordinator'] } }),
      400,
      'VALIDATION_FAILED',
      ['coordinatorOf'],
    );
    expectProblem(
      await api('POST', '/members', { token: admin, body: { ...body, roles: ['merchant'] } }),
      400,
      'VALIDATION_FAILED',
      ['merchantId'],
    );
  });

  it('refuses residents and volunteers', async () => {
    const volunteer = await register(community.id, { roles: ['volunteer'] });
    expectProblem(
      await api('POST', '/members', {
        token: volunteer.token,
        body: {
          email: uniqueEmail(),
          password: PASSWORD,
          displayName: 'x',
          communityId: community.id,
          roles: ['resident'],
        },
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('PATCH /members/{id}', () => {
  it('lets a coordinator in scope mark a priority household and move it to a grid unit', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    const resident = await register(community.id);
    const res = await api('PATCH', `/members/${resident.member.id}`, {
      token: coordinator.token,
      body: { priorityHousehold: true, gridUnitId: community.gridUnits[2].id },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      priorityHousehold: true,
      gridUnitId: community.gridUnits[2].id,
    });
    const me = await api('GET', '/me', { token: resident.token });
    expect(me.body).toMatchObject({
      priorityHousehold: true,
      gridUnitId: community.gridUnits[2].id,
    });
  });

  it('lets a coordinator add the volunteer role, and the member sign in with it', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    const resident = await register(community.id);
    const res = await api('PATCH', `/members/${resident.member.id}`, {
      token: coordinator.token,
      body: { roles: ['resident', 'volunteer'] },
    });
    expect(res.status).toBe(200);
    const token = await login(resident.login, PASSWORD);
    const profile = await api('PUT', '/me/volunteer-profile', {
      token,
      body: { skills: ['chess'] },
    });
    expect(profile.status).toBe(200);
  });

  it('refuses a coordinator of another community, and coordinators granting admin', async () => {
    const other = await createCommunity(admin, 1);
    const outsider = await coordinatorOf(admin, other.id);
    const insider = await coordinatorOf(admin, community.id);
    const resident = await register(community.id);
    expectProblem(
      await api('PATCH', `/members/${resident.member.id}`, {
        token: outsider.token,
        body: { priorityHousehold: true },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('PATCH', `/members/${resident.member.id}`, {
        token: insider.token,
        body: { roles: ['admin'] },
      }),
      403,
      'FORBIDDEN',
    );
    const me = await api('GET', '/me', { token: resident.token });
    expect(me.body).toMatchObject({ priorityHousehold: false, roles: ['resident'] });
  });

  it('lets an admin change anyone; answers 404 for nobody and 400 for a bad id or grid unit', async () => {
    const resident = await register(community.id);
    const other = await createCommunity(admin, 1);
    const ok = await api('PATCH', `/members/${resident.member.id}`, {
      token: admin,
      body: { priorityHousehold: true },
    });
    expect(ok.status).toBe(200);
    expectProblem(
      await api('PATCH', '/members/00000000-0000-4000-8000-000000000000', {
        token: admin,
        body: { priorityHousehold: true },
      }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api('PATCH', '/members/not-a-uuid', {
        token: admin,
        body: { priorityHousehold: true },
      }),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    expectProblem(
      await api('PATCH', `/members/${resident.member.id}`, {
        token: admin,
        body: { gridUnitId: other.gridUnits[0].id },
      }),
      400,
      'VALIDATION_FAILED',
      ['gridUnitId'],
    );
    expectProblem(
      await api('PATCH', `/members/${resident.member.id}`, {
        token: admin,
        body: { priorityHousehold: 'yes' },
      }),
      400,
      'VALIDATION_FAILED',
      ['priorityHousehold'],
    );
  });
});

describe('communities', () => {
  it('creates a community with grid units, listed to anyone without signing in', async () => {
    const code = unique('qs');
    const created = await api('POST', '/communities', {
      token: admin,
      body: {
        code,
        name: '青山社区',
        gridUnits: [
          { code: 'B', name: '二网格' },
          { code: 'A', name: '一网格' },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), code, name: '青山社区' });
    expect((created.body as Community).gridUnits.map((g) => g.code).sort()).toEqual(['A', 'B']);

    const list = await api('GET', '/communities');
    expect(list.status).toBe(200);
    const listed = (list.body as Community[]).find((c) => c.id === created.body.id);
    expect(listed).toMatchObject({ code, name: '青山社区' });
    expect(listed?.gridUnits).toHaveLength(2);
  });

  it('refuses a duplicate code with 409 and bad grid units with 400 naming them', async () => {
    const code = unique('dup');
    expect(
      (
        await api('POST', '/communities', {
          token: admin,
          body: { code, name: 'a', gridUnits: [] },
        })
      ).status,
    ).toBe(201);
    expectProblem(
      await api('POST', '/communities', { token: admin, body: { code, name: 'b', gridUnits: [] } }),
      409,
      'CONFLICT',
    );
    expectProblem(
      await api('POST', '/communities', {
        token: admin,
        body: {
          code: unique('g'),
          name: 'c',
          gridUnits: [
            { code: 'ok', name: 'x' },
            { code: 'bad code!', name: 'y' },
          ],
        },
      }),
      400,
      'VALIDATION_FAILED',
      ['gridUnits[1].code'],
    );
  });

  it('is created by admins only', async () => {
    const coordinator = await coordinatorOf(admin, community.id);
    const body = { code: unique('no'), name: 'x', gridUnits: [] };
    expectProblem(
      await api('POST', '/communities', { token: coordinator.token, body }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api('POST', '/communities', { body }), 401, 'UNAUTHENTICATED');
  });
});
