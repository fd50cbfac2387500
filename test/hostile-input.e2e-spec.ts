import net from 'node:net';
import { api, ApiResponse, sharedBaseUrl } from './support/http';
import {
  adminToken,
  coordinatorOf,
  createCommunity,
  PASSWORD,
  register,
  uniqueEmail,
} from './support/fixtures';
import { expectProblem } from './support/problems';

const DAY = 24 * 60 * 60 * 1000;

/** `{"a":` nested `depth` times around a number: an object `depth` levels deep. */
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A framework refusal still reads like every other answer of the gateway. */
function expectContractAnswer(res: ApiResponse, status: number, code: string): void {
  expectProblem(res, status, code);
  expect(res.headers['x-request-id']).toBeTruthy();
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['cache-control']).toBe('no-store');
}

/** Sends a raw HTTP/1.1 request and reads the whole answer (for what fetch would not send). */
function rawHttp(request: string): Promise<ApiResponse> {
  const { hostname, port } = new URL(sharedBaseUrl());
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      const bodyText = rest.join('\r\n\r\n');
      let body: unknown = bodyText;
      try {
        body = JSON.parse(bodyText);
      } catch {
        // keep the text: the test will say what came back
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(request);
  });
}

describe('JSON nested too deep', () => {
  it('refuses 33 levels with 400 naming the body, and takes 32', async () => {
    expectProblem(
      await api('POST', '/auth/login', { rawBody: nested(33) }),
      400,
      'VALIDATION_FAILED',
      ['body'],
    );
    // 32 levels parse, then fail as an ordinary unknown field.
    expectProblem(
      await api('POST', '/auth/login', { rawBody: nested(32) }),
      400,
      'VALIDATION_FAILED',
      ['a'],
    );
  });

  it('refuses 5,000 levels and 1 MB of nesting with 400, never 500', async () => {
    for (const depth of [5_000, 170_000]) {
      expectProblem(
        await api('POST', '/auth/login', { rawBody: nested(depth) }),
        400,
        'VALIDATION_FAILED',
        ['body'],
      );
    }
  });

  it('counts brackets inside strings as text', async () => {
    const res = await api('POST', '/auth/login', {
      body: { login: `${'['.repeat(100)}${'{'.repeat(100)}@example.cn`, password: PASSWORD },
    });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('keeps __proto__ out of the body', async () => {
    const res = await api('POST', '/auth/login', {
      rawBody: '{"login":"a@b.cn","password":"xxxxxxxxxxxx","__proto__":{"admin":true}}',
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['body']);
  });

  it('refuses 20 deep bodies at once while /health keeps answering', async () => {
    const deep = nested(170_000);
    const posted = Array.from({ length: 20 }, () => api('POST', '/auth/login', { rawBody: deep }));
    const health = await api('GET', '/health');
    const refused = await Promise.all(posted);
    expect(health.status).toBe(200);
    expect(refused.map((res): unknown[] => [res.status, res.body?.code])).toEqual(
      Array.from({ length: 20 }, () => [400, 'VALIDATION_FAILED']),
    );
    expect((await api('GET', '/health')).status).toBe(200);
  });
});

describe('strings no database can store', () => {
  it('refuses NUL and lone surrogates in any string field, naming it', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const coordinator = await coordinatorOf(admin, community.id);
    const member = await register(community.id);
    for (const bad of ['a\u0000b', 'a\ud800b', '\udc00']) {
      expectProblem(
        await api('POST', '/transfers', {
          token: member.token,
          body: { toMemberId: coordinator.member.id, minutes: 1, memo: bad },
        }),
        400,
        'VALIDATION_FAILED',
        ['memo'],
      );
      expectProblem(
        await api('POST', `/members/${member.member.id}/adjustments`, {
          token: admin,
          body: { minutes: 10, reason: bad },
        }),
        400,
        'VALIDATION_FAILED',
        ['reason'],
      );
      expectProblem(
        await api('POST', '/merchants', {
          token: coordinator.token,
          body: { name: bad, communityId: community.id, address: '青山路 1 号' },
        }),
        400,
        'VALIDATION_FAILED',
        ['name'],
      );
      expectProblem(
        await api('POST', '/auth/register', {
          body: {
            email: `${bad}@example.cn`,
            password: PASSWORD,
            displayName: 'x',
            communityId: community.id,
          },
        }),
        400,
        'VALIDATION_FAILED',
        ['email'],
      );
      expectProblem(
        await api('GET', `/requests?cursor=${encodeURIComponent('a\u0000')}`, {
          token: member.token,
        }),
        400,
        'VALIDATION_FAILED',
        ['cursor'],
      );
    }
  });

  it('still stores well-formed text exactly as given', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const member = await register(community.id);
    const allocation = await api('POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      body: { minutes: 100, memo: '试点 ✓' },
    });
    expect(allocation.status).toBe(201);
    const res = await api('POST', `/members/${member.member.id}/adjustments`, {
      token: admin,
      body: { minutes: 10, reason: '补录 🎉 <b>"x"</b>' },
    });
    expect(res.status).toBe(201);
  });
});

