/**
 * People, not ids: every member may claim an offer (and see why not), each
 * member sees only the help requests the rules let them see, and views carry
 * names and, between the parties of an accepted request, phone numbers —
 * names copied from the volunteers service's member events.
 */
import { Client } from 'pg';
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  approvedOffer,
  Community,
  credit,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  merchantWithStaff,
  offerTerms,
  register,
  SignedIn,
  unique,
  uniquePhone,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { until } from './support/wait';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Eligibility {
  ok: boolean;
  reason: string | null;
}

interface Offer {
  id: string;
  status: string;
  eligibility: Eligibility;
}

interface HelpRequest {
  id: string;
  status: string;
  requesterId: string;
  volunteerId: string | null;
  requester: { id: string; displayName: string };
  volunteer: { id: string; displayName: string } | null;
  contact?: {
    phone: string | null;
    requesterPhone?: string | null;
    volunteerPhone?: string | null;
  } | null;
  disputeReason?: string | null;
  ratingComment?: string | null;
  [key: string]: unknown;
}

async function sql<T>(text: string, params: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: process.env.TB_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

let admin: string;
let community: Community;
let coordinator: SignedIn;
let away: Community;
let awayCoordinator: SignedIn;

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 2);
  coordinator = await coordinatorOf(admin, community.id);
  away = await createCommunity(admin, 1);
  awayCoordinator = await coordinatorOf(admin, away.id);
  await fundCommunity(admin, community.id, { minutes: 1_000_000, memo: 'people-views e2e' });
});

