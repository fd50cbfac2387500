/**
 * A member's page in the coordinator's console: their credits, the requests
 * they asked for and served, and their logged hours, as a coordinator of
 * their community sees them, and no one else beyond what API.md lets them see.
 */
import { api, ApiResponse, ok } from './support/http';
import {
  adminToken,
  Community,
  credit,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  register,
  requestTerms,
  SignedIn,
} from './support/fixtures';
import { expectProblem } from './support/problems';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOBODY = '00000000-0000-4000-8000-000000000000';

interface Page {
  items: Array<{ id: string; [key: string]: unknown }>;
  nextCursor: string | null;
}

let admin: string;
let community: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;
let resident: SignedIn;
let neighbour: SignedIn;
let helper: SignedIn;
let otherHelper: SignedIn;
/** The resident's requests: the first taken by the helper, the second by nobody yet. */
let asked: string[];
/** The neighbour's request the helper took. */
let neighbours: string;
let helperLogs: string[];

let daysBack = 3;
function pastDay(): string {
  daysBack += 1;
  return new Date(Date.now() - daysBack * DAY).toISOString().slice(0, 10);
}

async function post(who: SignedIn): Promise<string> {
  const request = ok(
    await api('POST', '/requests', {
      token: who.token,
      body: requestTerms({ title: '陪同就医', description: '', estimatedMinutes: 60 }),
    }),
    201,
    'post',
  );
  return request.id as string;
}

async function logHours(who: SignedIn): Promise<string> {
  const log = ok(
    await api('POST', '/hours', {
      token: who.token,
      body: { minutes: 30, servedOn: pastDay(), description: '社区清洁' },
    }),
    201,
    'log hours',
  );
  return log.id as string;
}

function ids(res: ApiResponse<Page>): string[] {
  return ok<Page>(res, 200, 'list').items.map((item) => item.id);
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  const otherCommunity = await createCommunity(admin);
  coordinator = await coordinatorOf(admin, community.id);
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  await fundCommunity(admin, community.id, { minutes: 100_000 });
  resident = await register(community.id);
  neighbour = await register(community.id);
  helper = await register(community.id, { roles: ['volunteer'] });
  otherHelper = await register(community.id, { roles: ['volunteer'] });
  await credit(coordinator, resident, 500);
  await credit(coordinator, neighbour, 500);
  asked = [await post(resident), await post(resident)];
  neighbours = await post(neighbour);
  for (const id of [asked[0], neighbours]) {
    ok(await api('POST', `/requests/${id}/accept`, { token: helper.token }), 200, 'accept');
  }
  helperLogs = [await logHours(helper), await logHours(helper)];
  await logHours(otherHelper);
});

describe("a member's requests", () => {
  it('lists what they asked for and what they served, for a coordinator in scope', async () => {
    const list = (query: string) =>
      api<Page>('GET', `/requests?${query}`, { token: coordinator.token });
    expect(ids(await list(`requesterId=${resident.member.id}`)).sort()).toEqual([...asked].sort());
    expect(ids(await list(`volunteerId=${helper.member.id}`)).sort()).toEqual(
      [asked[0], neighbours].sort(),
    );
    expect(
      ids(await list(`requesterId=${resident.member.id}&volunteerId=${helper.member.id}`)),
    ).toEqual([asked[0]]);
    expect(ids(await list(`requesterId=${resident.member.id}&status=open`))).toEqual([asked[1]]);
    expect(ids(await list(`requesterId=${helper.member.id}`))).toEqual([]);
  });

  it('shows no one more than they may see of a member', async () => {
    const of = `requesterId=${resident.member.id}`;
    // Another community's coordinator: none of them.
    expect(ids(await api('GET', `/requests?${of}`, { token: otherCoordinator.token }))).toEqual([]);
    // A neighbour (not a volunteer) sees only their own requests.
    expect(ids(await api('GET', `/requests?${of}`, { token: neighbour.token }))).toEqual([]);
    // A volunteer sees the board: the resident's open request, not the one taken by another.
    expect(ids(await api('GET', `/requests?${of}`, { token: otherHelper.token }))).toEqual([
      asked[1],
    ]);
    expect(
      ids(
        await api('GET', `/requests?volunteerId=${helper.member.id}`, { token: helper.token }),
      ).sort(),
    ).toEqual([asked[0], neighbours].sort());
  });

  it('names a filter that is not an id', async () => {
    for (const name of ['requesterId', 'volunteerId']) {
      expectProblem(
        await api('GET', `/requests?${name}=someone`, { token: coordinator.token }),
        400,
        'VALIDATION_FAILED',
        [name],
      );
    }
  });
});