describe('null where a field may only be left out', () => {
  it('refuses null with 400 naming the field, never 500', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const member = await register(community.id);
    for (const field of ['priorityHousehold', 'roles']) {
      expectProblem(
        await api('PATCH', `/members/${member.member.id}`, {
          token: admin,
          body: { [field]: null },
        }),
        400,
        'VALIDATION_FAILED',
        [field],
      );
    }
    expectProblem(
      await api('POST', '/auth/register', {
        body: {
          email: uniqueEmail(),
          phone: null,
          password: PASSWORD,
          displayName: 'x',
          communityId: community.id,
        },
      }),
      400,
      'VALIDATION_FAILED',
      ['phone'],
    );
    expectProblem(
      await api('POST', '/transfers', {
        token: member.token,
        body: { toMemberId: member.member.id, minutes: 1, memo: null },
      }),
      400,
      'VALIDATION_FAILED',
      ['memo'],
    );
  });

  it('still takes null where the contract allows it (clearing a grid unit)', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const member = await register(community.id, { gridUnitId: community.gridUnits[0].id });
    const res = await api('PATCH', `/members/${member.member.id}`, {
      token: admin,
      body: { gridUnitId: null },
    });
    expect([res.status, res.body.gridUnitId]).toEqual([200, null]);
  });
});

describe("the framework's own refusals", () => {
  it('answers an over-long path segment with 400 problem+json, never echoing it', async () => {
    const segment = 'x'.repeat(500);
    const res = await api('GET', `/requests/${segment}`);
    expectContractAnswer(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toContain(segment);
  });

  it('answers a URL it cannot decode with 400 problem+json', async () => {
    const res = await api('GET', '/requests/%E0%A4%A');
    expectContractAnswer(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toContain('%E0');
  });

  it('answers an over-long header with 400 problem+json', async () => {
    const res = await rawHttp(
      `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Junk: ${'j'.repeat(40_000)}\r\n` +
        'Connection: close\r\n\r\n',
    );
    expectContractAnswer(res, 400, 'VALIDATION_FAILED');
  });

  it('answers a request HTTP cannot parse with 400 problem+json', async () => {
    const res = await rawHttp(
      'GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n',
    );
    expectContractAnswer(res, 400, 'VALIDATION_FAILED');
  });

  it('answers unknown routes with 404 and other content types with 415', async () => {
    expectContractAnswer(await api('GET', '/no-such-route'), 404, 'NOT_FOUND');
    expectContractAnswer(
      await api('GET', sharedBaseUrl().replace(/\/api\/v1$/, '/nowhere')),
      404,
      'NOT_FOUND',
    );
    expectContractAnswer(
      await api('POST', '/auth/login', {
        rawBody: 'login=a&password=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectContractAnswer(
      await api('POST', '/auth/login', { rawBody: 'x'.repeat(1_100_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('caching', () => {
  it('tells every cache not to keep tokens, personal data or problems', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const email = uniqueEmail();
    const registered = await api('POST', '/auth/register', {
      body: { email, password: PASSWORD, displayName: 'x', communityId: community.id },
    });
    const signedIn = await api('POST', '/auth/login', {
      body: { login: email, password: PASSWORD },
    });
    const me = await api('GET', '/me', { token: signedIn.body.accessToken });
    const refused = await api('GET', '/me');
    for (const res of [registered, signedIn, me, refused]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('dates far away', () => {
  it('refuses a help request window ending in year 9999, naming windowEnd', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const resident = await register(community.id);
    const start = new Date(Date.now() + DAY);
    for (const windowEnd of [
      '9999-12-31T00:00:00Z',
      new Date(Date.now() + 400 * DAY).toISOString(),
    ]) {
      const res = await api('POST', '/requests', {
        token: resident.token,
        body: {
          title: '陪同复诊',
          description: '',
          category: 'companionship',
          windowStart: start.toISOString(),
          windowEnd,
          estimatedMinutes: 30,
        },
      });
      expectProblem(res, 400, 'VALIDATION_FAILED', ['windowEnd']);
      expect(JSON.stringify(res.body)).not.toContain('expiresAt');
    }
  });

  it('refuses a year-0 windowStart, and a report in year 9999 without 500', async () => {
    const admin = await adminToken();
    const community = await createCommunity(admin, 1);
    const resident = await register(community.id);
    expectProblem(
      await api('POST', '/requests', {
        token: resident.token,
        body: {
          title: '陪同复诊',
          description: '',
          category: 'companionship',
          windowStart: '0000-01-01T00:00:00Z',
          windowEnd: new Date(Date.now() + DAY).toISOString(),
          estimatedMinutes: 30,
        },
      }),
      400,
      'VALIDATION_FAILED',
      ['windowStart'],
    );
    const report = await api(
      'GET',
      `/reports/communities/${community.id}?from=9999-12-31&to=9999-12-31`,
      { token: admin },
    );
    expect(report.status).toBeLessThan(500);
  });
});
