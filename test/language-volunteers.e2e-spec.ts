import { api } from './support/http';
import { inBothLanguages, Problem, Send } from './support/language';
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

/**
 * The volunteers service's refusals in the language asked for: zh-CN by
 * default, English with `accept-language: en`; the status and code never
 * change with it. Sign-in comes first: it is what an elderly resident sees.
 */

let admin: string;
let community: Community;
let coordinator: SignedIn;

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin);
  coordinator = await coordinatorOf(admin, community.id);
});

function signIn(login: string, password: string): Send {
  return (headers) => api('POST', '/auth/login', { headers, body: { login, password } });
}

describe('signing in', () => {
  it('a wrong password, and a login nobody has, say the same in each language', async () => {
    const member = await register(community.id);
    const wrong = await inBothLanguages(signIn(member.login, 'wrong-password!'));
    const nobody = await inBothLanguages(signIn(uniqueEmail('ghost'), PASSWORD));
    expect(wrong.en.code).toBe('UNAUTHENTICATED');
    expect(wrong.en.detail).toBe('Wrong login or password');
    expect(wrong.zh.detail).toBe('账号或密码不对，请检查后再试');
    expect([nobody.zh.detail, nobody.en.detail]).toEqual([wrong.zh.detail, wrong.en.detail]);
  });

  it('a suspended account, told only to whoever knows the password', async () => {
    const member = await register(community.id);
    const suspended = await api('POST', `/members/${member.member.id}/suspend`, {
      token: coordinator.token,
      body: { reason: '家属要求暂停账户' },
    });
    expect(suspended.status).toBe(200);
    const { zh, en } = await inBothLanguages(signIn(member.login, PASSWORD));
    expect([en.status, en.code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
    expect(en.detail).toBe('This account is suspended: ask your community coordinator');
    expect(zh.detail).toBe('这个账号已暂停使用，请联系您所在社区的协调员');
  });
});

describe('other refusals of the volunteers service', () => {
  it('registration field errors, from the gateway and from the service', async () => {
    const { zh, en } = await inBothLanguages((headers) =>
      api('POST', '/auth/register', {
        headers,
        body: {
          phone: 'not-a-phone',
          password: 'short',
          displayName: ' ',
          communityId: community.id,
        },
      }),
    );
    expect(en.code).toBe('VALIDATION_FAILED');
    const messages = (problem: Problem) =>
      Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
    expect(messages(en)).toEqual({
      phone: 'phone must be a phone number',
      password: 'password must be at least 10 characters',
      displayName: 'displayName must not be blank',
    });
    expect(Object.keys(messages(zh)).sort()).toEqual(['displayName', 'password', 'phone']);
    expect(messages(zh).password).toContain('10');

    const badNumber = await inBothLanguages((headers) =>
      api('POST', '/auth/register', {
        headers,
        body: {
          phone: '+86 100',
          password: PASSWORD,
          displayName: '王阿姨',
          communityId: community.id,
        },
      }),
    );
    expect(badNumber.en.errors).toEqual([
      { field: 'phone', message: 'phone must be a valid phone number' },
    ]);
  });

  it('staff may not suspend themselves, and a day in the future is refused', async () => {
    const own = await inBothLanguages((headers) =>
      api('POST', `/members/${coordinator.member.id}/suspend`, {
        token: coordinator.token,
        headers,
        body: { reason: '试一试' },
      }),
    );
    expect([own.en.code, own.en.detail]).toEqual([
      'FORBIDDEN',
      'Not on your own account: change your password at /me/password',
    ]);

    const volunteer = await register(community.id, { roles: ['volunteer'] });
    const future = await inBothLanguages((headers) =>
      api('POST', '/hours', {
        token: volunteer.token,
        headers,
        body: { minutes: 60, servedOn: '9000-01-01', description: '陪老人散步' },
      }),
    );
    expect(future.en.errors?.[0]?.message).toMatch(
      /^servedOn must not be in the future \(today is \d{4}-\d{2}-\d{2}\)$/,
    );
    expect(future.zh.errors?.[0]?.message).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('approving several hours: the message of each refusal in the language asked for', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    const approve = (language: string, key: string) =>
      api('POST', '/hours/approve', {
        token: coordinator.token,
        headers: { 'accept-language': language, 'idempotency-key': key },
        body: { ids: [nobody] },
      });
    const zh = await approve('', `language-zh-${coordinator.member.id}`);
    const en = await approve('en', `language-en-${coordinator.member.id}`);
    expect([zh.status, en.status]).toEqual([200, 200]);
    expect(en.body.results).toEqual([
      {
        id: nobody,
        outcome: 'refused',
        error: { code: 'NOT_FOUND', message: 'Hour log not found' },
      },
    ]);
    expect(zh.body.results).toEqual([
      {
        id: nobody,
        outcome: 'refused',
        error: { code: 'NOT_FOUND', message: '找不到这条服务时长记录' },
      },
    ]);
  });
});