describe("a member's hours", () => {
  it("lists one volunteer's logs for a coordinator in scope, and none for anyone else", async () => {
    const of = `volunteerId=${helper.member.id}`;
    expect(ids(await api('GET', `/hours?${of}`, { token: coordinator.token }))).toEqual(
      [...helperLogs].reverse(),
    );
    expect(
      ids(await api('GET', `/hours?${of}&status=approved`, { token: coordinator.token })),
    ).toEqual([]);
    expect(ids(await api('GET', `/hours?${of}`, { token: otherCoordinator.token }))).toEqual([]);
    expect(ids(await api('GET', `/hours?${of}`, { token: otherHelper.token }))).toEqual([]);
    expect(ids(await api('GET', `/hours?${of}`, { token: helper.token }))).toEqual(
      [...helperLogs].reverse(),
    );
    expect(ids(await api('GET', `/hours?${of}&mine=true`, { token: otherHelper.token }))).toEqual(
      [],
    );
    expectProblem(
      await api('GET', '/hours?volunteerId=someone', { token: coordinator.token }),
      400,
      'VALIDATION_FAILED',
      ['volunteerId'],
    );
  });

  it("shows the volunteer's service record to a coordinator in scope only", async () => {
    const path = `/volunteers/${helper.member.id}/service-record`;
    expect((await api('GET', path, { token: coordinator.token })).status).toBe(200);
    expectProblem(await api('GET', path, { token: otherCoordinator.token }), 403, 'FORBIDDEN');
  });
});

describe("a member's credits", () => {
  const account = (token: string, id = resident.member.id) =>
    api('GET', `/members/${id}/account`, { token });

  it('are shown to a coordinator in scope and admins, as the member sees them', async () => {
    const own = ok(await api('GET', '/accounts/me', { token: resident.token }), 200, 'own');
    const seen = ok(await account(coordinator.token), 200, 'as the coordinator');
    expect(seen).toEqual(own);
    expect(seen).toMatchObject({ balanceMinutes: 500, heldMinutes: 120, availableMinutes: 380 });
    expect(ok(await account(admin), 200, 'as an admin')).toEqual(own);
    const zh = ok(
      await api('GET', `/members/${resident.member.id}/account`, {
        token: coordinator.token,
        headers: { 'accept-language': 'zh-CN' },
      }),
      200,
      'in Chinese',
    );
    expect(zh.tier.name).toMatch(/[\u4e00-\u9fff]/);
  });

  it("are refused to another community's coordinator, residents and volunteers", async () => {
    expectProblem(await account(otherCoordinator.token), 403, 'FORBIDDEN');
    expectProblem(await account(neighbour.token), 403, 'FORBIDDEN');
    expectProblem(await account(resident.token), 403, 'FORBIDDEN');
    expectProblem(await account(helper.token), 403, 'FORBIDDEN');
  });

  it('names a bad id, and finds no one who does not exist', async () => {
    expectProblem(await account(coordinator.token, 'someone'), 400, 'VALIDATION_FAILED', ['id']);
    expectProblem(await account(admin, NOBODY), 404, 'NOT_FOUND');
  });
});
