import { api } from './support/http';
import { inBothLanguages, Problem } from './support/language';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  register,
  requestTerms,
  SignedIn,
} from './support/fixtures';

/**
 * API.md "Language", for the requests service: its refusals (rules, posting
 * checks, field messages) come in zh-CN by default and in English when asked,
 * with the same status and code.
 */
const HOUR = 3600_000;

let community: Community;
let coordinator: SignedIn;

beforeAll(async () => {
  const admin = await adminToken();
  community = await createCommunity(admin);
  coordinator = await coordinatorOf(admin, community.id);
  const allocated = await api('POST', `/communities/${community.id}/fund/allocations`, {
    token: admin,
    body: { minutes: 1000 },
  });
  expect(allocated.status).toBe(201);
});

const messages = (problem: Problem) =>
  Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));

describe('help request refusals in the language asked for', () => {
  it('field messages of a new request: the DTO and the window checks', async () => {
    const resident = await register(community.id);
    const dto = await inBothLanguages((headers) =>
      api('POST', '/requests', {
        token: resident.token,
        headers,
        body: requestTerms({ title: '   ', category: 'gardening', estimatedMinutes: 0 }),
      }),
    );
    expect(dto.en.code).toBe('VALIDATION_FAILED');
    expect(messages(dto.en)).toMatchObject({
      title: 'title must not be blank',
      category: expect.stringMatching(/^category must be one of companionship, escort, /),
      estimatedMinutes: 'estimatedMinutes must be a whole number from 1 to 1440',
    });
    expect(messages(dto.zh)).toMatchObject({
      title: 'title 不能只填空格',
      estimatedMinutes: 'estimatedMinutes 应为 1 到 1440 之间的整数',
    });

    const now = Date.now();
    const window = await inBothLanguages((headers) =>
      api('POST', '/requests', {
        token: resident.token,
        headers,
        body: requestTerms({
          windowStart: new Date(now + 3 * HOUR).toISOString(),
          windowEnd: new Date(now + 2 * HOUR).toISOString(),
        }),
      }),
    );
    expect(window.en.errors).toEqual([
      { field: 'windowEnd', message: 'windowEnd must be after windowStart' },
    ]);
    expect(window.zh.errors).toEqual([
      { field: 'windowEnd', message: 'windowEnd（结束时间）应晚于开始时间' },
    ]);
  });

  it('rules of the request’s life: cancelling it twice, accepting one’s own', async () => {
    const resident = await register(community.id, { roles: ['resident', 'volunteer'] });
    const funded = await api('POST', `/members/${resident.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 120, reason: 'opening balance' },
    });
    expect(funded.status).toBe(201);
    const posted = await api('POST', '/requests', { token: resident.token, body: requestTerms() });
    expect(posted.status).toBe(201);
    const id = posted.body.id as string;
    expect((await api('POST', `/requests/${id}/cancel`, { token: resident.token })).status).toBe(
      200,
    );

    const again = await inBothLanguages((headers) =>
      api('POST', `/requests/${id}/cancel`, { token: resident.token, headers }),
    );
    expect([again.en.code, again.en.detail]).toEqual([
      'INVALID_STATE',
      'This request is cancelled: only open or accepted requests can be cancelled',
    ]);
    expect(again.zh.detail).toBe('这条求助已经取消了，只有等待接单或已接单的求助才能取消');

    const own = await inBothLanguages((headers) =>
      api('POST', `/requests/${id}/accept`, { token: resident.token, headers }),
    );
    expect([own.en.code, own.en.detail]).toEqual([
      'NOT_ELIGIBLE',
      'A volunteer cannot accept their own request',
    ]);
    expect(own.zh.detail).toBe('不能接自己发布的求助');
  });
});
