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

describe('browsers', () => {
  it('may call from an allowed web origin, and see the request id', async () => {
    const preflight = await api('OPTIONS', '/transfers', {
      headers: {
        origin: 'https://app.timebank.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.timebank.example');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/idempotency-key/i);
    const res = await api('GET', '/communities', {
      headers: { origin: 'https://app.timebank.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('https://app.timebank.example');
    expect(res.headers['access-control-expose-headers']).toMatch(/x-request-id/i);
  });

  it('are not told they may call from any other origin', async () => {
    const res = await api('GET', '/communities', { headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
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

/** Every route of API.md, as the OpenAPI document must name it. */
const API_ROUTES = [
  'GET /api/v1/accounts/me',
  'GET /api/v1/accounts/me/statement',
  'GET /api/v1/certificates/{code}',
  'GET /api/v1/communities',
  'GET /api/v1/communities/{id}/fund',
  'GET /api/v1/health',
  'GET /api/v1/hours',
  'GET /api/v1/ledger/check',
  'GET /api/v1/me',
  'GET /api/v1/members',
  'GET /api/v1/members/{id}',
  'GET /api/v1/merchants/{id}/redemptions',
  'GET /api/v1/offers',
  'GET /api/v1/reports/communities/{id}',
  'GET /api/v1/requests',
  'GET /api/v1/requests/{id}',
  'GET /api/v1/tiers',
  'GET /api/v1/volunteers/{id}/service-record',
  'GET /api/v1/vouchers/mine',
  'PATCH /api/v1/members/{id}',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/register',
  'POST /api/v1/communities',
  'POST /api/v1/communities/{id}/fund/allocations',
  'POST /api/v1/hours',
  'POST /api/v1/hours/{id}/approve',
  'POST /api/v1/hours/{id}/reject',
  'POST /api/v1/members',
  'POST /api/v1/members/{id}/adjustments',
  'POST /api/v1/merchants',
  'POST /api/v1/merchants/{id}/offers',
  'POST /api/v1/merchants/{id}/settlements',
  'POST /api/v1/offers/{id}/approve',
  'POST /api/v1/offers/{id}/claim',
  'POST /api/v1/requests',
  'POST /api/v1/requests/{id}/accept',
  'POST /api/v1/requests/{id}/cancel',
  'POST /api/v1/requests/{id}/complete',
  'POST /api/v1/requests/{id}/confirm',
  'POST /api/v1/requests/{id}/dispute',
  'POST /api/v1/requests/{id}/release',
  'POST /api/v1/requests/{id}/resolve',
  'POST /api/v1/transfers',
  'POST /api/v1/transfers/{id}/reverse',
  'POST /api/v1/vouchers/redeem',
  'POST /api/v1/vouchers/{id}/cancel',
  'PUT /api/v1/me/volunteer-profile',
];

describe('OpenAPI', () => {
  it('describes every route of API.md, each with its responses', async () => {
    const doc = await api('GET', process.env.TB_BASE_URL!.replace(/\/v1$/, '/docs-json'));
    const described = Object.entries(
      doc.body.paths as Record<string, Record<string, { responses: object }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => Object.keys(operation.responses ?? {}).length > 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(API_ROUTES.filter((route) => !described.includes(route))).toEqual([]);
  });

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
