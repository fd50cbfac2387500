import { isValidCardNumber } from '@app/contracts';
import { api } from './support/http';
import {
  adminToken,
  Community,
  coordinatorOf,
  createCommunity,
  createMember,
  PASSWORD,
  register,
  SignedIn,
  unique,
  uniquePhone,
} from './support/fixtures';
import { expectProblem } from './support/problems';

const NOBODY = '00000000-0000-4000-8000-000000000000';

let admin: string;
let community: Community;
let other: Community;
let coordinator: SignedIn;

/** A member of `where` registered by phone, with this name. */
async function withPhone(
  displayName: string,
  where: Community = community,
): Promise<SignedIn & { phone: string }> {
  const phone = uniquePhone();
  const res = await api('POST', '/auth/register', {
    body: { phone, password: PASSWORD, displayName, communityId: where.id },
  });
  expect(res.status).toBe(201);
  return {
    member: res.body.member,
    token: res.body.accessToken,
    login: phone,
    password: PASSWORD,
    phone,
  };
}

async function search(
  token: string,
  query: Record<string, string>,
): Promise<{ ids: string[]; names: string[]; body: any }> {
  const res = await api('GET', `/members?${new URLSearchParams(query).toString()}`, { token });
  expect(res.status).toBe(200);
  const items = res.body.items as Array<{ id: string; displayName: string }>;
  return { ids: items.map((m) => m.id), names: items.map((m) => m.displayName), body: res.body };
}

/** Every page of a search, following nextCursor. */
async function searchAll(token: string, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await search(token, { ...query, limit: '2', ...(cursor ? { cursor } : {}) });
    ids.push(...page.ids);
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  admin = await adminToken();
  community = await createCommunity(admin, 2);
  other = await createCommunity(admin, 1);
  coordinator = await coordinatorOf(admin, community.id);
});

describe('member cards', () => {
  it('gives a valid card number at registration, the same on GET /me', async () => {
    const member = await register(community.id);
    expect(member.member.cardNumber).toMatch(/^[0-9]{10}$/);
    expect(isValidCardNumber(member.member.cardNumber)).toBe(true);
    const me = await api('GET', '/me', { token: member.token });
    expect(me.body.cardNumber).toBe(member.member.cardNumber);
  });

  it('gives one to members made by staff, and on sign-in', async () => {
    const made = await createMember(coordinator.token, {
      communityId: community.id,
      roles: ['resident'],
    });
    expect(isValidCardNumber(made.member.cardNumber)).toBe(true);
    const signIn = await api('POST', '/auth/login', {
      body: { login: made.login, password: PASSWORD },
    });
    expect(signIn.body.member.cardNumber).toBe(made.member.cardNumber);
  });

  it('never gives the same number twice, nor numbers in sequence', async () => {
    const cards: string[] = [];
    for (let i = 0; i < 12; i++) cards.push((await register(other.id)).member.cardNumber);
    expect(new Set(cards).size).toBe(cards.length);
    const steps = cards.slice(1).map((card, i) => Number(card) - Number(cards[i]));
    expect(steps.filter((step) => Math.abs(step) < 1000)).toEqual([]);
  });
});

