/**
 * The coordinator's console: the counts on its menu (what waits in a
 * community, each counted by the service that owns it) and the review of a
 * week of hours at once, rejecting each log with its own reason.
 */
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  merchantWithStaff,
  register,
  requestTerms,
  SignedIn,
} from './support/fixtures';
import { expectProblem } from './support/problems';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOBODY = '00000000-0000-4000-8000-000000000000';

interface Queue {
  communityId: string;
  hoursPending: number;
  disputesOpen: number;
  requestsToConfirm: number;
  offersPendingApproval: number;
}

interface HourLog {
  id: string;
  status: string;
  rejectionReason: string | null;
  reviewedBy: string | null;
}

interface Rejections {
  rejected: number;
  refused: number;
  results: Array<{
    id: string;
    outcome: 'rejected' | 'refused';
    log?: HourLog;
    error?: { code: string; message: string };
  }>;
}

let admin: string;
let community: Community;
let otherCommunity: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  otherCommunity = await createCommunity(admin);
  coordinator = await coordinatorOf(admin, community.id);
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  for (const place of [community, otherCommunity]) {
    await fundCommunity(admin, place.id, { minutes: 100_000, memo: 'console e2e' });
  }
});

/** Distinct past days, so no log meets a volunteer's daily limit. */
let daysBack = 3;
function pastDay(): string {
  daysBack += 1;
  return new Date(Date.now() - daysBack * DAY).toISOString().slice(0, 10);
}

async function logHours(who: SignedIn, communityId = community.id): Promise<HourLog> {
  return ok(
    await api('POST', '/hours', {
      token: who.token,
      body: { minutes: 60, servedOn: pastDay(), description: '社区清洁', communityId },
    }),
    201,
    'log hours',
  );
}

function queueOf(token: string, communityId = community.id): Promise<ApiResponse<Queue>> {
  return api('GET', `/communities/${communityId}/queue`, { token });
}

