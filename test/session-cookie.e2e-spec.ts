/**
 * The web app's session: the refresh token in an HttpOnly, SameSite=Strict
 * cookie scoped to the auth routes, set on sign-in, registration and refresh,
 * and accepted by refresh and sign-out when the body leaves the token out.
 */
import { api, ApiResponse, sharedBaseUrl } from './support/http';
import { adminToken, Community, createCommunity, PASSWORD, register } from './support/fixtures';
import { expectProblem } from './support/problems';

const COOKIE = 'timebank_refresh';
const THIRTY_DAYS_S = 30 * 86_400;

/** The gateway's own origin, as a browser on one of its pages would send it. */
const ownOrigin = new URL(sharedBaseUrl()).origin;
let community: Community;

beforeAll(async () => {
  community = await createCommunity(await adminToken(), 1);
});

interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case; flags map to ''. */
  attributes: Record<string, string>;
}

/** The refresh cookie the answer sets, or null. */
function refreshCookieOf(res: ApiResponse): SetCookie | null {
  const header = res.headers['set-cookie'];
  if (!header) return null;
  const [pair, ...rest] = header.split(';').map((part) => part.trim());
  const [name, ...value] = pair.split('=');
  if (name !== COOKIE) return null;
  const attributes = Object.fromEntries(
    rest.map((part) => {
      const [key, ...v] = part.split('=');
      return [key.toLowerCase(), v.join('=')];
    }),
  );
  return { name, value: value.join('='), attributes };
}

function cookieSet(res: ApiResponse): SetCookie {
  const cookie = refreshCookieOf(res);
  if (!cookie)
    throw new Error(`no ${COOKIE} cookie set: ${res.status} ${JSON.stringify(res.body)}`);
  return cookie;
}

function expectSessionCookie(cookie: SetCookie, refreshToken: string): void {
  expect(cookie.value).toBe(refreshToken);
  expect(cookie.attributes).toMatchObject({
    httponly: '',
    samesite: 'Strict',
    path: '/api/v1/auth',
  });
  expect(Number(cookie.attributes['max-age'])).toBeGreaterThan(THIRTY_DAYS_S - 120);
  expect(Number(cookie.attributes['max-age'])).toBeLessThanOrEqual(THIRTY_DAYS_S);
  expect(cookie.attributes).not.toHaveProperty('secure');
  expect(cookie.attributes).not.toHaveProperty('domain');
}

/** A browser's sign-in: the answer, and the cookie it set. */
async function signIn(extraHeaders: Record<string, string> = {}) {
  const { login } = await register(community.id);
  const res = await api('POST', '/auth/login', {
    body: { login, password: PASSWORD },
    headers: extraHeaders,
  });
  expect(res.status).toBe(200);
  return { res, cookie: cookieSet(res) };
}

/** POST to an auth route with only the cookie (no body, as the web app sends it). */
function withCookie(
  route: 'refresh' | 'logout',
  value: string,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  return api('POST', `/auth/${route}`, { headers: { cookie: `${COOKIE}=${value}`, ...headers } });
}

