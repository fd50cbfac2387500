/**
 * Building blocks the end-to-end suites share: the bootstrap admin, fresh
 * communities and members, all made through the public API.
 */
import { randomBytes } from 'node:crypto';
import { api as sharedApi, ok } from './http';

type Api = typeof sharedApi;

export const BOOTSTRAP_ADMIN = { login: 'admin@timebank.local', password: 'admin-change-me' };
export const PASSWORD = 'correct-horse-battery';
const HOUR_MS = 3600_000;

export function unique(tag = 'x'): string {
  return `${tag}-${randomBytes(5).toString('hex')}`;
}

export function uniqueEmail(tag = 'member'): string {
  return `${unique(tag)}@example.cn`;
}

/** A mainland mobile number nobody else in the run has. */
export function uniquePhone(): string {
  const digits = String(parseInt(randomBytes(4).toString('hex'), 16) % 100_000_000).padStart(
    8,
    '0',
  );
  return `+86139${digits}`;
}

export interface Member {
  id: string;
  email: string | null;
  phone: string | null;
  displayName: string;
  roles: string[];
  communityId: string | null;
  gridUnitId: string | null;
  priorityHousehold: boolean;
  merchantId: string | null;
  coordinatorOf: string[];
  cardNumber: string;
}

export interface SignedIn {
  member: Member;
  token: string;
  login: string;
  password: string;
}

export interface Community {
  id: string;
  code: string;
  name: string;
  gridUnits: Array<{ id: string; code: string; name: string }>;
}

export async function login(
  loginName: string,
  password: string,
  api: Api = sharedApi,
): Promise<string> {
  const res = await api('POST', '/auth/login', { body: { login: loginName, password } });
  ok(res, 200, `login as ${loginName}`);
  return res.body.accessToken as string;
}

export function adminToken(api: Api = sharedApi): Promise<string> {
  return login(BOOTSTRAP_ADMIN.login, BOOTSTRAP_ADMIN.password, api);
}

export async function createCommunity(
  admin: string,
  gridUnits = 2,
  api: Api = sharedApi,
): Promise<Community> {
  const code = unique('c');
  const res = await api('POST', '/communities', {
    token: admin,
    body: {
      code,
      name: `青山社区 ${code}`,
      gridUnits: Array.from({ length: gridUnits }, (_, i) => ({
        code: `G${i + 1}`,
        name: `第${i + 1}网格`,
      })),
    },
  });
  ok(res, 201, 'create community');
  return res.body as Community;
}

/** Self-registration with an e-mail. */
export async function register(
  communityId: string,
  extra: Record<string, unknown> = {},
  api: Api = sharedApi,
): Promise<SignedIn> {
  const email = uniqueEmail();
  const res = await api('POST', '/auth/register', {
    body: { email, password: PASSWORD, displayName: '王小明', communityId, ...extra },
  });
  ok(res, 201, 'register');
  return { member: res.body.member, token: res.body.accessToken, login: email, password: PASSWORD };
}

/** A member made by an admin or coordinator (coordinators, merchant staff), signed in. */
export async function createMember(
  creatorToken: string,
  body: Record<string, unknown>,
  api: Api = sharedApi,
): Promise<SignedIn> {
  const email = uniqueEmail(String((body.roles as string[] | undefined)?.[0] ?? 'member'));
  const res = await api('POST', '/members', {
    token: creatorToken,
    body: { email, password: PASSWORD, displayName: '张主任', ...body },
  });
  ok(res, 201, 'create member');
  return {
    member: res.body,
    token: await login(email, PASSWORD, api),
    login: email,
    password: PASSWORD,
  };
}

export function coordinatorOf(
  admin: string,
  communityId: string,
  api: Api = sharedApi,
): Promise<SignedIn> {
  return createMember(
    admin,
    { communityId, roles: ['coordinator'], coordinatorOf: [communityId] },
    api,
  );
}

/** A new community whose fund holds `minutes` (an allocation by the admin), and its coordinator. */
export async function fundedCommunity(
  admin: string,
  allocation: { minutes: number; memo?: string },
  api: Api = sharedApi,
): Promise<{ community: Community; coordinator: SignedIn }> {
  const community = await createCommunity(admin, 1, api);
  await fundCommunity(admin, community.id, allocation, api);
  return { community, coordinator: await coordinatorOf(admin, community.id, api) };
}

/** A partner merchant of the community, made by its coordinator, and one member of its staff, signed in. */
export async function merchantWithStaff(
  coordinatorToken: string,
  communityId: string,
  name = unique('豆浆铺'),
  api: Api = sharedApi,
): Promise<{ id: string; staff: SignedIn }> {
  const res = await api('POST', '/merchants', {
    token: coordinatorToken,
    body: { name, communityId, address: '青山路 12 号' },
  });
  ok(res, 201, 'create merchant');
  const id = res.body.id as string;
  const staff = await createMember(
    coordinatorToken,
    { communityId, roles: ['merchant'], merchantId: id },
    api,
  );
  return { id, staff };
}

