/**
 * A coordinator acting for a resident without a phone, from the resident's
 * page: posting, confirming, disputing and cancelling a request for them. The
 * resident still pays (or the fund, for a priority household), the rules of
 * who may not act in their own favour still hold, and the request's history
 * says who did each step and for whom.
 */
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  credit,
  coordinatorOf,
  createCommunity,
  createMember,
  fundCommunity,
  markPriorityHousehold,
  register,
  requestTerms,
  SignedIn,
  unique,
} from './support/fixtures';
import { expectProblem } from './support/problems';
import { eventually } from './support/wait';

interface Step {
  action: string;
  status: string;
  at: string;
  actedBy: { id: string; displayName: string } | null;
  onBehalfOf: { id: string; displayName: string } | null;
}

interface HelpRequest {
  id: string;
  status: string;
  requesterId: string;
  createdBy: string;
  confirmedBy: string | null;
  cancelledBy: string | null;
  disputedBy: string | null;
  funding: string;
  history?: Step[];
}

let admin: string;
let community: Community;
let otherCommunity: Community;
let coordinator: SignedIn;
let colleague: SignedIn;
let otherCoordinator: SignedIn;

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  otherCommunity = await createCommunity(admin);
  coordinator = await createMember(admin, {
    communityId: community.id,
    roles: ['coordinator'],
    coordinatorOf: [community.id],
    displayName: '张主任',
  });
  colleague = await createMember(admin, {
    communityId: community.id,
    roles: ['coordinator'],
    coordinatorOf: [community.id],
    displayName: '李主任',
  });
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  await fundCommunity(admin, community.id, { minutes: 100_000, memo: 'acting-for e2e' });
});

/** A resident without a phone: the coordinator gives them credits and acts for them. */
async function residentWithoutPhone(minutes = 300): Promise<SignedIn> {
  const resident = await register(community.id, { displayName: '王奶奶' });
  if (minutes === 0) return resident;
  await credit(coordinator, resident, minutes);
  return resident;
}

function volunteer(): Promise<SignedIn> {
  return register(community.id, { roles: ['volunteer'], displayName: '小陈' });
}

function postFor(
  resident: SignedIn,
  by: SignedIn = coordinator,
  extra: Record<string, unknown> = {},
): Promise<ApiResponse<HelpRequest>> {
  return api('POST', '/requests', {
    token: by.token,
    body: requestTerms({ requesterId: resident.member.id, ...extra }),
    headers: { 'idempotency-key': unique('post') },
  });
}

