/**
 * The OpenAPI document says what the API does. Every call below is real (the
 * shared suite: gateway, services, PostgreSQL, NATS), covering the success and
 * error paths of every tag; each answer is recorded and, at the end, checked
 * against the document the gateway serves (status, content type, body,
 * headers). The document is also the one committed for the web app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { api, ApiOptions, Exchange, HttpMethod, ok, onExchange } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  merchantWithStaff,
  offerTerms,
  PASSWORD,
  register,
  SignedIn,
  unique,
  uniqueEmail,
  uniquePhone,
} from './support/fixtures';
import { OpenApiConformance, Violation } from './support/openapi-conformance';
import { eventually } from './support/wait';

const NOBODY = '00000000-0000-4000-8000-000000000000';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const COMMITTED_DOCUMENT = path.resolve(__dirname, '..', 'apps/web/src/api/openapi.json');

const exchanges: Exchange[] = [];
let stopRecording: () => void;
let served: Record<string, any>;

/** A call that must answer `status`; its body. */
async function expectStatus(
  status: number,
  method: HttpMethod,
  route: string,
  options: ApiOptions = {},
): Promise<any> {
  return ok(await api(method, route, options), status, `${method} ${route}`);
}

/** A past day (city days are at most a day off UTC's), distinct for each call. */
let daysBack = 3;
function pastDay(): string {
  daysBack += 1;
  return new Date(Date.now() - daysBack * DAY).toISOString().slice(0, 10);
}

function requestBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '陪同去社区医院复诊',
    description: '周三上午，需要轮椅协助',
    category: 'escort',
    windowStart: new Date(Date.now() + HOUR).toISOString(),
    windowEnd: new Date(Date.now() + 3 * HOUR).toISOString(),
    estimatedMinutes: 90,
    ...extra,
  };
}

/** The shop's offer in these tests: ten vouchers, one each. */
function offerBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return offerTerms({
    description: '每天早上 6 点到 10 点',
    quantity: 10,
    perMemberLimit: 1,
    ...extra,
  });
}

/** Polls until `check` passes (it throws until then). */

let admin: string;
let community: Community;
let otherCommunity: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;
let resident: SignedIn;
let volunteer: SignedIn;
let secondVolunteer: SignedIn;