/** The cast of a help request: a new community with a funded fund, a resident with credits, a volunteer. */
export interface Neighbours {
  community: Community;
  coordinator: SignedIn;
  resident: SignedIn;
  volunteer: SignedIn;
}

export async function neighbours(
  admin: string,
  { credits = 600, fund = 10_000 } = {},
  api: Api = sharedApi,
): Promise<Neighbours> {
  const community = await createCommunity(admin, 1, api);
  await fundCommunity(admin, community.id, { minutes: fund }, api);
  const coordinator = await coordinatorOf(admin, community.id, api);
  const resident = await register(community.id, {}, api);
  const credited = await api('POST', `/members/${resident.member.id}/adjustments`, {
    token: coordinator.token,
    body: { minutes: credits, reason: 'opening balance' },
  });
  ok(credited, 201, 'opening balance');
  const volunteer = await register(community.id, { roles: ['volunteer'] }, api);
  return { community, coordinator, resident, volunteer };
}

/** The coordinator marks the member a priority household: the community fund pays for their requests. */
export async function markPriorityHousehold(
  coordinator: SignedIn,
  member: SignedIn,
  api: Api = sharedApi,
): Promise<void> {
  ok(
    await api('PATCH', `/members/${member.member.id}`, {
      token: coordinator.token,
      body: { priorityHousehold: true },
    }),
    200,
    'mark a priority household',
  );
}

/** A request of the resident that the volunteer accepted and completed in `minutes`: ready to confirm. */
export async function completedRequest(
  { resident, volunteer }: Neighbours,
  minutes: number,
  api: Api = sharedApi,
): Promise<string> {
  const posted = await api('POST', '/requests', {
    token: resident.token,
    body: requestTerms({
      windowEnd: new Date(Date.now() + 2 * HOUR_MS).toISOString(),
      estimatedMinutes: minutes,
    }),
  });
  ok(posted, 201, 'post a request');
  const id = posted.body.id as string;
  const act = (action: string, body?: unknown) =>
    api('POST', `/requests/${id}/${action}`, { token: volunteer.token, body });
  ok(await act('accept'), 200, 'accept');
  ok(await act('complete', { minutes }), 200, 'complete');
  return id;
}

/** The admin (or whoever may) puts minutes into the community's fund: an allocation. */
export async function fundCommunity(
  token: string,
  communityId: string,
  allocation: { minutes: number; memo?: string; key?: string },
  api: Api = sharedApi,
): Promise<void> {
  const { key, ...body } = allocation;
  ok(
    await api('POST', `/communities/${communityId}/fund/allocations`, {
      token,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
      body,
    }),
    201,
    'fund allocation',
  );
}

/** What an offer of a shop says unless a test says otherwise: 30 minutes for 10 % off, open ten days. */
export function offerTerms(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '豆浆九折',
    description: '每天早上',
    discount: { kind: 'percent', value: 10 },
    creditCostMinutes: 30,
    minTier: 0,
    validFrom: new Date(Date.now() - HOUR_MS).toISOString(),
    validUntil: new Date(Date.now() + 240 * HOUR_MS).toISOString(),
    quantity: 100,
    perMemberLimit: 5,
    ...extra,
  };
}

/** What a help request says unless a test says otherwise: an escort to the clinic, in an hour, for 90 minutes. */
export function requestTerms(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '陪同去社区医院复诊',
    description: '周三上午，需要轮椅协助',
    category: 'escort',
    windowStart: new Date(Date.now() + HOUR_MS).toISOString(),
    windowEnd: new Date(Date.now() + 3 * HOUR_MS).toISOString(),
    estimatedMinutes: 90,
    ...extra,
  };
}

/** An offer the shop's staff posted (pending) and its community's coordinator approved. */
export async function approvedOffer(
  coordinator: SignedIn,
  merchant: { id: string; staff: SignedIn },
  extra: Record<string, unknown> = {},
  api: Api = sharedApi,
): Promise<{ id: string }> {
  const offer = ok<{ id: string }>(
    await api('POST', `/merchants/${merchant.id}/offers`, {
      token: merchant.staff.token,
      body: offerTerms(extra),
    }),
    201,
    'offer',
  );
  ok(
    await api('POST', `/offers/${offer.id}/approve`, { token: coordinator.token }),
    200,
    'approve offer',
  );
  return offer;
}

/** Puts `minutes` of the community fund on the member's account (an adjustment by its coordinator). */
export async function credit(
  coordinator: SignedIn,
  member: SignedIn,
  minutes: number,
  api: Api = sharedApi,
): Promise<void> {
  ok(
    await api('POST', `/members/${member.member.id}/adjustments`, {
      token: coordinator.token,
      headers: { 'idempotency-key': unique('adjust') },
      body: { minutes, reason: '开户积分' },
    }),
    201,
    'adjustment',
  );
}