describe('the refresh cookie', () => {
  it('is set on sign-in: HttpOnly, SameSite=Strict, the auth routes only, until the token expires', async () => {
    const { res, cookie } = await signIn();
    expectSessionCookie(cookie, res.body.refreshToken);
    // The JSON body keeps every field it had.
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      expiresIn: 900,
      refreshToken: expect.any(String),
      refreshExpiresAt: expect.any(String),
    });
  });

  it('is set on registration', async () => {
    const res = await api('POST', '/auth/register', {
      body: {
        email: `cookie-${Date.now()}@example.cn`,
        password: PASSWORD,
        displayName: '李阿姨',
        communityId: community.id,
      },
    });
    expect(res.status).toBe(201);
    expectSessionCookie(cookieSet(res), res.body.refreshToken);
  });

  it('is Secure when the client came over HTTPS (the proxy says so)', async () => {
    const { cookie } = await signIn({ 'x-forwarded-proto': 'https' });
    expect(cookie.attributes).toHaveProperty('secure', '');
  });

  it('alone refreshes the session, and the answer rotates it', async () => {
    const { res: signedIn, cookie } = await signIn();
    const res = await withCookie('refresh', cookie.value);
    expect(res.status).toBe(200);
    expect(res.body.member.id).toBe(signedIn.body.member.id);
    const rotated = cookieSet(res);
    expectSessionCookie(rotated, res.body.refreshToken);
    expect(rotated.value).not.toBe(cookie.value);
    expect((await api('GET', '/me', { token: res.body.accessToken })).status).toBe(200);
    expect((await withCookie('refresh', rotated.value)).status).toBe(200);
  });

  it('gives way to a token in the body', async () => {
    const { res: first } = await signIn();
    const { res: second, cookie } = await signIn();
    const res = await api('POST', '/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
      headers: { cookie: `${COOKIE}=${cookie.value}` },
    });
    expect(res.status).toBe(200);
    expect(res.body.member.id).toBe(first.body.member.id);
    // The cookie's session was not touched.
    const other = await withCookie('refresh', cookie.value);
    expect(other.body.member?.id).toBe(second.body.member.id);
  });

  it('signs out: the cookie is cleared and the old one no longer refreshes', async () => {
    const { cookie } = await signIn();
    const out = await withCookie('logout', cookie.value);
    expect(out.status).toBe(204);
    const cleared = cookieSet(out);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatchObject({ 'max-age': '0', path: '/api/v1/auth' });
    expectProblem(await withCookie('refresh', cookie.value), 401, 'UNAUTHENTICATED');
  });

  it('signs out with 204 when the session is already gone or the cookie is no token', async () => {
    const { cookie } = await signIn();
    expect((await withCookie('logout', cookie.value)).status).toBe(204);
    const again = await withCookie('logout', cookie.value);
    expect(again.status).toBe(204);
    expect(cookieSet(again).value).toBe('');
    expect((await withCookie('logout', 'garbage')).status).toBe(204);
  });

  it('that is no token is a session that has ended (401), and is left in place', async () => {
    const res = await withCookie('refresh', 'garbage');
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('sent by two tabs at once: one renews, the other is a replay that ends the session', async () => {
    // Why a browser must renew one refresh at a time across its tabs: the rule
    // that a refresh token works once holds for the cookie too.
    const { cookie } = await signIn();
    const both = await Promise.all([
      withCookie('refresh', cookie.value),
      withCookie('refresh', cookie.value),
    ]);
    expect(both.map((res) => res.status).sort()).toEqual([200, 401]);
    const renewed = both.find((res) => res.status === 200)!;
    expectProblem(await withCookie('refresh', cookieSet(renewed).value), 401, 'UNAUTHENTICATED');
  });

  it('nor a body: the refresh token is named as missing', async () => {
    expectProblem(await api('POST', '/auth/refresh'), 400, 'VALIDATION_FAILED', ['refreshToken']);
    expectProblem(await api('POST', '/auth/logout', { body: {} }), 400, 'VALIDATION_FAILED', [
      'refreshToken',
    ]);
  });
});

describe('a call carrying the cookie from another origin', () => {
  it.each(['https://evil.example', 'http://127.0.0.1:1', 'null'])(
    'is refused (Origin: %s), and the session is untouched',
    async (foreign) => {
      const { cookie } = await signIn();
      expectProblem(
        await withCookie('refresh', cookie.value, { origin: foreign }),
        403,
        'FORBIDDEN',
      );
      const out = await withCookie('logout', cookie.value, { origin: foreign });
      expectProblem(out, 403, 'FORBIDDEN');
      expect(out.headers['set-cookie']).toBeUndefined();
      expect((await withCookie('refresh', cookie.value)).status).toBe(200);
    },
  );

  it('is taken from our own origin and from an allowed CORS origin', async () => {
    const { cookie } = await signIn();
    const own = await withCookie('refresh', cookie.value, { origin: ownOrigin });
    expect(own.status).toBe(200);
    const allowed = await withCookie('refresh', cookieSet(own).value, {
      origin: 'https://app.timebank.example',
    });
    expect(allowed.status).toBe(200);
  });

  it('does not concern a token in the body (no cookie does the authenticating)', async () => {
    const { res } = await signIn();
    const renewed = await api('POST', '/auth/refresh', {
      body: { refreshToken: res.body.refreshToken },
      headers: { origin: 'https://evil.example' },
    });
    expect(renewed.status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('describes the cookie: set by the sign-in answers, read by refresh and sign-out', async () => {
    const document = (await api('GET', `${ownOrigin}/api/docs-json`)).body;
    const paths = document.paths;
    for (const [route, status] of [
      ['/api/v1/auth/login', '200'],
      ['/api/v1/auth/register', '201'],
      ['/api/v1/auth/refresh', '200'],
    ]) {
      expect(paths[route].post.responses[status].headers).toHaveProperty('Set-Cookie');
    }
    for (const route of ['/api/v1/auth/refresh', '/api/v1/auth/logout']) {
      expect(paths[route].post.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ in: 'cookie', name: COOKIE, required: false }),
        ]),
      );
      expect(paths[route].post.requestBody.required).toBe(false);
    }
  });
});