describe('claiming offers: every member, and why not', () => {
  let merchant: { id: string; staff: SignedIn };

  function offerBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return offerTerms({
      title: '理发八折',
      description: '工作日',
      discount: { kind: 'percent', value: 20 },
      ...extra,
    });
  }

  function activeOffer(extra: Record<string, unknown> = {}): Promise<{ id: string }> {
    return approvedOffer(coordinator, merchant, offerBody(extra));
  }

  const claim = (who: SignedIn, offerId: string) =>
    api('POST', `/offers/${offerId}/claim`, { token: who.token });

  async function offersAs(who: SignedIn, query = ''): Promise<Offer[]> {
    return ok<{ items: Offer[] }>(
      await api('GET', `/offers?merchantId=${merchant.id}&limit=100${query}`, { token: who.token }),
      200,
      'offers',
    ).items;
  }

  beforeAll(async () => {
    merchant = await merchantWithStaff(coordinator.token, community.id, unique('理发店'));
  });

  it('lets a resident spend the minutes family gave them (201), and says the offer is for them', async () => {
    const offer = await activeOffer();
    const grandson = await register(community.id, { roles: ['volunteer'] });
    await credit(coordinator, grandson, 200);
    const grandmother = await register(community.id, { roles: ['resident'] });
    ok(
      await api('POST', '/transfers', {
        token: grandson.token,
        body: { toMemberId: grandmother.member.id, minutes: 120, memo: '给奶奶' },
      }),
      201,
      'gift',
    );
    const eligible = await offersAs(grandmother, '&eligible=true');
    expect(eligible.map((o) => o.id)).toContain(offer.id);
    expect(eligible.find((o) => o.id === offer.id)?.eligibility).toEqual({
      ok: true,
      reason: null,
    });

    const voucher = ok(await claim(grandmother, offer.id), 201, 'claim');
    expect(voucher).toMatchObject({ offerId: offer.id, status: 'issued' });
    const account = ok(await api('GET', '/accounts/me', { token: grandmother.token }), 200, 'me');
    expect(account).toMatchObject({ balanceMinutes: 120, heldMinutes: 30 });
  });

  it('gives each refusal its reason in the list, and the claim its error', async () => {
    const resident = await register(community.id, { roles: ['resident'] });
    await credit(coordinator, resident, 100);
    const rich = await register(community.id, { roles: ['resident'] });
    await credit(coordinator, rich, 100);
    const starred = await activeOffer({ minTier: 1 });
    const limited = await activeOffer({ perMemberLimit: 1 });
    const single = await activeOffer({ quantity: 1, perMemberLimit: 1 });
    const dear = await activeOffer({ creditCostMinutes: 500 });
    const ended = await activeOffer({
      validFrom: new Date(Date.now() - 2 * DAY).toISOString(),
      validUntil: new Date(Date.now() - DAY).toISOString(),
    });
    const later = await activeOffer({ validFrom: new Date(Date.now() + DAY).toISOString() });
    const paused = await activeOffer();
    ok(
      await api('POST', `/offers/${paused.id}/pause`, { token: merchant.staff.token }),
      200,
      'pause',
    );
    ok(await claim(resident, limited.id), 201, 'first of one');
    ok(await claim(rich, single.id), 201, 'the only one');

    const reasons = Object.fromEntries(
      (await offersAs(resident)).map((o) => [o.id, o.eligibility]),
    );
    expect(reasons[starred.id]).toEqual({ ok: false, reason: 'tier_too_low' });
    expect(reasons[limited.id]).toEqual({ ok: false, reason: 'limit_reached' });
    expect(reasons[single.id]).toEqual({ ok: false, reason: 'sold_out' });
    expect(reasons[dear.id]).toEqual({ ok: false, reason: 'insufficient_credits' });
    expect(reasons[ended.id]).toEqual({ ok: false, reason: 'expired' });
    expect(reasons[later.id]).toEqual({ ok: false, reason: 'not_yet_valid' });
    // Paused offers show to their staff and coordinators only; staff first hear it is their own.
    const coordinatorView = Object.fromEntries(
      (await offersAs(coordinator)).map((o) => [o.id, o.eligibility]),
    );
    expect(coordinatorView[paused.id]).toEqual({ ok: false, reason: 'not_active' });
    const staffView = Object.fromEntries(
      (await offersAs(merchant.staff)).map((o) => [o.id, o.eligibility]),
    );
    expect(staffView[paused.id]).toEqual({ ok: false, reason: 'own_merchant' });
    expect(staffView[limited.id]).toEqual({ ok: false, reason: 'own_merchant' });

    // eligible=true and the reasons agree
    const eligible = await offersAs(resident, '&eligible=true');
    expect(eligible.every((o) => o.eligibility.ok)).toBe(true);
    expect(eligible.map((o) => o.id)).not.toContain(starred.id);

    expectProblem(await claim(resident, starred.id), 409, 'NOT_ELIGIBLE');
    expectProblem(await claim(resident, limited.id), 409, 'NOT_ELIGIBLE');
    expectProblem(await claim(resident, single.id), 409, 'SOLD_OUT');
    expectProblem(await claim(resident, dear.id), 409, 'INSUFFICIENT_CREDITS');
    expectProblem(await claim(resident, ended.id), 409, 'INVALID_STATE');
    expectProblem(await claim(resident, paused.id), 409, 'INVALID_STATE');
    expectProblem(await claim(merchant.staff, limited.id), 409, 'NOT_ELIGIBLE');
    const account = ok(await api('GET', '/accounts/me', { token: resident.token }), 200, 'me');
    expect(account).toMatchObject({ balanceMinutes: 100, heldMinutes: 30 });
  });
});

function requestBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '陪同去社区医院复诊',
    description: '周三上午，需要轮椅协助',
    category: 'escort',
    windowStart: new Date(Date.now() + HOUR).toISOString(),
    windowEnd: new Date(Date.now() + 30 * HOUR).toISOString(),
    estimatedMinutes: 60,
    ...extra,
  };
}

async function post(resident: SignedIn, extra: Record<string, unknown> = {}): Promise<HelpRequest> {
  return ok(
    await api('POST', '/requests', { token: resident.token, body: requestBody(extra) }),
    201,
    'post request',
  );
}

function act(token: string, id: string, action: string, payload?: unknown): Promise<ApiResponse> {
  return api('POST', `/requests/${id}/${action}`, { token, body: payload });
}