function rejectMany(
  token: string,
  items: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<Rejections>> {
  return api('POST', '/hours/reject', { token, body: { items }, headers });
}

describe("the console's menu counts", () => {
  it('counts what waits in the community, each thing where it is kept', async () => {
    const place = await createCommunity(admin);
    const lead = await coordinatorOf(admin, place.id);
    await fundCommunity(admin, place.id, { minutes: 10_000 });
    expect(ok<Queue>(await queueOf(lead.token, place.id), 200, 'queue')).toEqual({
      communityId: place.id,
      hoursPending: 0,
      disputesOpen: 0,
      requestsToConfirm: 0,
      offersPendingApproval: 0,
    });

    const helper = await register(place.id, { roles: ['volunteer'] });
    const [first] = [await logHours(helper, place.id), await logHours(helper, place.id)];
    await logHours(helper, place.id);
    ok(
      await api('POST', `/hours/${first.id}/reject`, {
        token: lead.token,
        body: { reason: 'not ours' },
      }),
      200,
      'reject one',
    );

    const resident = await register(place.id);
    ok(
      await api('POST', `/members/${resident.member.id}/adjustments`, {
        token: lead.token,
        body: { minutes: 600, reason: 'opening balance' },
      }),
      201,
      'adjustment',
    );
    const served = async () => {
      const request = ok(
        await api('POST', '/requests', {
          token: resident.token,
          body: requestTerms({
            title: '买菜',
            description: '',
            category: 'errands',
            estimatedMinutes: 60,
          }),
        }),
        201,
        'post',
      );
      ok(await api('POST', `/requests/${request.id}/accept`, { token: helper.token }), 200, '');
      ok(
        await api('POST', `/requests/${request.id}/complete`, {
          token: helper.token,
          body: { minutes: 45 },
        }),
        200,
        'complete',
      );
      return request.id as string;
    };
    await served();
    await served();
    const disputed = await served();
    ok(
      await api('POST', `/requests/${disputed}/dispute`, {
        token: resident.token,
        body: { reason: 'too short' },
      }),
      200,
      'dispute',
    );

    const shop = await merchantWithStaff(lead.token, place.id);
    const offer = (title: string) =>
      api('POST', `/merchants/${shop.id}/offers`, {
        token: shop.staff.token,
        body: {
          title,
          description: '',
          discount: { kind: 'percent', value: 10 },
          creditCostMinutes: 30,
          minTier: 0,
          validFrom: new Date(Date.now() - HOUR).toISOString(),
          validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
          quantity: 5,
          perMemberLimit: 1,
        },
      });
    const approved = ok(await offer('豆浆九折'), 201, 'offer');
    ok(await offer('油条买一送一'), 201, 'offer');
    ok(
      await api('POST', `/offers/${approved.id}/approve`, { token: lead.token }),
      200,
      'approve offer',
    );

    expect(ok<Queue>(await queueOf(lead.token, place.id), 200, 'queue')).toEqual({
      communityId: place.id,
      hoursPending: 2,
      disputesOpen: 1,
      requestsToConfirm: 2,
      offersPendingApproval: 1,
    });
    // Each count is the length of the list the console opens from the menu.
    const pendingOffers = ok<{ items: Array<{ title: string }> }>(
      await api('GET', `/offers?communityId=${place.id}&status=pending_approval`, {
        token: lead.token,
      }),
      200,
      'offers to approve',
    );
    expect(pendingOffers.items.map((o) => o.title)).toEqual(['油条买一送一']);
    const pendingHours = ok(
      await api('GET', `/hours?communityId=${place.id}&status=pending`, { token: lead.token }),
      200,
      'hours to review',
    );
    expect(pendingHours.items).toHaveLength(2);
    const toConfirm = ok(
      await api('GET', `/requests?communityId=${place.id}&status=completed`, {
        token: lead.token,
      }),
      200,
      'services to confirm',
    );
    expect(toConfirm.items).toHaveLength(2);
    // An admin sees every community's queue; the other community's is its own.
    expect(ok<Queue>(await queueOf(admin, place.id), 200, 'queue as admin').hoursPending).toBe(2);
    expect(ok<Queue>(await queueOf(coordinator.token), 200, 'another queue').hoursPending).toBe(0);
  });

  it("refuses another community's coordinator, residents and volunteers", async () => {
    expectProblem(await queueOf(otherCoordinator.token), 403, 'FORBIDDEN');
    const resident = await register(community.id);
    const helper = await register(community.id, { roles: ['volunteer'] });
    expectProblem(await queueOf(resident.token), 403, 'FORBIDDEN');
    expectProblem(await queueOf(helper.token), 403, 'FORBIDDEN');
    expectProblem(await api('GET', `/communities/${community.id}/queue`), 401, 'UNAUTHENTICATED');
  });

  it('names a bad community id, and has no queue for a community that does not exist', async () => {
    expectProblem(await queueOf(admin, 'not-a-uuid'), 400, 'VALIDATION_FAILED', ['id']);
    expectProblem(await queueOf(admin, NOBODY), 404, 'NOT_FOUND');
  });
});

describe('rejecting hours in bulk', () => {
  it('rejects each log with its own reason, and says why it refused the others', async () => {
    const helper = await register(community.id, { roles: ['volunteer'] });
    const [a, b, done] = [await logHours(helper), await logHours(helper), await logHours(helper)];
    const elsewhere = await logHours(helper, otherCommunity.id);
    ok(
      await api('POST', `/hours/${done.id}/approve`, { token: coordinator.token }),
      200,
      'approve',
    );
    const items = [
      { id: a.id, reason: '活动名单上没有这一天' },
      { id: elsewhere.id, reason: 'not ours' },
      { id: b.id, reason: '时长与签到不符' },
      { id: done.id, reason: 'too late' },
      { id: NOBODY, reason: 'gone' },
    ];
    const answer = ok<Rejections>(await rejectMany(coordinator.token, items), 200, 'reject many');
    expect(answer).toMatchObject({ rejected: 2, refused: 3 });
    expect(answer.results.map((r) => [r.id, r.outcome, r.error?.code ?? r.log?.status])).toEqual([
      [a.id, 'rejected', 'rejected'],
      [elsewhere.id, 'refused', 'FORBIDDEN'],
      [b.id, 'rejected', 'rejected'],
      [done.id, 'refused', 'INVALID_STATE'],
      [NOBODY, 'refused', 'NOT_FOUND'],
    ]);
    expect(answer.results[3].error?.message).toMatch(/approved/);
    // The volunteer reads each reason on their own log.
    for (const { id, reason } of [items[0], items[2]]) {
      const log = ok<HourLog>(await api('GET', `/hours/${id}`, { token: helper.token }), 200, '');
      expect(log).toMatchObject({
        status: 'rejected',
        rejectionReason: reason,
        reviewedBy: coordinator.member.id,
      });
    }
    expect(
      ok<HourLog>(await api('GET', `/hours/${elsewhere.id}`, { token: helper.token }), 200, '')
        .status,
    ).toBe('pending');
  });

  it('answers the same batch sent again the same way, and never rejects a log twice', async () => {
    const helper = await register(community.id, { roles: ['volunteer'] });
    const [a, b] = [await logHours(helper), await logHours(helper)];
    const items = [
      { id: a.id, reason: '重复登记' },
      { id: b.id, reason: '不在本社区' },
    ];
    const first = ok<Rejections>(await rejectMany(coordinator.token, items), 200, 'first');
    const again = ok<Rejections>(await rejectMany(coordinator.token, items), 200, 'again');
    expect(again).toEqual(first);
    expect(first).toMatchObject({ rejected: 2, refused: 0 });
    // Another reason for a log already rejected is not the same batch: refused.
    const changed = ok<Rejections>(
      await rejectMany(coordinator.token, [{ id: a.id, reason: 'another reason' }]),
      200,
      'changed',
    );
    expect(changed.results[0]).toMatchObject({
      outcome: 'refused',
      error: { code: 'INVALID_STATE' },
    });
    const log = ok<HourLog>(await api('GET', `/hours/${a.id}`, { token: helper.token }), 200, '');
    expect(log.rejectionReason).toBe('重复登记');
  });

  it('refuses in the language asked for, per log', async () => {
    const answer = ok<Rejections>(
      await rejectMany(coordinator.token, [{ id: NOBODY, reason: 'gone' }], {
        'accept-language': 'zh-CN',
      }),
      200,
      'in Chinese',
    );
    expect(answer.results[0].error).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    expect(answer.results[0].error!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('is for coordinators only', async () => {
    const helper = await register(community.id, { roles: ['volunteer'] });
    const log = await logHours(helper);
    expectProblem(await rejectMany(helper.token, [{ id: log.id, reason: 'x' }]), 403, 'FORBIDDEN');
    expectProblem(await rejectMany(admin, [{ id: log.id, reason: 'x' }]), 403, 'FORBIDDEN');
    const refused = ok<Rejections>(
      await rejectMany(otherCoordinator.token, [{ id: log.id, reason: 'x' }]),
      200,
      'another community',
    );
    expect(refused.results[0].error?.code).toBe('FORBIDDEN');
  });

  it('names what is wrong with the batch', async () => {
    const reject = (items: unknown) => rejectMany(coordinator.token, items);
    expectProblem(await reject([]), 400, 'VALIDATION_FAILED', ['items']);
    expectProblem(await reject(undefined), 400, 'VALIDATION_FAILED', ['items']);
    expectProblem(await reject([{ id: NOBODY }]), 400, 'VALIDATION_FAILED', ['items[0].reason']);
    expectProblem(await reject([{ id: NOBODY, reason: '  ' }]), 400, 'VALIDATION_FAILED', [
      'items[0].reason',
    ]);
    expectProblem(
      await reject([
        { id: NOBODY, reason: 'a' },
        { id: 'nope', reason: 'b' },
      ]),
      400,
      'VALIDATION_FAILED',
      ['items[1].id'],
    );
    expectProblem(
      await reject([
        { id: NOBODY, reason: 'a' },
        { id: NOBODY, reason: 'b' },
      ]),
      400,
      'VALIDATION_FAILED',
      ['items'],
    );
    expectProblem(
      await reject(Array.from({ length: 101 }, () => ({ id: NOBODY, reason: 'x' }))),
      400,
      'VALIDATION_FAILED',
      ['items'],
    );
    expectProblem(
      await reject([{ id: NOBODY, reason: 'a', minutes: 5 }]),
      400,
      'VALIDATION_FAILED',
      ['items[0].minutes'],
    );
  });
});
