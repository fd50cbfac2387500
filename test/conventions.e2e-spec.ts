import { JwtService } from '@nestjs/jwt';
import { api } from './support/http';
import { adminToken, createCommunity, PASSWORD, register, uniqueEmail } from './support/fixtures';
import { expectProblem } from './support/problems';

const DEV_SECRET = 'development-only-secret-change-me-0123456789';

describe('conventions of every response', () => {
  it('echoes the X-Request-Id a client sends, into the header and the problem', async () => {
    const res = await api('GET', '/me', { headers: { 'x-request-id': 'kiosk-7:call-42' } });
    expect(res.headers['x-request-id']).toBe('kiosk-7:call-42');
    expect(res.body.requestId).toBe('kiosk-7:call-42');
  });

  it('mints a request id when the client sends none', async () => {
    const res = await api('GET', '/communities');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers problem+json with type, title, status, detail, code and requestId', async () => {
    const res = await api('GET', '/no-such-route');
    expectProblem(res, 404, 'NOT_FOUND');
    expect(Object.keys(res.body).sort()).toEqual([
      'code',
      'detail',
      'requestId',
      'status',
      'title',
      'type',
    ]);
  });

  it('sends the helmet security headers', async () => {
    const res = await api('GET', '/communities');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 naming the body', async () => {
    const res = await api('POST', '/auth/register', { rawBody: '{"email": "a@b.cn",' });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['body']);
  });

  it('answers a JSON array or string where an object belongs with 400', async () => {
    expectProblem(
      await api('POST', '/auth/login', { rawBody: '["x"]' }),
      400,
      'VALIDATION_FAILED',
      ['body'],
    );
    expectProblem(await api('POST', '/auth/login', { rawBody: '"x"' }), 400, 'VALIDATION_FAILED', [
      'body',
    ]);
  });

  it('answers a POST without a body with 400 naming the missing fields', async () => {
    const res = await api('POST', '/auth/login');
    expectProblem(res, 400, 'VALIDATION_FAILED', ['login', 'password']);
  });

  it('refuses a body over 1 MB with 413, and writes nothing', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const email = uniqueEmail('huge');
    const res = await api('POST', '/auth/register', {
      body: {
        email,
        password: PASSWORD,
        displayName: 'x',
        communityId: community.id,
        bio: 'x'.repeat(1_100_000),
      },
    });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    expect(
      (await api('POST', '/auth/login', { body: { login: email, password: PASSWORD } })).status,
    ).toBe(401);
  });

  it('names a nested unknown field', async () => {
    const admin = await adminToken();
    const res = await api('POST', '/communities', {
      token: admin,
      body: { code: 'nested-x', name: 'x', gridUnits: [{ code: 'a', name: 'b', colour: 'red' }] },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['gridUnits[0].colour']);
  });
});

describe('access tokens', () => {
  it('refuses a forged, an expired and a malformed token with 401', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const { member } = await register(community.id);
    const claims = {
      sub: member.id,
      roles: ['admin'],
      communityId: null,
      coordinatorOf: [],
      merchantId: null,
    };
    const forged = new JwtService({ secret: 'someone-elses-secret-0123456789-abcdef' }).sign(
      claims,
      {
        issuer: 'timebank',
      },
    );
    const expired = new JwtService({ secret: DEV_SECRET }).sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
      { issuer: 'timebank' },
    );
    for (const token of [forged, expired, 'not-a-jwt']) {
      expectProblem(await api('GET', '/me', { token }), 401, 'UNAUTHENTICATED');
    }
    expectProblem(
      await api('GET', '/me', { headers: { authorization: 'Basic YWRtaW46eA==' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('expires in 15 minutes', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const { token } = await register(community.id);
    const { iat, exp } = new JwtService({}).decode<{ iat: number; exp: number }>(token);
    expect(exp - iat).toBe(15 * 60);
  });
});

describe('OpenAPI', () => {
  it('serves a document describing every route with its schemas, and its UI', async () => {
    const docsUrl = process.env.TB_BASE_URL!.replace(/\/v1$/, '/docs');
    const doc = await api('GET', `${docsUrl}-json`);
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/me/volunteer-profile',
        '/api/v1/members',
        '/api/v1/members/{id}',
        '/api/v1/communities',
      ]),
    );
    const register = doc.body.paths['/api/v1/auth/register'].post;
    expect(register.responses['201'].content['application/json'].schema.$ref).toMatch(
      /RegisterResult/,
    );
    expect(register.responses['400'].content['application/problem+json']).toBeDefined();
    expect(doc.body.components.schemas.RegisterMemberDto.required).toEqual(
      expect.arrayContaining(['password', 'displayName', 'communityId']),
    );
    expect(doc.body.components.schemas.Problem).toBeDefined();

    const ui = await fetch(docsUrl);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