function act(
  who: SignedIn | string,
  id: string,
  action: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<HelpRequest>> {
  const token = typeof who === 'string' ? who : who.token;
  return api('POST', `/requests/${id}/${action}`, { token, body: payload, headers });
}

async function completedFor(resident: SignedIn, helper?: SignedIn): Promise<HelpRequest> {
  const request = ok<HelpRequest>(await postFor(resident), 201, 'post for');
  const by = helper ?? (await volunteer());
  ok(await act(by, request.id, 'accept'), 200, 'accept');
  ok(await act(by, request.id, 'complete', { minutes: 60 }), 200, 'complete');
  return request;
}

async function account(who: SignedIn): Promise<{ balanceMinutes: number; heldMinutes: number }> {
  const { balanceMinutes, heldMinutes } = ok<{ balanceMinutes: number; heldMinutes: number }>(
    await api('GET', '/accounts/me', { token: who.token }),
    200,
    'account',
  );
  return { balanceMinutes, heldMinutes };
}

/** The history as [action, who acted, for whom] by name, oldest first. */
function said(history: Step[] | undefined): Array<[string, string | null, string | null]> {
  return (history ?? []).map((step) => [
    step.action,
    step.actedBy?.displayName ?? null,
    step.onBehalfOf?.displayName ?? null,
  ]);
}

describe('a coordinator acting for a resident without a phone', () => {
  it('posts and confirms for them; the resident pays and the history says who acted', async () => {
    const resident = await residentWithoutPhone();
    const helper = await volunteer();
    const posted = ok<HelpRequest>(await postFor(resident), 201, 'post for');
    expect(posted).toMatchObject({
      status: 'open',
      requesterId: resident.member.id,
      createdBy: coordinator.member.id,
      funding: 'requester',
    });
    expect(said(posted.history)).toEqual([['posted', '张主任', '王奶奶']]);
    // The hold is the resident's, as if they had posted it themselves.
    expect((await account(resident)).heldMinutes).toBe(90);

    ok(await act(helper, posted.id, 'accept'), 200, 'accept');
    ok(await act(helper, posted.id, 'complete', { minutes: 60 }), 200, 'complete');
    const key = unique('confirm');
    const confirmed = ok<HelpRequest>(
      await act(coordinator, posted.id, 'confirm', { rating: 5 }, { 'idempotency-key': key }),
      200,
      'confirm for',
    );
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: coordinator.member.id });
    // The same confirmation again (a lost answer) is the same answer, not a second payment.
    const again = ok<HelpRequest>(
      await act(coordinator, posted.id, 'confirm', { rating: 5 }, { 'idempotency-key': key }),
      200,
      'confirm again',
    );
    expect(again.history).toEqual(confirmed.history);

    const expected = [
      ['posted', '张主任', '王奶奶'],
      ['accepted', '小陈', null],
      ['completed', '小陈', null],
      ['confirmed', '张主任', '王奶奶'],
    ];
    expect(said(confirmed.history)).toEqual(expected);
    expect(confirmed.history!.map((s) => s.status)).toEqual([
      'open',
      'accepted',
      'completed',
      'confirmed',
    ]);
    const times = confirmed.history!.map((s) => Date.parse(s.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The resident, on their own page, reads the same record.
    const theirs = ok<HelpRequest>(
      await api('GET', `/requests/${posted.id}`, { token: resident.token }),
      200,
      'read as the resident',
    );
    expect(said(theirs.history)).toEqual(expected);
    // The resident paid 60 of the 90 held; the volunteer was paid.
    await eventually(async () => {
      expect(await account(resident)).toEqual({ balanceMinutes: 240, heldMinutes: 0 });
      expect((await account(helper)).balanceMinutes).toBe(60);
    });
  });

  it("posts for a priority household at the fund's cost, not the household's", async () => {
    const household = await residentWithoutPhone(0);
    await markPriorityHousehold(coordinator, household);
    const posted = ok<HelpRequest>(await postFor(household), 201, 'post for a household');
    expect(posted.funding).toBe('community');
    expect(await account(household)).toEqual({ balanceMinutes: 0, heldMinutes: 0 });
  });

  it('disputes for them; another coordinator resolves, never the one who disputed', async () => {
    const resident = await residentWithoutPhone();
    const request = await completedFor(resident);
    const disputed = ok<HelpRequest>(
      await act(coordinator, request.id, 'dispute', { reason: '王奶奶说志愿者只待了十分钟' }),
      200,
      'dispute for',
    );
    expect(disputed).toMatchObject({ status: 'disputed', disputedBy: coordinator.member.id });
    expect(said(disputed.history).at(-1)).toEqual(['disputed', '张主任', '王奶奶']);

    expectProblem(
      await act(coordinator, request.id, 'resolve', { minutes: 0, note: '不计时长' }),
      403,
      'FORBIDDEN',
    );
    const resolved = ok<HelpRequest>(
      await act(colleague, request.id, 'resolve', { minutes: 10, note: '按十分钟计' }),
      200,
      'resolve by a colleague',
    );
    expect(resolved.status).toBe('confirmed');
    expect(said(resolved.history).slice(-2)).toEqual([
      ['disputed', '张主任', '王奶奶'],
      ['resolved', '李主任', null],
    ]);
  });

  it('cancels for them: the hold goes back to the resident', async () => {
    const resident = await residentWithoutPhone();
    const posted = ok<HelpRequest>(await postFor(resident), 201, 'post for');
    expect((await account(resident)).heldMinutes).toBe(90);
    const cancelled = ok<HelpRequest>(await act(coordinator, posted.id, 'cancel'), 200, 'cancel');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: coordinator.member.id });
    expect(said(cancelled.history)).toEqual([
      ['posted', '张主任', '王奶奶'],
      ['cancelled', '张主任', '王奶奶'],
    ]);
    await eventually(async () => expect((await account(resident)).heldMinutes).toBe(0));
  });

  it('says no one acted for the resident when they acted themselves', async () => {
    const resident = await residentWithoutPhone();
    const posted = ok<HelpRequest>(
      await api('POST', '/requests', { token: resident.token, body: requestTerms() }),
      201,
      'post',
    );
    expect(posted.createdBy).toBe(resident.member.id);
    expect(said(posted.history)).toEqual([['posted', '王奶奶', null]]);
  });
});