describe('GET /members/{id}', () => {
  it('shows a member to itself, a coordinator in scope and an admin', async () => {
    const member = await register(community.id);
    for (const token of [member.token, coordinator.token, admin]) {
      const res = await api('GET', `/members/${member.member.id}`, { token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: member.member.id,
        cardNumber: member.member.cardNumber,
      });
    }
  });

  it('is 404 for another community’s coordinator, another member and nobody', async () => {
    const member = await register(other.id);
    const neighbour = await register(other.id);
    for (const token of [coordinator.token, neighbour.token]) {
      expectProblem(await api('GET', `/members/${member.member.id}`, { token }), 404, 'NOT_FOUND');
    }
    expectProblem(await api('GET', `/members/${NOBODY}`, { token: admin }), 404, 'NOT_FOUND');
    expectProblem(
      await api('GET', '/members/not-a-uuid', { token: admin }),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
  });
});

describe('GET /members (the directory)', () => {
  let place: Community;
  let staff: SignedIn;
  let xiuying: SignedIn & { phone: string };
  let guiying: SignedIn & { phone: string };
  let zhang: SignedIn & { phone: string };
  let latin: SignedIn;
  let percent: SignedIn;
  let underscore: SignedIn;
  let outsider: SignedIn & { phone: string };

  beforeAll(async () => {
    place = await createCommunity(admin, 2);
    staff = await coordinatorOf(admin, place.id);
    xiuying = await withPhone('王秀英', place);
    guiying = await withPhone('李桂英', place);
    zhang = await withPhone('张伟', place);
    latin = await register(place.id, {
      displayName: 'Li Hua Mcdonald',
      email: `Li.Hua.${unique('m')}@Example.cn`,
    });
    percent = await register(place.id, { displayName: '100%满意' });
    underscore = await register(place.id, { displayName: 'a_b 王' });
    // Same name, another community: never shown to this community's coordinator.
    outsider = await withPhone('王秀英', other);
  });

  const everyone = () => [xiuying, guiying, zhang, latin, percent, underscore];

  it('lists its communities’ members to a coordinator, in name order, page by page', async () => {
    const ids = await searchAll(staff.token, {});
    expect(ids.sort()).toEqual([...everyone(), staff].map((m) => m.member.id).sort());
    const page = await search(staff.token, {});
    const names = page.names;
    expect(names).toEqual([...names].sort());
  });

  it('matches Chinese names by any part', async () => {
    expect((await search(staff.token, { q: '秀英' })).ids).toEqual([xiuying.member.id]);
    expect((await search(staff.token, { q: '王秀英' })).ids).toEqual([xiuying.member.id]);
    expect((await search(staff.token, { q: '英' })).ids.sort()).toEqual(
      [xiuying.member.id, guiying.member.id].sort(),
    );
    expect((await search(staff.token, { q: '王' })).ids.sort()).toEqual(
      [xiuying.member.id, underscore.member.id].sort(),
    );
    expect((await search(staff.token, { q: '赵' })).ids).toEqual([]);
  });

  it('matches Latin names regardless of case, and e-mails by any part', async () => {
    expect((await search(staff.token, { q: 'hua mc' })).ids).toEqual([latin.member.id]);
    expect((await search(staff.token, { q: 'MCDONALD' })).ids).toEqual([latin.member.id]);
    expect((await search(staff.token, { q: latin.member.email!.toUpperCase() })).ids).toEqual([
      latin.member.id,
    ]);
    expect((await search(staff.token, { q: latin.member.email!.slice(0, 12) })).ids).toEqual([
      latin.member.id,
    ]);
  });

  it('matches a phone in any notation, and its last digits', async () => {
    const e164 = xiuying.phone; // +86139xxxxxxxx
    const national = e164.slice(3);
    for (const typed of [
      e164,
      national,
      `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
      `+86 ${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`,
      `0086${national}`,
      national.slice(-4),
    ]) {
      expect({ typed, ids: (await search(staff.token, { q: typed })).ids }).toEqual({
        typed,
        ids: [xiuying.member.id],
      });
    }
  });

  it('matches a card number, with or without spaces and dashes', async () => {
    const card = zhang.member.cardNumber;
    for (const typed of [
      card,
      `${card.slice(0, 4)} ${card.slice(4, 8)} ${card.slice(8)}`,
      `${card.slice(0, 5)}-${card.slice(5)}`,
    ]) {
      expect((await search(staff.token, { q: typed })).ids).toEqual([zhang.member.id]);
    }
  });

  it('takes %, _ and \\ literally', async () => {
    expect((await search(staff.token, { q: '%' })).ids).toEqual([percent.member.id]);
    expect((await search(staff.token, { q: '0%满' })).ids).toEqual([percent.member.id]);
    expect((await search(staff.token, { q: '_' })).ids).toEqual([underscore.member.id]);
    expect((await search(staff.token, { q: 'a_b' })).ids).toEqual([underscore.member.id]);
    expect((await search(staff.token, { q: '\\' })).ids).toEqual([]);
    expect((await search(staff.token, { q: '%%%' })).ids).toEqual([]);
  });

  it('treats a blank query as no query', async () => {
    const all = await searchAll(staff.token, { q: '   ' });
    expect(all).toHaveLength(everyone().length + 1);
  });

  it('filters by grid unit, role and status', async () => {
    const [g1, g2] = place.gridUnits;
    const inGrid = await register(place.id, { gridUnitId: g2.id, roles: ['volunteer'] });
    expect((await search(staff.token, { gridUnitId: g2.id })).ids).toEqual([inGrid.member.id]);
    expect((await search(staff.token, { gridUnitId: g1.id })).ids).toEqual([]);
    expect((await search(staff.token, { role: 'volunteer' })).ids).toEqual([inGrid.member.id]);
    expect((await search(staff.token, { role: 'coordinator' })).ids).toEqual([staff.member.id]);
    expect(await searchAll(staff.token, { status: 'active' })).toHaveLength(everyone().length + 2);
    expect((await search(staff.token, { status: 'suspended' })).ids).toEqual([]);
  });

  it('keeps a coordinator to its communities', async () => {
    const found = await search(staff.token, { q: outsider.phone });
    expect(found.ids).toEqual([]);
    expect((await search(staff.token, { q: '王秀英' })).ids).toEqual([xiuying.member.id]);
    expectProblem(
      await api('GET', `/members?communityId=${other.id}`, { token: staff.token }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await api('GET', `/members/${outsider.member.id}`, { token: staff.token }),
      404,
      'NOT_FOUND',
    );
  });

  it('shows every community to an admin, narrowed by communityId', async () => {
    const both = await search(admin, { q: outsider.phone });
    expect(both.ids).toEqual([outsider.member.id]);
    const here = await searchAll(admin, { q: '王秀英', communityId: place.id });
    expect(here).toEqual([xiuying.member.id]);
    const there = await searchAll(admin, { q: '王秀英', communityId: other.id });
    expect(there).toContain(outsider.member.id);
    expect(there).not.toContain(xiuying.member.id);
  });

  it('is not for residents, volunteers or merchants', async () => {
    expectProblem(await api('GET', '/members', { token: xiuying.token }), 403, 'FORBIDDEN');
    expectProblem(await api('GET', '/members'), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['limit', 'limit=0'],
    ['limit', 'limit=101'],
    ['limit', 'limit=ten'],
    ['cursor', 'cursor=not-a-cursor'],
    ['cursor', `cursor=${Buffer.from('{"n":"x","i":"not-a-uuid"}').toString('base64url')}`],
    ['role', 'role=boss'],
    ['status', 'status=deleted'],
    ['q', `q=${'王'.repeat(101)}`],
    ['communityId', 'communityId=42'],
    ['gridUnitId', 'gridUnitId=42'],
  ])('refuses a bad %s (%s) naming it', async (field, query) => {
    expectProblem(
      await api('GET', `/members?${query}`, { token: admin }),
      400,
      'VALIDATION_FAILED',
      [field],
    );
  });
});

describe('gifts by phone and by card', () => {
  let giver: SignedIn;

  beforeAll(async () => {
    giver = await register(community.id);
    const allocation = await api('POST', `/communities/${community.id}/fund/allocations`, {
      token: admin,
      body: { minutes: 10_000, memo: 'directory e2e' },
    });
    expect(allocation.status).toBe(201);
    const opening = await api('POST', `/members/${giver.member.id}/adjustments`, {
      token: coordinator.token,
      body: { minutes: 500, reason: 'opening balance' },
    });
    expect(opening.status).toBe(201);
  });

  async function balance(token: string): Promise<number> {
    return (await api('GET', '/accounts/me', { token })).body.balanceMinutes as number;
  }

  function gift(body: Record<string, unknown>) {
    return api('POST', '/transfers', { token: giver.token, body: { minutes: 5, ...body } });
  }

  it('finds the recipient by its phone in several notations', async () => {
    const receiver = await withPhone('孙女');
    const national = receiver.phone.slice(3);
    const notations = [
      receiver.phone,
      national,
      `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
      `+86 (${national.slice(0, 3)}) ${national.slice(3, 7)}-${national.slice(7)}`,
    ];
    for (const toPhone of notations) expect((await gift({ toPhone })).status).toBe(201);
    expect(await balance(receiver.token)).toBe(5 * notations.length);
  });

  it('finds the recipient by its card number, spaces and dashes allowed', async () => {
    const receiver = await register(community.id);
    const card = receiver.member.cardNumber;
    expect((await gift({ toCardNumber: card })).status).toBe(201);
    expect((await gift({ toCardNumber: `${card.slice(0, 4)} ${card.slice(4)}` })).status).toBe(201);
    expect((await gift({ toCardNumber: `${card.slice(0, 5)}-${card.slice(5)}` })).status).toBe(201);
    expect(await balance(receiver.token)).toBe(15);
  });

  it('is 404 for a phone or card number nobody has', async () => {
    const before = await balance(giver.token);
    expectProblem(await gift({ toPhone: uniquePhone() }), 404, 'NOT_FOUND');
    let card: string;
    do {
      const payload = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
      card = [...Array(10).keys()]
        .map((d) => `${payload}${d}`)
        .find((c) => isValidCardNumber(c)) as string;
    } while (card === undefined);
    expectProblem(await gift({ toCardNumber: card }), 404, 'NOT_FOUND');
    expect(await balance(giver.token)).toBe(before);
  });

  it('refuses two recipients, or none, naming the fields', async () => {
    const receiver = await withPhone('两个人');
    expectProblem(
      await gift({ toMemberId: receiver.member.id, toPhone: receiver.phone }),
      400,
      'VALIDATION_FAILED',
      ['toMemberId', 'toPhone'],
    );
    expectProblem(
      await gift({ toPhone: receiver.phone, toCardNumber: receiver.member.cardNumber }),
      400,
      'VALIDATION_FAILED',
      ['toPhone', 'toCardNumber'],
    );
    expectProblem(await gift({}), 400, 'VALIDATION_FAILED', [
      'toMemberId',
      'toPhone',
      'toCardNumber',
    ]);
    expect(await balance(receiver.token)).toBe(0);
  });

  it('refuses a card number with a wrong check digit or length, and a non-phone, as 400', async () => {
    const receiver = await register(community.id);
    const card = receiver.member.cardNumber;
    const typo = `${card.slice(0, 9)}${(Number(card[9]) + 1) % 10}`;
    for (const toCardNumber of [typo, card.slice(0, 9), `${card}1`, 'abcdefghij']) {
      expectProblem(await gift({ toCardNumber }), 400, 'VALIDATION_FAILED', ['toCardNumber']);
    }
    expectProblem(await gift({ toPhone: 'call me' }), 400, 'VALIDATION_FAILED', ['toPhone']);
  });

  it('refuses a gift to oneself by phone or card, naming the field', async () => {
    const self = await withPhone('自己');
    const res = await api('POST', '/transfers', {
      token: self.token,
      body: { toCardNumber: self.member.cardNumber, minutes: 1 },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED', ['toCardNumber']);
    const byPhone = await api('POST', '/transfers', {
      token: self.token,
      body: { toPhone: self.phone, minutes: 1 },
    });
    expectProblem(byPhone, 400, 'VALIDATION_FAILED', ['toPhone']);
  });

  it('treats the same key with the same recipient, named otherwise, as the same gift', async () => {
    const receiver = await withPhone('重复');
    const key = unique('gift');
    const first = await api('POST', '/transfers', {
      token: giver.token,
      headers: { 'idempotency-key': key },
      body: { toPhone: receiver.phone, minutes: 7 },
    });
    expect(first.status).toBe(201);
    const again = await api('POST', '/transfers', {
      token: giver.token,
      headers: { 'idempotency-key': key },
      body: { toCardNumber: receiver.member.cardNumber, minutes: 7 },
    });
    expect(again.body.transferId).toBe(first.body.transferId);
    expect(await balance(receiver.token)).toBe(7);
  });
});

describe('OpenAPI', () => {
  it('describes card numbers and the ways a gift names its recipient', async () => {
    const doc = await api('GET', process.env.TB_BASE_URL!.replace(/\/v1$/, '/docs-json'));
    const schemas = doc.body.components.schemas;
    expect(schemas.MemberView.properties.cardNumber).toBeDefined();
    expect(schemas.MemberView.required).toContain('cardNumber');
    expect(Object.keys(schemas.GiftDto.properties)).toEqual(
      expect.arrayContaining(['toMemberId', 'toPhone', 'toCardNumber']),
    );
    const list = doc.body.paths['/api/v1/members'].get as { parameters: Array<{ name: string }> };
    expect(list.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'communityId',
        'gridUnitId',
        'role',
        'status',
        'limit',
        'cursor',
      ]),
    );
  });
});
