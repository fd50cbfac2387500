import { api } from './support/http';
import { inBothLanguages, NONE, Problem, Send } from './support/language';
import { adminToken, Community, createCommunity, register, SignedIn } from './support/fixtures';

/**
 * API.md "Language": Accept-Language chooses the language of problems and of
 * tier and category names, zh-CN by default; codes never change with it.
 */
const ZH = { 'accept-language': 'zh-CN;q=0.9,en;q=0.8' };
const EN = { 'accept-language': 'en-US' };

let community: Community;
let payer: SignedIn;
let payee: SignedIn;

beforeAll(async () => {
  community = await createCommunity(await adminToken());
  payer = await register(community.id);
  payee = await register(community.id);
});

/** Problems by default, with an explicit zh-CN preference and in en-US. */
function inEachLanguage(send: Send): Promise<{ zh: Problem; en: Problem }> {
  return inBothLanguages(send, { chinese: [NONE, ZH], english: EN });
}

describe('problems in the language asked for', () => {
  it('a validation failure: title, detail and each field message', async () => {
    const { zh, en } = await inEachLanguage((headers) =>
      api('POST', '/transfers', {
        token: payer.token,
        headers,
        body: { toMemberId: payee.member.id, minutes: 0, colour: 'red' },
      }),
    );
    expect(en.code).toBe('VALIDATION_FAILED');
    const fields = (problem: Problem) => (problem.errors ?? []).map((e) => e.field).sort();
    expect(fields(en).length).toBeGreaterThan(0);
    expect(fields(zh)).toEqual(fields(en));
    expect(en.title).toBe('The request is not valid');
    expect(zh.title).toBe('填写的内容有误');
  });

  it('a domain refusal: INSUFFICIENT_CREDITS with the figures in both', async () => {
    const { zh, en } = await inEachLanguage((headers) =>
      api('POST', '/transfers', {
        token: payer.token,
        headers,
        body: { toMemberId: payee.member.id, minutes: 30 },
      }),
    );
    expect(en.code).toBe('INSUFFICIENT_CREDITS');
    expect(en.detail).toBe('Not enough credits: 0 minutes available, 30 needed');
    expect(zh.detail).toBe('余额不足：可用积分只有 0 分钟，这次需要 30 分钟');
  });

  it('a route that does not exist', async () => {
    const { zh, en } = await inEachLanguage((headers) => api('GET', '/no-such-route', { headers }));
    expect([en.status, en.detail]).toEqual([404, 'No such route']);
    expect(zh.detail).toBe('没有这个接口地址');
  });

  it('a body that is not JSON', async () => {
    const { zh, en } = await inEachLanguage((headers) =>
      api('POST', '/auth/login', { headers, rawBody: '{"login": ' }),
    );
    expect([en.code, en.detail]).toEqual(['VALIDATION_FAILED', 'The body is not valid JSON']);
    expect(zh.errors).toEqual([{ field: 'body', message: '提交的内容不是有效的 JSON' }]);
  });

  it('takes zh, zh-Hans and unknown languages as Chinese, and en-GB as English', async () => {
    for (const [header, locale] of [
      ['zh', 'zh-CN'],
      ['zh-Hans', 'zh-CN'],
      ['fr-FR, de;q=0.5', 'zh-CN'],
      ['en-GB', 'en'],
      ['fr, en;q=0.3', 'en'],
    ]) {
      const res = await api('GET', '/health', { headers: { 'accept-language': header } });
      expect([header, res.headers['content-language']]).toEqual([header, locale]);
    }
  });
});

describe('names in the language asked for', () => {
  it('tiers, by level', async () => {
    const zh = await api('GET', '/tiers', { headers: NONE });
    const en = await api('GET', '/tiers', { headers: EN });
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.body[0]).toMatchObject({ level: 0, name: '社区志愿者' });
    expect(zh.body[1]).toMatchObject({ level: 1, name: '一星志愿者' });
    expect(en.body[1]).toMatchObject({ level: 1, name: 'One-star volunteer' });
    const mine = await api('GET', '/accounts/me', { token: payer.token, headers: ZH });
    expect(mine.body.tier).toMatchObject({ level: 0, name: '社区志愿者' });
  });

  it('help request categories (GET /categories, no sign-in)', async () => {
    type Categories = Array<{ code: string; name: string }>;
    const zh = await api<Categories>('GET', '/categories', { headers: NONE });
    const en = await api<Categories>('GET', '/categories', { headers: EN });
    expect(zh.status).toBe(200);
    expect(zh.body.map((c) => c.code)).toEqual(en.body.map((c) => c.code));
    expect(zh.body).toContainEqual({ code: 'escort', name: '陪同就医办事' });
    expect(en.body).toContainEqual({ code: 'escort', name: 'Escort to appointments' });
  });
});