async function everything(token: string, query = ''): Promise<HelpRequest[]> {
  const items: HelpRequest[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/requests?limit=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = ok<{ items: HelpRequest[]; nextCursor: string | null }>(
      await api('GET', path, { token }),
      200,
      'list',
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('who sees which help request', () => {
  let alice: SignedIn; // resident
  let bob: SignedIn; // resident
  let helper: SignedIn; // the volunteer on two of them
  let stranger: SignedIn; // a volunteer of another community, on none
  let open: HelpRequest;
  let accepted: HelpRequest;
  let disputed: HelpRequest;

  beforeAll(async () => {
    alice = await register(community.id, { roles: ['resident'] });
    bob = await register(community.id, { roles: ['resident'] });
    await credit(coordinator, alice, 500);
    await credit(coordinator, bob, 500);
    helper = await register(community.id, { roles: ['volunteer'] });
    stranger = await register(away.id, { roles: ['volunteer'] });
    open = await post(alice, { title: unique('open') });
    accepted = await post(alice, { title: unique('accepted') });
    ok(await act(helper.token, accepted.id, 'accept'), 200, 'accept');
    disputed = await post(bob, { title: unique('disputed') });
    ok(await act(helper.token, disputed.id, 'accept'), 200, 'accept');
    ok(await act(helper.token, disputed.id, 'complete', { minutes: 50 }), 200, 'complete');
    ok(await act(bob.token, disputed.id, 'dispute', { reason: '只待了十分钟' }), 200, 'dispute');
  });

  /** Which of the three the viewer may read, by list and by id; both must agree. */
  async function seen(token: string): Promise<string[]> {
    const listed = new Set((await everything(token)).map((r) => r.id));
    const names: string[] = [];
    for (const [name, request] of Object.entries({ open, accepted, disputed })) {
      const res = await api('GET', `/requests/${request.id}`, { token });
      if (res.status === 200) {
        expect(listed.has(request.id)).toBe(true);
        names.push(name);
      } else {
        expectProblem(res, 404, 'NOT_FOUND');
        expect(listed.has(request.id)).toBe(false);
      }
    }
    return names;
  }

  it('shows a resident only their own requests', async () => {
    expect(await seen(alice.token)).toEqual(['open', 'accepted']);
    expect(await seen(bob.token)).toEqual(['disputed']);
    const other = await register(community.id, { roles: ['resident'] });
    expect(await seen(other.token)).toEqual([]);
    expect(await everything(other.token)).toEqual([]);
  });

  it('shows a volunteer the open board of the city and the requests they are on', async () => {
    expect(await seen(stranger.token)).toEqual(['open']);
    expect(await seen(helper.token)).toEqual(['open', 'accepted', 'disputed']);
    const items = await everything(stranger.token);
    expect(items.every((r) => r.status === 'open')).toBe(true);
  });

  it('shows a coordinator every request of its communities, an admin all', async () => {
    expect(await seen(coordinator.token)).toEqual(['open', 'accepted', 'disputed']);
    expect(await seen(awayCoordinator.token)).toEqual([]);
    expect(await seen(admin)).toEqual(['open', 'accepted', 'disputed']);
  });

  it('keeps the dispute reason and contact details to the parties, coordinators and admins', async () => {
    for (const token of [bob.token, helper.token, coordinator.token, admin]) {
      const view = ok<HelpRequest>(
        await api('GET', `/requests/${disputed.id}`, { token }),
        200,
        'get',
      );
      expect(view.disputeReason).toBe('只待了十分钟');
    }
    // A volunteer who took it and gave it back is no party: the board shows it bare.
    ok(await act(helper.token, accepted.id, 'release'), 200, 'release');
    const bare = ok<HelpRequest>(
      await api('GET', `/requests/${accepted.id}`, { token: stranger.token }),
      200,
      'get',
    );
    expect(bare).not.toHaveProperty('disputeReason');
    expect(bare).not.toHaveProperty('ratingComment');
    expect(bare).not.toHaveProperty('contact');
    expect(bare.requester).toEqual({ id: alice.member.id, displayName: alice.member.displayName });
    const listed = (await everything(stranger.token)).find((r) => r.id === accepted.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('disputeReason');
    const ratings = ok(
      await api('GET', `/volunteers/${helper.member.id}/ratings`, { token: stranger.token }),
      200,
      'ratings',
    );
    expect(Object.keys(ratings).sort()).toEqual(['average', 'count', 'volunteerId']);
  });
});

describe('names and contact on views', () => {
  let resident: SignedIn;
  let helper: SignedIn;
  let request: HelpRequest;

  beforeAll(async () => {
    resident = await register(community.id, {
      roles: ['resident'],
      displayName: '李奶奶',
      phone: uniquePhone(),
    });
    await credit(coordinator, resident, 300);
    helper = await register(community.id, {
      roles: ['volunteer'],
      displayName: '小周',
      phone: uniquePhone(),
    });
    request = await post(resident);
  });

  const view = async (token: string, id = request.id) =>
    ok<HelpRequest>(await api('GET', `/requests/${id}`, { token }), 200, 'get');

  it('names the requester, and shows no contact before a volunteer accepts', async () => {
    expect(request.requester).toEqual({ id: resident.member.id, displayName: '李奶奶' });
    expect(request.requesterId).toBe(resident.member.id);
    expect(request.volunteer).toBeNull();
    expect(request.contact ?? null).toBeNull();
    expect((await view(helper.token)).contact ?? null).toBeNull();
  });

  it('names the volunteer once accepted, and gives each party the other’s phone', async () => {
    const accepted = ok<HelpRequest>(await act(helper.token, request.id, 'accept'), 200, 'accept');
    expect(accepted.volunteer).toEqual({ id: helper.member.id, displayName: '小周' });
    expect(accepted.contact).toMatchObject({ phone: resident.member.phone });
    const mine = await view(resident.token);
    expect(mine.volunteer).toEqual({ id: helper.member.id, displayName: '小周' });
    expect(mine.volunteerId).toBe(helper.member.id);
    expect(mine.contact).toMatchObject({ phone: helper.member.phone });
    const theirs = await view(coordinator.token);
    expect(theirs.contact).toEqual({
      phone: resident.member.phone,
      requesterPhone: resident.member.phone,
      volunteerPhone: helper.member.phone,
    });
    const listed = (await everything(resident.token)).find((r) => r.id === request.id);
    expect(listed?.contact).toMatchObject({ phone: helper.member.phone });
  });

  it('names the volunteer on an hours log', async () => {
    const servedOn = new Date(Date.now() - DAY).toISOString().slice(0, 10);
    const log = ok(
      await api('POST', '/hours', {
        token: helper.token,
        body: { minutes: 60, servedOn, description: '社区清扫', communityId: community.id },
      }),
      201,
      'log hours',
    );
    expect(log.volunteer).toEqual({ id: helper.member.id, displayName: '小周' });
    const listed = ok<{ items: any[] }>(
      await api('GET', '/hours?mine=true', { token: helper.token }),
      200,
      'hours',
    ).items.find((h) => h.id === log.id);
    expect(listed?.volunteer).toEqual({ id: helper.member.id, displayName: '小周' });
  });

  it('carries a changed name and phone to every copy', async () => {
    const newPhone = uniquePhone();
    ok(
      await api('PATCH', `/members/${helper.member.id}`, {
        token: coordinator.token,
        body: { displayName: '周志愿', phone: newPhone },
      }),
      200,
      'rename',
    );
    const seen = await until(
      'the volunteer named on the request',
      () => view(resident.token),
      (v) => v.volunteer?.displayName === '周志愿',
    );
    expect(seen.volunteer).toEqual({ id: helper.member.id, displayName: '周志愿' });
    expect(seen.contact).toMatchObject({ phone: newPhone });
    const hours = ok<{ items: any[] }>(
      await api('GET', '/hours?mine=true', { token: helper.token }),
      200,
      'hours',
    );
    expect(hours.items.every((h) => h.volunteer.displayName === '周志愿')).toBe(true);

    ok(
      await api('PATCH', `/members/${resident.member.id}`, {
        token: coordinator.token,
        body: { displayName: '李阿婆' },
      }),
      200,
      'rename',
    );
    const renamed = await until(
      'the requester renamed on the request',
      () => view(helper.token),
      (v) => v.requester.displayName === '李阿婆',
    );
    expect(renamed.requester.displayName).toBe('李阿婆');
  });

  it('fetches a name it never heard of once, and keeps it', async () => {
    const late = await register(community.id, { roles: ['resident'], displayName: '老陈' });
    await credit(coordinator, late, 100);
    const posted = await post(late);
    await sql(`DELETE FROM requests.member_names WHERE member_id = $1`, [late.member.id]);
    expect((await view(late.token, posted.id)).requester.displayName).toBe('老陈');
    const rows = await sql<{ display_name: string }>(
      `SELECT display_name FROM requests.member_names WHERE member_id = $1`,
      [late.member.id],
    );
    expect(rows).toEqual([{ display_name: '老陈' }]);
  });

  it('refuses a bad name or phone with 400 naming the field', async () => {
    expectProblem(
      await api('PATCH', `/members/${helper.member.id}`, {
        token: coordinator.token,
        body: { displayName: '', phone: 'not a phone' },
      }),
      400,
      'VALIDATION_FAILED',
      ['displayName', 'phone'],
    );
  });
});
