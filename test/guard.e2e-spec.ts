import { api, ApiResponse } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  PASSWORD,
  register,
  unique,
  uniqueEmail,
} from './support/fixtures';

type Caller =
  | 'anonymous'
  | 'resident'
  | 'volunteer'
  | 'merchant'
  | 'coordinator'
  | 'outside coordinator'
  | 'admin';

const tokens = {} as Record<Caller, string | undefined>;
let home: Community;

beforeAll(async () => {
  const admin = await adminToken();
  home = await createCommunity(admin, 1);
  const elsewhere = await createCommunity(admin, 1);
  tokens.anonymous = undefined;
  tokens.resident = (await register(home.id)).token;
  tokens.volunteer = (await register(home.id, { roles: ['volunteer'] })).token;
  const merchant = await api('POST', '/merchants', {
    token: admin,
    body: { name: unique('merchant'), communityId: home.id, address: '青山路 1 号' },
  });
  tokens.merchant = (
    await createMember(admin, {
      communityId: home.id,
      roles: ['merchant'],
      merchantId: merchant.body.id as string,
    })
  ).token;
  tokens.coordinator = (await coordinatorOf(admin, home.id)).token;
  tokens['outside coordinator'] = (await coordinatorOf(admin, elsewhere.id)).token;
  tokens.admin = admin;
});

interface Route {
  name: string;
  call: (token: string | undefined) => Promise<ApiResponse>;
  /** What each caller gets: a success status or a refusal. */
  expected: Record<Caller, number>;
}

const routes: Route[] = [
  {
    name: 'GET /communities',
    call: (token) => api('GET', '/communities', { token }),
    expected: {
      anonymous: 200,
      resident: 200,
      volunteer: 200,
      merchant: 200,
      coordinator: 200,
      'outside coordinator': 200,
      admin: 200,
    },
  },
  {
    name: 'GET /me',
    call: (token) => api('GET', '/me', { token }),
    expected: {
      anonymous: 401,
      resident: 200,
      volunteer: 200,
      merchant: 200,
      coordinator: 200,
      'outside coordinator': 200,
      admin: 200,
    },
  },
  {
    name: 'PUT /me/volunteer-profile',
    call: (token) => api('PUT', '/me/volunteer-profile', { token, body: { skills: ['tea'] } }),
    expected: {
      anonymous: 401,
      resident: 403,
      volunteer: 200,
      merchant: 403,
      coordinator: 403,
      'outside coordinator': 403,
      admin: 403,
    },
  },
  {
    name: 'POST /members (in the home community)',
    call: (token) =>
      api('POST', '/members', {
        token,
        body: {
          email: uniqueEmail('guard'),
          password: PASSWORD,
          displayName: 'x',
          communityId: home.id,
          roles: ['resident'],
        },
      }),
    expected: {
      anonymous: 401,
      resident: 403,
      volunteer: 403,
      merchant: 403,
      coordinator: 201,
      'outside coordinator': 403,
      admin: 201,
    },
  },
  {
    name: 'PATCH /members/{id} (a member of the home community)',
    call: async (token) => {
      const target = await register(home.id);
      return api('PATCH', `/members/${target.member.id}`, {
        token,
        body: { priorityHousehold: true },
      });
    },
    expected: {
      anonymous: 401,
      resident: 403,
      volunteer: 403,
      merchant: 403,
      coordinator: 200,
      'outside coordinator': 403,
      admin: 200,
    },
  },
  {
    name: 'POST /communities',
    call: (token) =>
      api('POST', '/communities', {
        token,
        body: { code: unique('guard'), name: 'x', gridUnits: [] },
      }),
    expected: {
      anonymous: 401,
      resident: 403,
      volunteer: 403,
      merchant: 403,
      coordinator: 403,
      'outside coordinator': 403,
      admin: 201,
    },
  },
];

describe.each(routes)('$name', ({ call, expected }) => {
  it.each(Object.entries(expected) as Array<[Caller, number]>)(
    'answers %s with %i',
    async (caller, status) => {
      const res = await call(tokens[caller]);
      expect(res.status).toBe(status);
      if (status === 401) expect(res.body.code).toBe('UNAUTHENTICATED');
      if (status === 403) expect(res.body.code).toBe('FORBIDDEN');
    },
  );
});