describe('who may act for a resident', () => {
  it("refuses another community's coordinator everything, and a resident what is not theirs", async () => {
    const resident = await residentWithoutPhone();
    const neighbour = await residentWithoutPhone();
    expectProblem(await postFor(resident, otherCoordinator), 403, 'FORBIDDEN');
    expectProblem(await postFor(resident, neighbour), 403, 'FORBIDDEN');

    const request = await completedFor(resident);
    for (const who of [otherCoordinator, neighbour]) {
      for (const [action, payload] of [
        ['confirm', {}],
        ['dispute', { reason: 'x' }],
      ] as const) {
        const res: ApiResponse = await act(who, request.id, action, payload);
        expect([action, res.status, res.body?.code]).toEqual([action, 403, 'FORBIDDEN']);
      }
    }
    const open = ok<HelpRequest>(await postFor(resident), 201, 'post for');
    for (const who of [otherCoordinator, neighbour]) {
      expectProblem(await act(who, open.id, 'cancel'), 403, 'FORBIDDEN');
    }
    // Nothing moved: still completed, still open.
    for (const [id, status] of [
      [request.id, 'completed'],
      [open.id, 'open'],
    ]) {
      const now = ok<HelpRequest>(
        await api('GET', `/requests/${id}`, { token: coordinator.token }),
        200,
        'read',
      );
      expect(now.status).toBe(status);
    }
  });

  it('never lets a coordinator confirm the service they gave, even acting for the resident', async () => {
    const resident = await residentWithoutPhone();
    const both = await createMember(admin, {
      communityId: community.id,
      roles: ['coordinator', 'volunteer'],
      coordinatorOf: [community.id],
    });
    const request = await completedFor(resident, both);
    expectProblem(await act(both, request.id, 'confirm', {}), 403, 'FORBIDDEN');
    const confirmed = ok<HelpRequest>(
      await act(colleague, request.id, 'confirm', {}),
      200,
      'confirm by a colleague',
    );
    expect(confirmed.confirmedBy).toBe(colleague.member.id);
  });

  it('keeps the history to the parties, coordinators in scope and admins', async () => {
    const resident = await residentWithoutPhone();
    const posted = ok<HelpRequest>(await postFor(resident), 201, 'post for');
    const onTheBoard = await volunteer();
    const seen = ok<HelpRequest>(
      await api('GET', `/requests/${posted.id}`, { token: onTheBoard.token }),
      200,
      'read the board',
    );
    expect(seen).not.toHaveProperty('history');
    for (const token of [admin, coordinator.token, resident.token]) {
      const view = ok<HelpRequest>(await api('GET', `/requests/${posted.id}`, { token }), 200, '');
      expect(view.history).toHaveLength(1);
    }
    // Lists stay light: the history is read one request at a time.
    const listed = ok<{ items: HelpRequest[] }>(
      await api('GET', `/requests?requesterId=${resident.member.id}`, {
        token: coordinator.token,
      }),
      200,
      'list',
    );
    expect(listed.items.map((r) => r.id)).toEqual([posted.id]);
    expect(listed.items[0]).not.toHaveProperty('history');
  });

  it('names the field that is wrong', async () => {
    const resident = await residentWithoutPhone();
    expectProblem(
      await api('POST', '/requests', {
        token: coordinator.token,
        body: requestTerms({ requesterId: 'not-a-uuid' }),
      }),
      400,
      'VALIDATION_FAILED',
      ['requesterId'],
    );
    const request = await completedFor(resident);
    expectProblem(await act(coordinator, request.id, 'dispute', {}), 400, 'VALIDATION_FAILED', [
      'reason',
    ]);
    expectProblem(
      await act(coordinator, request.id, 'dispute', { reason: '   ' }),
      400,
      'VALIDATION_FAILED',
      ['reason'],
    );
  });
});