beforeAll(async () => {
  served = (await api('GET', process.env.TB_BASE_URL!.replace(/\/v1$/, '/docs-json'))).body;
  stopRecording = onExchange((exchange) => exchanges.push(exchange));
  admin = await adminToken();
  community = await createCommunity(admin, 2);
  otherCommunity = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  await expectStatus(201, 'POST', `/communities/${community.id}/fund/allocations`, {
    token: admin,
    body: { minutes: 1_000_000, memo: 'openapi e2e' },
  });
  resident = await register(community.id, { phone: uniquePhone() });
  volunteer = await register(community.id, { roles: ['volunteer'], phone: uniquePhone() });
  secondVolunteer = await register(community.id, { roles: ['volunteer'] });
  for (const member of [resident, volunteer, secondVolunteer]) {
    await expectStatus(201, 'POST', `/members/${member.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 3000, reason: 'opening balance' },
    });
  }
});

afterAll(() => stopRecording?.());

/** Every schema of the document's components, with its name. */
function schemas(): Array<[string, Record<string, any>]> {
  return Object.entries(served.components.schemas as Record<string, Record<string, any>>);
}

describe('the document', () => {
  it('is the one committed for the web app (npm run openapi)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    expect(served).toEqual(committed);
  });

  it('says amounts of time credit are whole minutes', () => {
    const notIntegers = schemas().flatMap(([name, schema]) =>
      Object.entries((schema.properties ?? {}) as Record<string, Record<string, any>>)
        .filter(([property, value]) => /minutes$/i.test(property) && value.type !== 'integer')
        .map(([property]) => `${name}.${property}`),
    );
    expect(notIntegers).toEqual([]);
  });

  it('says every request body refuses fields it does not name', () => {
    type Operation = { requestBody?: { content: Record<string, { schema?: { $ref?: string } }> } };
    const bodies = Object.values(served.paths as Record<string, Record<string, Operation>>)
      .flatMap((item) => Object.values(item))
      .map((operation) => operation.requestBody?.content['application/json']?.schema?.$ref)
      .filter((ref): ref is string => typeof ref === 'string')
      .map((ref) => ref.split('/').pop()!);
    expect(bodies.length).toBeGreaterThan(20);
    const open = bodies.filter(
      (name) => served.components.schemas[name].additionalProperties !== false,
    );
    expect(open).toEqual([]);
  });
});

describe('health and what anyone may read', () => {
  it('answers', async () => {
    await expectStatus(200, 'GET', ''); // GET /api/v1: the links and the city's facts
    await expectStatus(200, 'GET', '/health');
    await expectStatus(200, 'GET', '/health/live');
    await expectStatus(200, 'GET', '/health/ready');
    await expectStatus(200, 'GET', '/communities');
    await expectStatus(200, 'GET', '/tiers');
    await expectStatus(200, 'GET', '/categories');
    await expectStatus(200, 'GET', '/categories', { headers: { 'accept-language': 'zh-CN' } });
    await expectStatus(404, 'GET', `/certificates/${'x'.repeat(32)}`);
  });
});

describe('auth', () => {
  it('registers, signs in, refreshes and signs out, and refuses what is wrong', async () => {
    const email = uniqueEmail('openapi');
    const body = { email, password: PASSWORD, displayName: '王小明', communityId: community.id };
    const registered = await expectStatus(201, 'POST', '/auth/register', { body });
    await expectStatus(409, 'POST', '/auth/register', { body });
    await expectStatus(400, 'POST', '/auth/register', { body: { ...body, email: 'not-an-email' } });
    await expectStatus(400, 'POST', '/auth/register', { body: { ...body, colour: 'red' } });
    await expectStatus(400, 'POST', '/auth/register', { rawBody: '{"email": ' });
    await expectStatus(415, 'POST', '/auth/register', {
      rawBody: 'email=a',
      headers: { 'content-type': 'text/plain' },
    });
    await expectStatus(413, 'POST', '/auth/register', {
      body: { ...body, displayName: 'x'.repeat(1_100_000) },
    });

    const signedIn = await expectStatus(200, 'POST', '/auth/login', {
      body: { login: email, password: PASSWORD },
    });
    await expectStatus(401, 'POST', '/auth/login', {
      body: { login: email, password: 'wrong-one' },
    });
    await expectStatus(400, 'POST', '/auth/login', { body: { login: email } });

    const refreshed = await expectStatus(200, 'POST', '/auth/refresh', {
      body: { refreshToken: signedIn.refreshToken },
    });
    await expectStatus(400, 'POST', '/auth/refresh', { body: { refreshToken: 'short' } });
    await expectStatus(204, 'POST', '/auth/logout', {
      body: { refreshToken: refreshed.refreshToken },
    });
    await expectStatus(401, 'POST', '/auth/refresh', {
      body: { refreshToken: refreshed.refreshToken },
    });
    await expectStatus(400, 'POST', '/auth/logout', { body: {} });
    expect(registered.member.email).toBe(email);
  });
});

describe('me', () => {
  it('reads and changes the signed-in member', async () => {
    const someone = await register(community.id, { roles: ['volunteer'] });
    await expectStatus(200, 'GET', '/me', { token: someone.token });
    await expectStatus(401, 'GET', '/me');
    await expectStatus(401, 'GET', '/me', { token: 'not-a-jwt' });
    await expectStatus(200, 'PATCH', '/me', {
      token: someone.token,
      body: { displayName: '王秀英', locale: 'en' },
    });
    await expectStatus(400, 'PATCH', '/me', { token: someone.token, body: { nickname: 'x' } });
    await expectStatus(200, 'PUT', '/me/volunteer-profile', {
      token: someone.token,
      body: { skills: ['陪诊', 'shopping'], availability: 'Weekday mornings', bio: '退休教师' },
    });
    await expectStatus(400, 'PUT', '/me/volunteer-profile', {
      token: someone.token,
      body: { skills: 'all of them' },
    });
    await expectStatus(403, 'PUT', '/me/volunteer-profile', {
      token: resident.token,
      body: { skills: [] },
    });
    await expectStatus(400, 'POST', '/me/password', {
      token: someone.token,
      body: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    await expectStatus(400, 'POST', '/me/password', {
      token: someone.token,
      body: { currentPassword: 'not-my-password', newPassword: 'another-horse-battery' },
    });
    await expectStatus(204, 'POST', '/me/password', {
      token: someone.token,
      body: { currentPassword: PASSWORD, newPassword: 'another-horse-battery' },
    });
  });
});

describe('members', () => {
  it('lists, reads, creates and changes members, and refuses what is wrong', async () => {
    const list = await expectStatus(
      200,
      'GET',
      `/members?communityId=${community.id}&q=王&limit=5`,
      {
        token: coordinator.token,
      },
    );
    expect(list.items.length).toBeGreaterThan(0);
    await expectStatus(400, 'GET', '/members?limit=0', { token: coordinator.token });
    await expectStatus(403, 'GET', '/members', { token: resident.token });
    await expectStatus(200, 'GET', `/members/${resident.member.id}`, { token: coordinator.token });
    await expectStatus(404, 'GET', `/members/${resident.member.id}`, { token: volunteer.token });
    await expectStatus(400, 'GET', '/members/not-a-uuid', { token: coordinator.token });

    const email = uniqueEmail('staff');
    const created = await expectStatus(201, 'POST', '/members', {
      token: coordinator.token,
      body: {
        email,
        password: PASSWORD,
        displayName: '李华',
        communityId: community.id,
        roles: ['resident'],
      },
    });
    await expectStatus(409, 'POST', '/members', {
      token: coordinator.token,
      body: {
        email,
        password: PASSWORD,
        displayName: '李华',
        communityId: community.id,
        roles: ['resident'],
      },
    });
    await expectStatus(400, 'POST', '/members', {
      token: coordinator.token,
      body: {
        email: uniqueEmail(),
        password: PASSWORD,
        displayName: '李华',
        communityId: community.id,
      },
    });
    await expectStatus(200, 'PATCH', `/members/${created.id}`, {
      token: coordinator.token,
      body: { priorityHousehold: true, gridUnitId: community.gridUnits[0].id },
    });
    await expectStatus(400, 'PATCH', `/members/${created.id}`, {
      token: coordinator.token,
      body: { roles: ['king'] },
    });

    const reset = await expectStatus(200, 'POST', `/members/${created.id}/password-reset`, {
      token: coordinator.token,
    });
    const temporary = await expectStatus(200, 'POST', '/auth/login', {
      body: { login: email, password: reset.temporaryPassword },
    });
    expect(temporary.member.mustChangePassword).toBe(true);
    await expectStatus(403, 'GET', '/accounts/me', { token: temporary.accessToken });
    await expectStatus(404, 'POST', `/members/${NOBODY}/password-reset`, {
      token: coordinator.token,
    });

    await expectStatus(200, 'POST', `/members/${created.id}/suspend`, {
      token: coordinator.token,
      body: { reason: '家属要求暂停账户' },
    });
    await expectStatus(403, 'POST', '/auth/login', {
      body: { login: email, password: reset.temporaryPassword },
    });
    await expectStatus(400, 'POST', `/members/${created.id}/suspend`, {
      token: coordinator.token,
      body: {},
    });
    await expectStatus(404, 'POST', `/members/${NOBODY}/suspend`, {
      token: coordinator.token,
      body: { reason: 'x' },
    });
    await expectStatus(200, 'POST', `/members/${created.id}/reinstate`, {
      token: coordinator.token,
    });
    await expectStatus(409, 'PATCH', `/members/${created.id}`, {
      token: coordinator.token,
      body: { phone: resident.member.phone },
    });
    await expectStatus(404, 'POST', `/members/${NOBODY}/reinstate`, { token: coordinator.token });
  });
});

describe('communities', () => {
  it('creates communities (admins), and refuses what is wrong', async () => {
    const code = unique('c');
    const body = { code, name: '青山社区', gridUnits: [{ code: 'G1', name: '第一网格' }] };
    await expectStatus(201, 'POST', '/communities', { token: admin, body });
    await expectStatus(409, 'POST', '/communities', { token: admin, body });
    await expectStatus(400, 'POST', '/communities', { token: admin, body: { ...body, code: '-' } });
    await expectStatus(403, 'POST', '/communities', { token: coordinator.token, body });
    await expectStatus(401, 'POST', '/communities', { body });
  });
});

describe('accounts and transfers', () => {
  it('shows balances and statements, moves credits, and refuses what is wrong', async () => {
    await expectStatus(200, 'GET', '/accounts/me', { token: resident.token });
    await expectStatus(401, 'GET', '/accounts/me');
    const statement = await expectStatus(200, 'GET', '/accounts/me/statement?limit=5', {
      token: resident.token,
    });
    expect(statement.items.length).toBeGreaterThan(0);
    await expectStatus(400, 'GET', '/accounts/me/statement?limit=0', { token: resident.token });
    await expectStatus(400, 'GET', '/accounts/me/statement?cursor=', { token: resident.token });

    const key = unique('gift');
    const gift = await expectStatus(201, 'POST', '/transfers', {
      token: resident.token,
      headers: { 'idempotency-key': key },
      body: { toPhone: volunteer.member.phone, minutes: 30, memo: '给妈妈的时间' },
    });
    await expectStatus(201, 'POST', '/transfers', {
      token: resident.token,
      headers: { 'idempotency-key': key },
      body: { toPhone: volunteer.member.phone, minutes: 30, memo: '给妈妈的时间' },
    });
    await expectStatus(409, 'POST', '/transfers', {
      token: resident.token,
      headers: { 'idempotency-key': key },
      body: { toPhone: volunteer.member.phone, minutes: 31 },
    });
    await expectStatus(201, 'POST', '/transfers', {
      token: resident.token,
      body: { toCardNumber: volunteer.member.cardNumber, minutes: 5 },
    });
    await expectStatus(400, 'POST', '/transfers', {
      token: resident.token,
      headers: { 'idempotency-key': 'k'.repeat(201) },
      body: { toMemberId: volunteer.member.id, minutes: 5 },
    });
    await expectStatus(400, 'POST', '/transfers', {
      token: resident.token,
      body: { toMemberId: volunteer.member.id, toPhone: volunteer.member.phone, minutes: 5 },
    });
    await expectStatus(404, 'POST', '/transfers', {
      token: resident.token,
      body: { toPhone: uniquePhone(), minutes: 5 },
    });
    await expectStatus(409, 'POST', '/transfers', {
      token: resident.token,
      body: { toMemberId: volunteer.member.id, minutes: 900_000 },
    });

    await expectStatus(201, 'POST', `/transfers/${gift.transferId}/reverse`, {
      token: admin,
      body: { reason: 'Paid to the wrong volunteer' },
    });
    await expectStatus(409, 'POST', `/transfers/${gift.transferId}/reverse`, {
      token: admin,
      body: { reason: 'again' },
    });
    await expectStatus(403, 'POST', `/transfers/${gift.transferId}/reverse`, {
      token: resident.token,
      body: { reason: 'mine' },
    });
    await expectStatus(404, 'POST', `/transfers/${NOBODY}/reverse`, {
      token: admin,
      body: { reason: 'nothing' },
    });
  });

  it('funds communities and adjusts members, and refuses what is wrong', async () => {
    await expectStatus(200, 'GET', `/communities/${community.id}/fund`, {
      token: coordinator.token,
    });
    await expectStatus(403, 'GET', `/communities/${community.id}/fund`, {
      token: otherCoordinator.token,
    });
    await expectStatus(404, 'GET', `/communities/${NOBODY}/fund`, { token: admin });
    await expectStatus(404, 'POST', `/communities/${NOBODY}/fund/allocations`, {
      token: admin,
      body: { minutes: 60 },
    });
    await expectStatus(403, 'POST', `/communities/${community.id}/fund/allocations`, {
      token: coordinator.token,
      body: { minutes: 60 },
    });
    await expectStatus(400, 'POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      body: { minutes: 0 },
    });
    await expectStatus(201, 'POST', `/members/${resident.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: -30, reason: 'Hours logged twice on 3 May' },
    });
    await expectStatus(400, 'POST', `/members/${resident.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 0, reason: 'nothing' },
    });
    await expectStatus(404, 'POST', `/members/${NOBODY}/adjustments`, {
      token: admin,
      body: { minutes: 10, reason: 'nobody' },
    });
    await expectStatus(200, 'PUT', `/members/${resident.member.id}/overdraft-limit`, {
      token: admin,
      body: { overdraftLimitMinutes: 120 },
    });
    await expectStatus(400, 'PUT', `/members/${resident.member.id}/overdraft-limit`, {
      token: admin,
      body: { overdraftLimitMinutes: -1 },
    });
    await expectStatus(200, 'GET', '/ledger/check', { token: admin });
    await expectStatus(403, 'GET', '/ledger/check', { token: coordinator.token });
    await expectStatus(200, 'GET', `/members/${resident.member.id}/account`, {
      token: coordinator.token,
    });
    await expectStatus(403, 'GET', `/members/${resident.member.id}/account`, {
      token: otherCoordinator.token,
    });
    await expectStatus(404, 'GET', `/members/${NOBODY}/account`, { token: admin });
  });
});

describe('hours and service records', () => {
  it('logs, lists, approves and rejects hours, and refuses what is wrong', async () => {
    const log = (minutes: number, servedOn = pastDay()) =>
      api('POST', '/hours', {
        token: volunteer.token,
        body: { minutes, servedOn, description: '社区垃圾分类宣传活动' },
      });
    const first = ok(await log(90), 201, 'log hours');
    const second = ok(await log(45), 201, 'log hours');
    const third = ok(await log(30), 201, 'log hours');
    const fullDay = pastDay();
    ok(await log(1440, fullDay), 201, 'log a whole day');
    expect((await log(1, fullDay)).status).toBe(409);
    expect((await log(0)).status).toBe(400);
    await expectStatus(403, 'POST', '/hours', {
      token: resident.token,
      body: { minutes: 60, servedOn: pastDay(), description: 'x' },
    });

    await expectStatus(200, 'GET', '/hours?mine=true&limit=2', { token: volunteer.token });
    await expectStatus(200, 'GET', `/hours?status=pending&communityId=${community.id}`, {
      token: coordinator.token,
    });
    await expectStatus(400, 'GET', '/hours?status=lost', { token: coordinator.token });
    await expectStatus(200, 'GET', `/hours/${first.id}`, { token: volunteer.token });
    await expectStatus(404, 'GET', `/hours/${NOBODY}`, { token: coordinator.token });

    await expectStatus(200, 'POST', `/hours/${first.id}/approve`, { token: coordinator.token });
    await expectStatus(409, 'POST', `/hours/${first.id}/approve`, { token: coordinator.token });
    await expectStatus(200, 'POST', `/hours/${second.id}/reject`, {
      token: coordinator.token,
      body: { reason: 'No one at the activity remembers this shift' },
    });
    await expectStatus(409, 'POST', `/hours/${second.id}/reject`, {
      token: coordinator.token,
      body: { reason: 'again' },
    });
    await expectStatus(400, 'POST', `/hours/${third.id}/reject`, {
      token: coordinator.token,
      body: { reason: ' ' },
    });
    const many = await expectStatus(200, 'POST', '/hours/approve', {
      token: coordinator.token,
      body: { ids: [third.id, NOBODY] },
    });
    expect(many).toMatchObject({ approved: 1, refused: 1 });
    await expectStatus(400, 'POST', '/hours/approve', {
      token: coordinator.token,
      body: { ids: [] },
    });
    await expectStatus(403, 'POST', '/hours/approve', {
      token: volunteer.token,
      body: { ids: [third.id] },
    });
    const fourth = ok(await log(20), 201, 'log hours');
    const rejected = await expectStatus(200, 'POST', '/hours/reject', {
      token: coordinator.token,
      body: {
        items: [
          { id: fourth.id, reason: '签到表上没有' },
          { id: NOBODY, reason: 'gone' },
        ],
      },
    });
    expect(rejected).toMatchObject({ rejected: 1, refused: 1 });
    await expectStatus(400, 'POST', '/hours/reject', {
      token: coordinator.token,
      body: { items: [{ id: fourth.id }] },
    });
    await expectStatus(200, 'GET', `/hours?volunteerId=${volunteer.member.id}`, {
      token: coordinator.token,
    });
  });

  it('shows service records and certificates', async () => {
    const record = await eventually(async () => {
      const body: { entries: unknown[]; certificateCode: string } = await expectStatus(
        200,
        'GET',
        `/volunteers/${volunteer.member.id}/service-record`,
        {
          token: volunteer.token,
        },
      );
      expect(body.entries.length).toBeGreaterThan(0);
      return body;
    });
    await expectStatus(200, 'GET', `/certificates/${record.certificateCode}`);
    await expectStatus(404, 'GET', `/volunteers/${NOBODY}/service-record`, { token: admin });
    await expectStatus(403, 'GET', `/volunteers/${volunteer.member.id}/service-record`, {
      token: resident.token,
    });
    await expectStatus(200, 'GET', `/volunteers/${volunteer.member.id}/ratings`, {
      token: resident.token,
    });
    await expectStatus(400, 'GET', '/volunteers/not-a-uuid/ratings', { token: resident.token });
  });
});

describe('help requests', () => {
  it('goes from posted to confirmed, disputed and resolved, or cancelled', async () => {
    const post = () =>
      expectStatus(201, 'POST', '/requests', { token: resident.token, body: requestBody() });
    const confirmed = await post();
    await expectStatus(200, 'GET', '/requests?status=open&limit=5', { token: volunteer.token });
    await expectStatus(
      200,
      'GET',
      `/requests?mine=true&category=escort&communityId=${community.id}`,
      {
        token: resident.token,
      },
    );
    await expectStatus(400, 'GET', '/requests?status=lost', { token: volunteer.token });
    await expectStatus(200, 'GET', `/requests/${confirmed.id}`, { token: resident.token });
    await expectStatus(404, 'GET', `/requests/${NOBODY}`, { token: resident.token });
    await expectStatus(400, 'GET', '/requests/not-a-uuid', { token: resident.token });

    await expectStatus(200, 'POST', `/requests/${confirmed.id}/accept`, { token: volunteer.token });
    await expectStatus(409, 'POST', `/requests/${confirmed.id}/accept`, {
      token: secondVolunteer.token,
    });
    await expectStatus(403, 'POST', `/requests/${confirmed.id}/accept`, { token: resident.token });
    await expectStatus(200, 'POST', `/requests/${confirmed.id}/release`, {
      token: volunteer.token,
    });
    await expectStatus(403, 'POST', `/requests/${confirmed.id}/release`, {
      token: volunteer.token,
    });
    await expectStatus(200, 'POST', `/requests/${confirmed.id}/accept`, { token: volunteer.token });
    const accepted = await expectStatus(200, 'GET', `/requests/${confirmed.id}`, {
      token: resident.token,
    });
    expect(accepted.contact).toBeTruthy();
    await expectStatus(400, 'POST', `/requests/${confirmed.id}/complete`, {
      token: volunteer.token,
      body: { minutes: 0 },
    });
    await expectStatus(200, 'POST', `/requests/${confirmed.id}/complete`, {
      token: volunteer.token,
      body: { minutes: 75, note: '顺利完成' },
    });
    await expectStatus(200, 'POST', `/requests/${confirmed.id}/confirm`, {
      token: resident.token,
      body: { rating: 5, comment: '非常耐心' },
    });
    await expectStatus(409, 'POST', `/requests/${confirmed.id}/confirm`, {
      token: resident.token,
      body: {},
    });

    const disputed = await post();
    await expectStatus(200, 'POST', `/requests/${disputed.id}/accept`, { token: volunteer.token });
    await expectStatus(200, 'POST', `/requests/${disputed.id}/complete`, {
      token: volunteer.token,
      body: { minutes: 90 },
    });
    await expectStatus(400, 'POST', `/requests/${disputed.id}/dispute`, {
      token: resident.token,
      body: {},
    });
    await expectStatus(200, 'POST', `/requests/${disputed.id}/dispute`, {
      token: resident.token,
      body: { reason: '志愿者只待了半小时' },
    });
    await expectStatus(400, 'POST', `/requests/${disputed.id}/resolve`, {
      token: coordinator.token,
      body: { minutes: 30 },
    });
    await expectStatus(200, 'POST', `/requests/${disputed.id}/resolve`, {
      token: coordinator.token,
      body: { minutes: 30, note: '双方同意 30 分钟' },
    });

    const cancelled = await post();
    await expectStatus(200, 'POST', `/requests/${cancelled.id}/cancel`, { token: resident.token });
    await expectStatus(409, 'POST', `/requests/${cancelled.id}/cancel`, { token: resident.token });

    await expectStatus(400, 'POST', '/requests', {
      token: resident.token,
      body: requestBody({ category: 'juggling' }),
    });
    const broke = await register(community.id);
    await expectStatus(409, 'POST', '/requests', { token: broke.token, body: requestBody() });
    await expectStatus(403, 'POST', '/requests', { token: volunteer.token, body: requestBody() });
  });

  it('lets a coordinator act for a resident, and says who acted', async () => {
    const forResident = await expectStatus(201, 'POST', '/requests', {
      token: coordinator.token,
      body: requestBody({ requesterId: resident.member.id }),
    });
    await expectStatus(403, 'POST', '/requests', {
      token: otherCoordinator.token,
      body: requestBody({ requesterId: resident.member.id }),
    });
    await expectStatus(200, 'POST', `/requests/${forResident.id}/accept`, {
      token: volunteer.token,
    });
    await expectStatus(200, 'POST', `/requests/${forResident.id}/complete`, {
      token: volunteer.token,
      body: { minutes: 60 },
    });
    await expectStatus(403, 'POST', `/requests/${forResident.id}/dispute`, {
      token: otherCoordinator.token,
      body: { reason: 'x' },
    });
    await expectStatus(200, 'POST', `/requests/${forResident.id}/dispute`, {
      token: coordinator.token,
      body: { reason: '居民电话里说只服务了半小时' },
    });
    await expectStatus(403, 'POST', `/requests/${forResident.id}/resolve`, {
      token: coordinator.token,
      body: { minutes: 30, note: '按半小时计' },
    });
    const read: { history: Array<{ action: string }> } = await expectStatus(
      200,
      'GET',
      `/requests/${forResident.id}`,
      { token: coordinator.token },
    );
    expect(read.history.map((step) => step.action)).toEqual([
      'posted',
      'accepted',
      'completed',
      'disputed',
    ]);
    await expectStatus(
      200,
      'GET',
      `/requests?requesterId=${resident.member.id}&volunteerId=${volunteer.member.id}`,
      { token: coordinator.token },
    );
    await expectStatus(400, 'GET', '/requests?requesterId=someone', { token: coordinator.token });
  });
});

describe('rewards', () => {
  it('signs up merchants, publishes and approves offers, claims and redeems vouchers, settles', async () => {
    const merchant = await merchantWithStaff(coordinator.token, community.id);
    await expectStatus(400, 'POST', '/merchants', {
      token: coordinator.token,
      body: { name: '豆浆铺', communityId: community.id },
    });
    await expectStatus(403, 'POST', '/merchants', {
      token: otherCoordinator.token,
      body: { name: '豆浆铺', communityId: community.id, address: '青山路 12 号' },
    });

    const offer = await expectStatus(201, 'POST', `/merchants/${merchant.id}/offers`, {
      token: merchant.staff.token,
      body: offerBody(),
    });
    await expectStatus(400, 'POST', `/merchants/${merchant.id}/offers`, {
      token: merchant.staff.token,
      body: offerBody({ discount: { kind: 'percent', value: 150 } }),
    });
    await expectStatus(404, 'POST', `/merchants/${NOBODY}/offers`, {
      token: coordinator.token,
      body: offerBody(),
    });
    await expectStatus(200, 'GET', `/offers?communityId=${community.id}&limit=5`, {
      token: merchant.staff.token,
    });
    await expectStatus(400, 'GET', '/offers?eligible=maybe', { token: volunteer.token });
    await expectStatus(200, 'POST', `/offers/${offer.id}/approve`, { token: coordinator.token });
    await expectStatus(409, 'POST', `/offers/${offer.id}/approve`, { token: coordinator.token });
    await expectStatus(404, 'POST', `/offers/${NOBODY}/approve`, { token: coordinator.token });
    await expectStatus(200, 'POST', `/offers/${offer.id}/pause`, { token: merchant.staff.token });
    await expectStatus(409, 'POST', `/offers/${offer.id}/pause`, { token: merchant.staff.token });
    await expectStatus(200, 'POST', `/offers/${offer.id}/resume`, { token: merchant.staff.token });
    await expectStatus(200, 'GET', '/offers?eligible=true', { token: volunteer.token });

    const voucher = await expectStatus(201, 'POST', `/offers/${offer.id}/claim`, {
      token: volunteer.token,
      headers: { 'idempotency-key': unique('claim') },
    });
    await expectStatus(409, 'POST', `/offers/${offer.id}/claim`, { token: volunteer.token });
    await expectStatus(404, 'POST', `/offers/${NOBODY}/claim`, { token: volunteer.token });
    await expectStatus(200, 'GET', '/vouchers/mine?status=issued', { token: volunteer.token });
    await expectStatus(400, 'GET', '/vouchers/mine?status=lost', { token: volunteer.token });

    await expectStatus(200, 'POST', '/vouchers/redeem', {
      token: merchant.staff.token,
      body: { code: voucher.code },
    });
    await expectStatus(409, 'POST', '/vouchers/redeem', {
      token: merchant.staff.token,
      body: { code: voucher.code },
    });
    await expectStatus(404, 'POST', '/vouchers/redeem', {
      token: merchant.staff.token,
      body: { code: 'ZZZZZZZZ' },
    });
    await expectStatus(400, 'POST', '/vouchers/redeem', { token: merchant.staff.token, body: {} });
    await expectStatus(403, 'POST', '/vouchers/redeem', {
      token: volunteer.token,
      body: { code: voucher.code },
    });

    const returned = await expectStatus(201, 'POST', `/offers/${offer.id}/claim`, {
      token: secondVolunteer.token,
    });
    await expectStatus(200, 'POST', `/vouchers/${returned.voucherId}/cancel`, {
      token: secondVolunteer.token,
    });
    await expectStatus(409, 'POST', `/vouchers/${returned.voucherId}/cancel`, {
      token: secondVolunteer.token,
    });
    await expectStatus(404, 'POST', `/vouchers/${NOBODY}/cancel`, { token: secondVolunteer.token });

    await expectStatus(200, 'GET', `/merchants/${merchant.id}/redemptions?limit=5`, {
      token: merchant.staff.token,
    });
    await expectStatus(
      200,
      'GET',
      `/merchants/${merchant.id}/redemptions?from=2026-01-01&to=2099-12-31`,
      { token: merchant.staff.token },
    );
    await expectStatus(
      400,
      'GET',
      `/merchants/${merchant.id}/redemptions?from=2026-02-02&to=2026-02-01`,
      {
        token: merchant.staff.token,
      },
    );
    await expectStatus(200, 'GET', `/offers?merchantId=${merchant.id}&status=active`, {
      token: merchant.staff.token,
    });
    await expectStatus(404, 'GET', `/merchants/${NOBODY}/redemptions`, {
      token: coordinator.token,
    });
    // No body at all: every field of a settlement is optional.
    await eventually(() =>
      expectStatus(201, 'POST', `/merchants/${merchant.id}/settlements`, {
        token: coordinator.token,
      }),
    );
    await expectStatus(409, 'POST', `/merchants/${merchant.id}/settlements`, {
      token: coordinator.token,
      body: { memo: 'nothing left' },
    });
    const settlements = await expectStatus(200, 'GET', `/merchants/${merchant.id}/settlements`, {
      token: merchant.staff.token,
    });
    expect(settlements.items).toHaveLength(1);
    await expectStatus(403, 'GET', `/merchants/${merchant.id}/settlements`, {
      token: volunteer.token,
    });
    await expectStatus(404, 'GET', `/merchants/${NOBODY}/settlements`, { token: admin });
  });
});

describe('reports', () => {
  it('reports on a community, and refuses what is wrong', async () => {
    await expectStatus(200, 'GET', `/reports/communities/${community.id}`, {
      token: coordinator.token,
    });
    await expectStatus(
      200,
      'GET',
      `/reports/communities/${community.id}?from=2026-01-01&to=2026-01-31`,
      {
        token: admin,
      },
    );
    await expectStatus(400, 'GET', `/reports/communities/${community.id}?from=2026-13-01`, {
      token: coordinator.token,
    });
    await expectStatus(403, 'GET', `/reports/communities/${community.id}`, {
      token: otherCoordinator.token,
    });
  });

  it('gives the weekly series, the breakdowns and the CSV export, and refuses what is wrong', async () => {
    const reports = `/reports/communities/${community.id}`;
    for (const view of ['weekly', 'requests', 'grid-units']) {
      await expectStatus(200, 'GET', `${reports}/${view}`, { token: coordinator.token });
      await expectStatus(200, 'GET', `${reports}/${view}?from=2026-01-01&to=2026-03-31`, {
        token: admin,
      });
      await expectStatus(400, 'GET', `${reports}/${view}?from=2020-01-01&to=2026-01-01`, {
        token: coordinator.token,
      });
      await expectStatus(403, 'GET', `${reports}/${view}`, { token: otherCoordinator.token });
      await expectStatus(404, 'GET', `/reports/communities/${NOBODY}/${view}`, { token: admin });
    }
    for (const view of ['weekly', 'grid-units', 'requests']) {
      await expectStatus(200, 'GET', `${reports}/export.csv?view=${view}`, {
        token: coordinator.token,
        headers: { 'accept-language': 'zh-CN' },
      });
    }
    await expectStatus(400, 'GET', `${reports}/export.csv?view=all`, { token: coordinator.token });
    await expectStatus(403, 'GET', `${reports}/export.csv`, { token: otherCoordinator.token });
    await expectStatus(404, 'GET', `/reports/communities/${NOBODY}/export.csv`, { token: admin });
  });

  it("counts a community's queue, and refuses what is wrong", async () => {
    await expectStatus(200, 'GET', `/communities/${community.id}/queue`, {
      token: coordinator.token,
    });
    await expectStatus(403, 'GET', `/communities/${community.id}/queue`, {
      token: otherCoordinator.token,
    });
    await expectStatus(404, 'GET', `/communities/${NOBODY}/queue`, { token: admin });
    await expectStatus(400, 'GET', '/communities/not-a-uuid/queue', { token: admin });
  });
});

interface DocumentedOperation {
  method: HttpMethod;
  /** Under the suite's base URL (/api/v1 left out), path parameters filled in. */
  route: string;
  isPublic: boolean;
  hasBody: boolean;
  statuses: string[];
}

/** Every operation of the served document, callable. */
function documentedOperations(): DocumentedOperation[] {
  return Object.entries(served.paths as Record<string, Record<string, any>>).flatMap(
    ([template, item]) =>
      Object.entries(item).map(([method, operation]: [string, any]) => ({
        method: method.toUpperCase() as HttpMethod,
        route: template
          .replace(/^\/api\/v1/, '')
          .replace('{id}', NOBODY)
          .replace('{code}', 'x'.repeat(32)),
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        hasBody: operation.requestBody !== undefined,
        statuses: Object.keys(operation.responses),
      })),
  );
}

describe('every operation the document names', () => {
  it('answers 401 without a token, unless it is public', async () => {
    const protectedOnes = documentedOperations().filter((operation) => !operation.isPublic);
    expect(protectedOnes.length).toBeGreaterThan(40);
    for (const { method, route, hasBody } of protectedOnes) {
      await expectStatus(401, method, route, hasBody ? { body: {} } : {});
    }
  });

  it('answers 403 PASSWORD_CHANGE_REQUIRED until a temporary password is changed', async () => {
    const member = await register(community.id);
    const reset = await expectStatus(200, 'POST', `/members/${member.member.id}/password-reset`, {
      token: coordinator.token,
    });
    const { accessToken } = await expectStatus(200, 'POST', '/auth/login', {
      body: { login: member.login, password: reset.temporaryPassword },
    });
    // GET /me and POST /me/password stay open to them: those document no 403.
    const closed = documentedOperations().filter(
      (operation) => !operation.isPublic && operation.statuses.includes('403'),
    );
    expect(closed.length).toBeGreaterThan(40);
    for (const { method, route } of closed) {
      const res = await api(method, route, { token: accessToken });
      expect({ route, status: res.status, code: res.body?.code }).toEqual({
        route,
        status: 403,
        code: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
  });

  it('refuses a body that is not JSON (415), too large (413) or malformed (400)', async () => {
    const withBodies = documentedOperations().filter((operation) => operation.hasBody);
    expect(withBodies.length).toBeGreaterThan(20);
    for (const { method, route } of withBodies) {
      await expectStatus(415, method, route, {
        rawBody: 'hello',
        headers: { 'content-type': 'text/plain' },
      });
      await expectStatus(413, method, route, { body: { note: 'x'.repeat(1_100_000) } });
      await expectStatus(400, method, route, { rawBody: '{"note": ' });
    }
  });
});

/** One line per mismatch, grouped by operation. */
function report(violations: Violation[]): string {
  const byOperation = new Map<string, Violation[]>();
  for (const violation of violations) {
    byOperation.set(violation.operation, [
      ...(byOperation.get(violation.operation) ?? []),
      violation,
    ]);
  }
  return [...byOperation]
    .map(
      ([operation, found]) =>
        `${operation}\n${found.map((v) => `  ${v.kind}: ${v.call}: ${v.detail}`).join('\n')}`,
    )
    .join('\n');
}

describe('every answer above', () => {
  let conformance: OpenApiConformance;

  beforeAll(async () => {
    stopRecording();
    conformance = await OpenApiConformance.of(served);
  });

  it('would be caught differing from the document in any way checked', () => {
    const real = exchanges.find((e) => e.url.endsWith('/accounts/me') && e.status === 200)!;
    const account = JSON.parse(real.responseText) as Record<string, unknown>;
    const variants: Array<[Violation['kind'], Partial<Exchange>]> = [
      ['status', { status: 418 }],
      ['content-type', { headers: { ...real.headers, 'content-type': 'text/html' } }],
      ['body', { responseText: JSON.stringify({ ...account, colour: 'red' }) }],
      ['body', { responseText: JSON.stringify({ ...account, balanceMinutes: 1.5 }) }],
      ['headers', { headers: { ...real.headers, 'x-request-id': undefined! } }],
      ['headers', { headers: { ...real.headers, 'content-language': 'fr' } }],
    ];
    expect(conformance.check(real)).toEqual([]);
    for (const [kind, change] of variants) {
      const headers = JSON.parse(JSON.stringify(change.headers ?? real.headers));
      const found = conformance.check({ ...real, ...change, headers });
      expect({ change, kinds: found.map((v) => v.kind) }).toEqual({ change, kinds: [kind] });
    }
    const gift = exchanges.find((e) => e.url.endsWith('/transfers') && e.status === 201)!;
    const withUnknownField = JSON.stringify({ ...JSON.parse(gift.requestBody!), colour: 'red' });
    expect(conformance.check(gift)).toEqual([]);
    expect(
      conformance.check({ ...gift, requestBody: withUnknownField }).map((v) => v.kind),
    ).toEqual(['request']);
  });

  it('is what the document says (status, content type, body, headers)', () => {
    const violations = exchanges.flatMap((exchange) => conformance.check(exchange));
    const unseen = conformance.unseen();
    const covered = conformance.documented.size - unseen.length;
    const answers = [...conformance.unseenAnswers()].map(([status, n]) => `${status} ×${n}`);
    process.stdout.write(
      `OpenAPI: ${exchanges.length} answers checked, ${covered} of ${conformance.documented.size} ` +
        `documented operations seen, ${violations.length} mismatches\n` +
        (unseen.length > 0 ? `operations never seen:\n  ${unseen.join('\n  ')}\n` : '') +
        `documented answers never seen, by status: ${answers.join(', ')}\n`,
    );
    if (violations.length > 0) {
      throw new Error(
        `${violations.length} answers differ from the document:\n${report(violations)}`,
      );
    }
  });
});
