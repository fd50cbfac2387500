/**
 * Fills a running suite with a believable city, only through the public API:
 * communities and grid units, fund allocations, coordinators, residents (some
 * elderly priority households), volunteers with profiles, weeks of logged
 * hours, help requests in every state, family gifts and — when the rewards
 * service answers — merchants, offers, vouchers and a settlement.
 *
 * `runSeed()` is what `npm run seed` (scripts/seed/main.ts) and the e2e test
 * call. A city is marked by its community codes (plus an optional run tag): when
 * it is already there, nothing is created twice.
 */
import { cityDate, DEFAULT_CITY_TIME_ZONE } from '../../libs/contracts/src/common/city-time';
import { addDays } from '../../libs/contracts/src/common/dates';
import { Api, eventually, inPool, SeedError } from './client';
import {
  ACTIVITIES,
  COMPLETION_NOTES,
  ADULT_NAMES,
  COMMUNITIES,
  DISPUTE_REASONS,
  ELDER_NAMES,
  FUND_ALLOCATION_MINUTES,
  MerchantPlan,
  MERCHANTS,
  pick,
  PRIORITY_PER_COMMUNITY,
  random,
  RATING_COMMENTS,
  REJECTION_REASONS,
  REQUEST_TEMPLATES,
  RequestTemplate,
  RESIDENTS_PER_COMMUNITY,
  SELF_REGISTERED_PER_COMMUNITY,
  uniqueName,
  VOLUNTEER_KINDS,
  VOLUNTEERS_PER_COMMUNITY,
  WELCOME_MINUTES,
  YOUNG_NAMES,
} from './city';

export { SeedError } from './client';

export const DEMO_PASSWORD = 'timebank-demo-2026';
const MAIL_DOMAIN = 'demo.example.cn';
/** How many calls run at once (sign-ups hash passwords: keep it modest). */
const PARALLEL = 6;

export interface SeedOptions {
  /** The suite's API base, e.g. http://127.0.0.1:3000/api/v1 */
  baseUrl: string;
  admin: { login: string; password: string };
  /** Marks a second city beside the first: codes `qingshan-<tag>`, e-mails `…-<tag>@`. */
  tag?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** How long to wait at the end for the expiry sweep to expire the demo's due request. */
  expiryWaitMs?: number;
}

export interface Login {
  role: string;
  name: string;
  login: string;
  where: string;
  /** What signing in shows (credits, tier, a voucher to redeem…). */
  shows: string;
}

export interface LedgerCheck {
  balanced: boolean;
  totalMinutes: number;
  accounts: number;
  transfers: number;
  violations: unknown[];
}

export interface SeedResult {
  /** `created`: this run built the city; `existing`: it was already there. */
  status: 'created' | 'existing';
  counts: Array<[string, number]>;
  logins: Login[];
  password: string;
  ledger: LedgerCheck;
  /** What could not be done, said plainly (rewards not served yet, expiry still due). */
  notes: string[];
  communities: Community[];
  certificateCode: string | null;
  /** An issued voucher the merchant staff login can redeem. */
  voucher: { code: string; merchant: string } | null;
  calls: number;
  elapsedMs: number;
}

interface GridUnit {
  id: string;
  code: string;
  name: string;
}
export interface Community {
  id: string;
  code: string;
  name: string;
  gridUnits: GridUnit[];
}
interface MemberView {
  id: string;
  displayName: string;
  roles: string[];
  priorityHousehold: boolean;
}
interface Person {
  id: string;
  name: string;
  login: string;
  token: string | null;
  community: number;
}
interface Resident extends Person {
  priority: boolean;
  /** Credits not yet promised to a request or a gift (what the seed plans with). */
  budget: number;
}
interface Volunteer extends Person {
  token: string;
  veteran: boolean;
  /** Minutes the seed expects to have been paid (approved hours, confirmed requests). */
  earned: number;
}
interface Coordinator extends Person {
  token: string;
}
interface HelpRequest {
  id: string;
  status: string;
}
interface Account {
  availableMinutes: number;
  lifetimeEarnedMinutes: number;
  tier: { level: number; name: string };
}

/** Everything the phases share. */
interface City {
  api: Api;
  admin: string;
  tag: string;
  rand: () => number;
  log: (line: string) => void;
  communities: Community[];
  coordinators: Coordinator[];
  residents: Resident[];
  volunteers: Volunteer[];
  counts: Map<string, number>;
  notes: string[];
  expiring: HelpRequest | null;
  /** A voucher left for the merchant staff login to redeem. */
}

// ---- naming ----

function suffix(tag: string, joiner: string): string {
  return tag ? `${joiner}${tag}` : '';
}
function mail(local: string, tag: string): string {
  return `${local}${suffix(tag, '-')}@${MAIL_DOMAIN}`;
}
function communityCode(index: number, tag: string): string {
  return `${COMMUNITIES[index].code}${suffix(tag, '-')}`;
}
const pad = (n: number) => String(n).padStart(2, '0');
const residentLogin = (n: number, tag: string) => mail(`resident${pad(n)}`, tag);
const volunteerLogin = (n: number, tag: string) => mail(`volunteer${pad(n)}`, tag);
const coordinatorLogin = (index: number, tag: string) =>
  mail(`coordinator.${COMMUNITIES[index].code}`, tag);
const staffLogin = (key: string, tag: string) => mail(`staff.${key}`, tag);

/**
 * The logins the summary hands out, one per role, each chosen for what it
 * shows: a priority household with credits (and a request under way), a
 * volunteer above the entry tier, a coordinator, counter staff with a voucher
 * still to redeem, the admin. They are found in the city as it is now, by
 * signing in and looking, so a later run names the same people without
 * remembering anything (and never a voucher redeemed since).
 */
async function findLogins(
  api: Api,
  tag: string,
  admin: string,
  rewards: boolean,
): Promise<{ logins: Login[]; voucher: SeedResult['voucher'] }> {
  const home = COMMUNITIES[0].name;
  const logins: Login[] = [await findHousehold(api, tag)];

  const veteran = volunteerLogin(1, tag);
  const volunteer = await lookAt(api, veteran);
  logins.push({
    role: 'volunteer',
    name: volunteer.me.displayName,
    login: veteran,
    where: home,
    shows: `${volunteer.account.tier.name} (tier ${volunteer.account.tier.level}), ${volunteer.account.availableMinutes} min available`,
  });

  const coordinatorName = coordinatorLogin(0, tag);
  const coordinator = await lookAt(api, coordinatorName);
  const pending = await api.call<{ items: unknown[] }>(
    'GET',
    '/hours?status=pending&limit=100',
    'pending hours',
    { token: coordinator.token },
  );
  logins.push({
    role: 'coordinator',
    name: coordinator.me.displayName,
    login: coordinatorName,
    where: home,
    shows: `${pending.items.length} hour logs to verify, the community's report`,
  });

  let voucher: SeedResult['voucher'] = null;
  if (rewards) {
    const pharmacy = MERCHANTS[0];
    const staffName = staffLogin(pharmacy.key, tag);
    const staff = await lookAt(api, staffName, false);
    voucher = staff.me.merchantId
      ? await findIssuedVoucher(api, tag, pharmacy, staff.me.merchantId)
      : null;
    logins.push({
      role: 'merchant',
      name: staff.me.displayName,
      login: staffName,
      where: pharmacy.name,
      shows: voucher
        ? `voucher ${voucher.code} to redeem at the counter`
        : 'no voucher left to redeem',
    });
  }
  logins.push({ role: 'admin', name: '', login: admin, where: 'city', shows: 'everything' });
  return { logins, voucher };
}

interface Look {
  token: string;
  me: { displayName: string; priorityHousehold: boolean; merchantId: string | null };
  account: Account;
}

async function lookAt(api: Api, login: string, withAccount = true): Promise<Look> {
  const token = await signIn(api, login, DEMO_PASSWORD);
  const me = await api.call<Look['me']>('GET', '/me', `profile of ${login}`, { token });
  const account = withAccount
    ? await api.call<Account>('GET', '/accounts/me', `account of ${login}`, { token })
    : { availableMinutes: 0, lifetimeEarnedMinutes: 0, tier: { level: 0, name: '' } };
  return { token, me, account };
}

/** A priority household with credits, one with a request under way first; the home community's first. */
async function findHousehold(api: Api, tag: string): Promise<Login> {
  let best = null as { login: Login; rank: number } | null;
  let first = 0;
  for (const [community, residents] of RESIDENTS_PER_COMMUNITY.entries()) {
    for (let i = 0; i < PRIORITY_PER_COMMUNITY; i += 1) {
      const login = residentLogin(first + SELF_REGISTERED_PER_COMMUNITY[community] + i + 1, tag);
      const look = await lookAt(api, login);
      if (!look.me.priorityHousehold) continue;
      let request: { title: string; status: string } | undefined;
      for (const status of ['accepted', 'open']) {
        const page = await api.call<{ items: Array<{ title: string; status: string }> }>(
          'GET',
          `/requests?mine=true&status=${status}&limit=1`,
          `requests of ${login}`,
          { token: look.token },
        );
        request ??= page.items[0];
      }
      const credits = look.account.availableMinutes;
      const rank = (credits > 0 ? 2 : 0) + (request ? 1 : 0);
      if (!best || rank > best.rank) {
        const under = request ? `, request "${request.title}" ${request.status}` : '';
        best = {
          rank,
          login: {
            role: 'household',
            name: look.me.displayName,
            login,
            where: COMMUNITIES[community].name,
            shows: `priority household, ${credits} min available${under}`,
          },
        };
      }
      if (best.rank === 3) return best.login;
    }
    if (best && best.rank >= 2) return best.login;
    first += residents;
  }
  if (!best) throw new SeedError('no priority household found in the demo city');
  return best.login;
}

/** An issued voucher of `merchantId`, held by one of the volunteers who claim its offers. */
async function findIssuedVoucher(
  api: Api,
  tag: string,
  merchant: (typeof MERCHANTS)[number],
  merchantId: string,
): Promise<SeedResult['voucher']> {
  const holders = volunteerSlots().filter((v) => v.community === merchant.community || v.veteran);
  for (const holder of holders) {
    const token = await signIn(api, volunteerLogin(holder.n, tag), DEMO_PASSWORD);
    const mine = await api.call<{
      items: Array<{ code: string; status: string; merchantId: string }>;
    }>('GET', '/vouchers/mine?limit=100', 'vouchers of a volunteer', { token });
    const issued = mine.items.find((v) => v.status === 'issued' && v.merchantId === merchantId);
    if (issued) return { code: issued.code, merchant: merchant.name };
  }
  return null;
}

// ---- time ----

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
/** The city's date `days` ago (the suite counts days on the city's clocks, CITY_TIME_ZONE). */
function dayAgo(days: number): string {
  const zone = process.env.CITY_TIME_ZONE || DEFAULT_CITY_TIME_ZONE;
  return addDays(cityDate(new Date(), zone), -days);
}

/** The order of the summary table; kinds not listed come last. */
const KINDS = [
  'communities',
  'grid units',
  'fund allocations',
  'minutes allocated',
  'coordinators',
  'residents',
  'priority households',
  'opening credits (adjustments)',
  'volunteers',
  'volunteer profiles',
  'hour logs approved',
  'hour logs rejected',
  'hour logs pending',
  'requests open',
  'requests accepted',
  'requests completed',
  'requests confirmed',
  'requests resolved (confirmed)',
  'requests disputed',
  'requests cancelled',
  'requests expired',
  'requests open (expiring)',
  'ratings',
  'family gifts',
  'merchants',
  'merchant staff',
  'offers (approved)',
  'vouchers claimed',
  'vouchers redeemed',
  'vouchers cancelled',
  'vouchers still issued',
  'settlements',
];

function ordered(counts: Iterable<[string, number]>): Array<[string, number]> {
  const rank = (kind: string) => (KINDS.includes(kind) ? KINDS.indexOf(kind) : KINDS.length);
  return [...counts].sort((a, b) => rank(a[0]) - rank(b[0]));
}

function bump(city: City, kind: string, by = 1): void {
  city.counts.set(kind, (city.counts.get(kind) ?? 0) + by);
}

async function signIn(api: Api, login: string, password: string): Promise<string> {
  const body = await api.call<{ accessToken: string }>(
    'POST',
    '/auth/login',
    `sign in as ${login}`,
    {
      body: { login, password },
      expect: 200,
    },
  );
  return body.accessToken;
}

// ---- phases ----

async function makeCommunities(city: City): Promise<void> {
  for (const [index, plan] of COMMUNITIES.entries()) {
    const community = await city.api.call<Community>(
      'POST',
      '/communities',
      `create ${plan.name}`,
      {
        token: city.admin,
        body: {
          code: communityCode(index, city.tag),
          name: `${plan.name}${suffix(city.tag, ' · ')}`,
          gridUnits: Array.from({ length: plan.gridUnits }, (_, i) => ({
            code: `${plan.gridPrefix}-${pad(i + 1)}`,
            name: `${plan.street}第${i + 1}网格`,
          })),
        },
      },
    );
    city.communities.push(community);
    bump(city, 'communities');
    bump(city, 'grid units', community.gridUnits.length);
  }
  city.log(
    `communities   ${city.communities.length} (${city.communities.map((c) => c.code).join(', ')}), ${city.counts.get('grid units')} grid units`,
  );

  for (const community of city.communities) {
    await city.api.call(
      'POST',
      `/communities/${community.id}/fund/allocations`,
      `fund ${community.name}`,
      {
        token: city.admin,
        key: `seed:${city.tag}:allocation:${community.code}`,
        body: { minutes: FUND_ALLOCATION_MINUTES, memo: '年度志愿服务时间基金' },
      },
    );
    bump(city, 'fund allocations');
    bump(city, 'minutes allocated', FUND_ALLOCATION_MINUTES);
  }
  city.log(`funds         ${FUND_ALLOCATION_MINUTES} minutes into each community fund`);
}

async function makeCoordinators(city: City): Promise<void> {
  city.coordinators = await inPool(city.communities, PARALLEL, async (community, index) => {
    const login = coordinatorLogin(index, city.tag);
    const name = COMMUNITIES[index].coordinator;
    const member = await city.api.call<MemberView>(
      'POST',
      '/members',
      `create coordinator ${name}`,
      {
        token: city.admin,
        body: {
          email: login,
          password: DEMO_PASSWORD,
          displayName: name,
          communityId: community.id,
          roles: ['coordinator'],
          coordinatorOf: [community.id],
        },
      },
    );
    const token = await signIn(city.api, login, DEMO_PASSWORD);
    return { id: member.id, name, login, token, community: index };
  });
  bump(city, 'coordinators', city.coordinators.length);
  city.log(`coordinators  ${city.coordinators.length}, one per community`);
}

interface VolunteerSlot {
  community: number;
  n: number;
  veteran: boolean;
}

/** The 30 volunteers' places: numbered by community; the first of the first two has served for months. */
function volunteerSlots(): VolunteerSlot[] {
  return COMMUNITIES.flatMap((_, community) =>
    Array.from({ length: VOLUNTEERS_PER_COMMUNITY }, (_x, i) => ({
      community,
      n: community * VOLUNTEERS_PER_COMMUNITY + i + 1,
      veteran: i === 0 && community < 2,
    })),
  );
}

async function makeVolunteers(city: City): Promise<void> {
  const names = new Set<string>();
  // The second of each community is the grown-up child of an elderly resident (a gift follows).
  const plans = volunteerSlots();
  const named = plans.map((plan) => ({
    ...plan,
    name: plan.veteran
      ? uniqueName(city.rand, ELDER_NAMES, names)
      : uniqueName(city.rand, plan.n % 3 === 0 ? ADULT_NAMES : YOUNG_NAMES, names),
  }));
  city.volunteers = await inPool(named, PARALLEL, async (plan) => {
    const community = city.communities[plan.community];
    const login = volunteerLogin(plan.n, city.tag);
    const roles = plan.n % 4 === 0 ? ['resident', 'volunteer'] : ['volunteer'];
    const joined = await city.api.call<{ member: MemberView; accessToken: string }>(
      'POST',
      '/auth/register',
      `register volunteer ${plan.name}`,
      {
        body: {
          email: login,
          password: DEMO_PASSWORD,
          displayName: plan.name,
          communityId: community.id,
          gridUnitId: pick(city.rand, community.gridUnits).id,
          roles,
        },
      },
    );
    const kind = plan.veteran ? VOLUNTEER_KINDS[7] : VOLUNTEER_KINDS[plan.n % 7];
    await city.api.call('PUT', '/me/volunteer-profile', `profile of ${plan.name}`, {
      token: joined.accessToken,
      body: { skills: kind.skills, availability: kind.availability, bio: kind.bio },
    });
    return {
      id: joined.member.id,
      name: plan.name,
      login,
      token: joined.accessToken,
      community: plan.community,
      veteran: plan.veteran,
      earned: 0,
    };
  });
  bump(city, 'volunteers', city.volunteers.length);
  bump(city, 'volunteer profiles', city.volunteers.length);
  city.log(`volunteers    ${city.volunteers.length} signed up, each with skills and availability`);
}

interface ResidentPlan {
  community: number;
  n: number;
  selfRegistered: boolean;
  priority: boolean;
  name: string;
}

/** Who lives in each community: some sign up themselves, some are elderly priority households. */
function residentPlans(city: City): ResidentPlan[] {
  const names = new Set(city.volunteers.map((v) => v.name));
  let n = 0;
  return city.communities.flatMap((_, community) =>
    Array.from({ length: RESIDENTS_PER_COMMUNITY[community] }, (_x, i) => {
      n += 1;
      const selfRegistered = i < SELF_REGISTERED_PER_COMMUNITY[community];
      const priority =
        !selfRegistered && i < SELF_REGISTERED_PER_COMMUNITY[community] + PRIORITY_PER_COMMUNITY;
      // The first priority household is the parent of the community's second volunteer.
      const child = city.volunteers[community * VOLUNTEERS_PER_COMMUNITY + 1];
      const parentOfChild = i === SELF_REGISTERED_PER_COMMUNITY[community];
      const name = parentOfChild
        ? uniqueName(city.rand, ELDER_NAMES, names, child.name[0])
        : uniqueName(city.rand, priority || i % 3 === 2 ? ELDER_NAMES : ADULT_NAMES, names);
      return { community, n, selfRegistered, priority, name };
    }),
  );
}

/** A resident who registers with the app, or gets a household card from the coordinator. */
async function signUpResident(city: City, plan: ResidentPlan): Promise<Resident> {
  const community = city.communities[plan.community];
  const coordinator = city.coordinators[plan.community];
  const login = residentLogin(plan.n, city.tag);
  const body = {
    email: login,
    password: DEMO_PASSWORD,
    displayName: plan.name,
    communityId: community.id,
    gridUnitId: pick(city.rand, community.gridUnits).id,
    roles: ['resident'],
  };
  const resident = { name: plan.name, login, community: plan.community, budget: 0 };
  if (plan.selfRegistered) {
    const joined = await city.api.call<{ member: MemberView; accessToken: string }>(
      'POST',
      '/auth/register',
      `register resident ${plan.name}`,
      { body },
    );
    return { ...resident, id: joined.member.id, token: joined.accessToken, priority: false };
  }
  // A household card opened at the community office: the coordinator signs them up.
  const member = await city.api.call<MemberView>('POST', '/members', `card for ${plan.name}`, {
    token: coordinator.token,
    body,
  });
  if (plan.priority) {
    const marked = await city.api.call<MemberView>(
      'PATCH',
      `/members/${member.id}`,
      `mark ${plan.name} a priority household`,
      { token: coordinator.token, body: { priorityHousehold: true } },
    );
    if (!marked.priorityHousehold)
      throw new SeedError(`${plan.name} was not marked a priority household`);
  }
  return { ...resident, id: member.id, token: null, priority: plan.priority };
}

async function makeResidents(city: City): Promise<void> {
  city.residents = await inPool(residentPlans(city), PARALLEL, (plan) =>
    signUpResident(city, plan),
  );
  bump(city, 'residents', city.residents.length);
  bump(city, 'priority households', city.residents.filter((r) => r.priority).length);
  city.log(
    `residents     ${city.residents.length} (${city.residents.filter((r) => r.token).length} signed up themselves, ` +
      `${city.residents.filter((r) => r.priority).length} elderly priority households marked by coordinators)`,
  );
  await openingCredits(city);
}

/** Every household that pays for itself gets its opening credits from the community fund. */
async function openingCredits(city: City): Promise<void> {
  const paying = city.residents.filter((r) => !r.priority);
  await inPool(paying, PARALLEL, async (resident) => {
    await city.api.call(
      'POST',
      `/members/${resident.id}/adjustments`,
      `opening credits for ${resident.name}`,
      {
        token: city.coordinators[resident.community].token,
        key: `seed:${city.tag}:welcome:${resident.id}`,
        body: { minutes: WELCOME_MINUTES, reason: '一户一卡开卡赠送' },
      },
    );
    resident.budget = WELCOME_MINUTES;
  });
  bump(city, 'opening credits (adjustments)', paying.length);
  city.log(
    `credits       ${WELCOME_MINUTES} opening minutes for each of ${paying.length} paying households`,
  );
}

interface HourPlan {
  volunteer: Volunteer;
  minutes: number;
  servedOn: string;
  description: string;
  fate: 'approved' | 'rejected' | 'pending';
}

async function logHours(city: City): Promise<void> {
  const plans: HourPlan[] = [];
  for (const volunteer of city.volunteers) {
    const days = new Set<number>();
    const count = volunteer.veteran ? 26 : 3 + Math.floor(city.rand() * 4);
    const span = volunteer.veteran ? 84 : 42;
    while (days.size < count) days.add(2 + Math.floor(city.rand() * (span - 1)));
    if (volunteer.veteran) days.add(1); // and one from yesterday, still waiting
    for (const day of [...days].sort((a, b) => b - a)) {
      const recent = day <= 7;
      const minutes = volunteer.veteran
        ? 240 + 30 * Math.floor(city.rand() * 3)
        : pick(city.rand, [60, 90, 120, 150, 180, 240]);
      const fate = recent
        ? 'pending'
        : !volunteer.veteran && city.rand() < 0.12
          ? 'rejected'
          : 'approved';
      plans.push({
        volunteer,
        minutes,
        servedOn: dayAgo(day),
        description: pick(city.rand, ACTIVITIES),
        fate,
      });
    }
  }
  await inPool(plans, PARALLEL, async (plan) => {
    const { volunteer } = plan;
    const log = await city.api.call<{ id: string; status: string }>(
      'POST',
      '/hours',
      `hours of ${volunteer.name}`,
      {
        token: volunteer.token,
        body: { minutes: plan.minutes, servedOn: plan.servedOn, description: plan.description },
      },
    );
    const coordinator = city.coordinators[volunteer.community];
    if (plan.fate === 'approved') {
      await city.api.call(
        'POST',
        `/hours/${log.id}/approve`,
        `approve hours of ${volunteer.name}`,
        {
          token: coordinator.token,
          key: `seed:${city.tag}:hours:${log.id}`,
          expect: 200,
        },
      );
      volunteer.earned += plan.minutes;
    } else if (plan.fate === 'rejected') {
      await city.api.call('POST', `/hours/${log.id}/reject`, `reject hours of ${volunteer.name}`, {
        token: coordinator.token,
        body: { reason: pick(city.rand, REJECTION_REASONS) },
        expect: 200,
      });
    }
    bump(city, `hour logs ${plan.fate}`);
  });
  city.log(
    `hours         ${plans.length} logs over the past 12 weeks: ${city.counts.get('hour logs approved') ?? 0} approved, ` +
      `${city.counts.get('hour logs rejected') ?? 0} rejected, ${city.counts.get('hour logs pending') ?? 0} pending`,
  );
}

/** Waits until the ledger has paid `volunteer` what the seed expects (payment follows approval by an event). */
async function paid(city: City, volunteer: Volunteer): Promise<Account> {
  return eventually(`${volunteer.name} paid ${volunteer.earned} minutes`, async () => {
    const account = await city.api.call<Account>(
      'GET',
      '/accounts/me',
      `account of ${volunteer.name}`,
      {
        token: volunteer.token,
      },
    );
    return account.lifetimeEarnedMinutes >= volunteer.earned ? account : undefined;
  });
}

async function giveGifts(city: City): Promise<void> {
  const notes = [
    '给爸妈请人陪诊用',
    '妈妈买菜跑腿的时间',
    '过年了，给家里老人添点时间',
    '爸爸修水管用',
    '给奶奶的',
    '外婆复诊用',
  ];
  // Each community's second volunteer gives to the elderly parent the residents phase made.
  for (const [index] of city.communities.entries()) {
    const child = city.volunteers[index * VOLUNTEERS_PER_COMMUNITY + 1];
    const parent = city.residents.find(
      (r) => r.community === index && r.priority && r.name[0] === child.name[0],
    );
    if (!parent) throw new SeedError(`no parent found for ${child.name}`);
    const account = await paid(city, child);
    const minutes = Math.min(60 + 30 * (index % 3), account.availableMinutes);
    if (minutes <= 0) continue;
    await city.api.call('POST', '/transfers', `gift from ${child.name} to ${parent.name}`, {
      token: child.token,
      key: `seed:${city.tag}:gift:${child.id}`,
      body: { toMemberId: parent.id, minutes, memo: notes[index % notes.length] },
    });
    bump(city, 'family gifts');
  }
  // And two grown-up residents give to their elderly neighbours in the family.
  for (const index of [0, 1]) {
    const giver = city.residents.find((r) => r.community === index && r.token && r.budget >= 60);
    const receiver = city.residents.find((r) => r.community === index && r.priority && r !== giver);
    if (!giver?.token || !receiver) continue;
    await city.api.call('POST', '/transfers', `gift from ${giver.name} to ${receiver.name}`, {
      token: giver.token,
      key: `seed:${city.tag}:gift:${giver.id}`,
      body: { toMemberId: receiver.id, minutes: 60, memo: '给姥姥的，别省着用' },
    });
    giver.budget -= 60;
    bump(city, 'family gifts');
  }
  city.log(`gifts         ${city.counts.get('family gifts') ?? 0} between family members`);
}

type Fate =
  | 'open'
  | 'released'
  | 'accepted'
  | 'completed'
  | 'confirmed'
  | 'disputed'
  | 'resolved'
  | 'resolved-zero'
  | 'cancelled-open'
  | 'cancelled-accepted';

/** Every community sees the everyday states; the rarer ones are spread over them. */
const BASE_FATES: Fate[] = ['confirmed', 'confirmed', 'confirmed', 'open', 'accepted', 'completed'];
const EXTRA_FATES: Fate[][] = [
  ['disputed', 'resolved', 'released', 'confirmed'],
  ['resolved-zero', 'cancelled-open', 'confirmed'],
  ['disputed', 'resolved', 'open', 'completed'],
  ['cancelled-accepted', 'confirmed', 'open'],
  ['disputed', 'resolved', 'cancelled-open', 'confirmed'],
  ['open', 'accepted', 'confirmed', 'cancelled-accepted'],
];

/** The status each fate ends in (resolved requests are `confirmed`). */
const FINAL_STATUS: Record<Fate, string> = {
  open: 'open',
  released: 'open',
  accepted: 'accepted',
  completed: 'completed',
  confirmed: 'confirmed',
  disputed: 'disputed',
  resolved: 'confirmed',
  'resolved-zero': 'confirmed',
  'cancelled-open': 'cancelled',
  'cancelled-accepted': 'cancelled',
};

/** When the request's window is: past service is recent, future help is in the coming days. */
function windowFor(fate: Fate, rand: () => number): { windowStart: string; windowEnd: string } {
  const now = Date.now();
  const served = ['completed', 'confirmed', 'disputed', 'resolved', 'resolved-zero'].includes(fate);
  if (served) {
    const start = now - (2 + Math.floor(rand() * 40)) * HOUR;
    return { windowStart: iso(start), windowEnd: iso(now + (2 + Math.floor(rand() * 6)) * HOUR) };
  }
  const start = now + (fate === 'accepted' ? 3 * HOUR : DAY) + Math.floor(rand() * 4) * DAY;
  return { windowStart: iso(start), windowEnd: iso(start + 3 * HOUR) };
}

/** Who posts: a resident with credits left, or a priority household (paid by the fund). */
function requesterFor(
  city: City,
  community: number,
  template: RequestTemplate,
  needsToken: boolean,
  turn: number,
): Resident {
  const here = city.residents.filter((r) => r.community === community && (!needsToken || r.token));
  for (let i = 0; i < here.length; i += 1) {
    const resident = here[(turn + i) % here.length];
    if (resident.priority || resident.budget >= template.minutes) {
      if (!resident.priority) resident.budget -= template.minutes;
      return resident;
    }
  }
  throw new SeedError(
    `no resident of ${city.communities[community].name} can pay for "${template.title}"`,
  );
}

async function postRequest(
  city: City,
  requester: Resident,
  template: RequestTemplate,
  window: { windowStart: string; windowEnd: string },
): Promise<HelpRequest> {
  const coordinator = city.coordinators[requester.community];
  const body = {
    title: template.title,
    description: template.description,
    category: template.category,
    estimatedMinutes: template.minutes,
    ...window,
    // A coordinator posts for a household without the app, naming it.
    ...(requester.token ? {} : { requesterId: requester.id }),
  };
  return city.api.call<HelpRequest>(
    'POST',
    '/requests',
    `post "${template.title}" for ${requester.name}`,
    {
      token: requester.token ?? coordinator.token,
      key: `seed:${city.tag}:request:${requester.id}:${Date.parse(window.windowStart)}`,
      body,
    },
  );
}

async function playRequest(city: City, community: number, fate: Fate, turn: number): Promise<void> {
  const template = REQUEST_TEMPLATES[(community * 5 + turn) % REQUEST_TEMPLATES.length];
  const needsToken = ['disputed', 'resolved', 'resolved-zero', 'cancelled-open'].includes(fate);
  const requester = requesterFor(city, community, template, needsToken, turn);
  const coordinator = city.coordinators[community];
  const asRequester = requester.token ?? coordinator.token;
  const here = city.volunteers.filter((v) => v.community === community);
  const volunteer = here[turn % here.length];
  const request = await postRequest(city, requester, template, windowFor(fate, city.rand));
  const path = `/requests/${request.id}`;
  const act = (verb: string, token: string, body?: unknown, key?: string) =>
    city.api.call<HelpRequest>('POST', `${path}/${verb}`, `${verb} "${template.title}"`, {
      token,
      body,
      key: key ? `seed:${city.tag}:${verb}:${request.id}` : undefined,
      expect: 200,
    });

  let last = request;
  if (fate === 'cancelled-open') {
    last = await act('cancel', asRequester);
  } else if (fate !== 'open') {
    last = await act('accept', volunteer.token);
    if (fate === 'released') {
      last = await act('release', volunteer.token);
    } else if (fate === 'cancelled-accepted') {
      last = await act('cancel', coordinator.token);
    } else if (fate !== 'accepted') {
      const minutes =
        fate === 'confirmed' && turn % 3 === 1 ? template.minutes - 15 : template.minutes;
      last = await act('complete', volunteer.token, {
        minutes: Math.max(minutes, 15),
        note: pick(city.rand, COMPLETION_NOTES),
      });
      if (fate === 'confirmed') {
        const [rating, comment] = RATING_COMMENTS[(community + turn) % RATING_COMMENTS.length];
        last = await act('confirm', asRequester, { rating, comment }, 'key');
        volunteer.earned += Math.max(minutes, 15);
        bump(city, 'ratings');
      } else if (fate !== 'completed') {
        last = await act('dispute', asRequester, { reason: pick(city.rand, DISPUTE_REASONS) });
        if (fate === 'resolved' || fate === 'resolved-zero') {
          const minutes = fate === 'resolved' ? Math.round(template.minutes / 2) : 0;
          const note =
            minutes > 0 ? '与双方电话核实，按实际服务时长结算' : '志愿者未能到场，本次不计时长';
          last = await act('resolve', coordinator.token, { minutes, note }, 'key');
          volunteer.earned += minutes;
        }
      }
    }
  }
  if (last.status !== FINAL_STATUS[fate]) {
    throw new SeedError(`"${template.title}" ended ${last.status}, expected ${FINAL_STATUS[fate]}`);
  }
  bump(
    city,
    `requests ${fate.startsWith('resolved') ? 'resolved (confirmed)' : FINAL_STATUS[fate]}`,
  );
}

async function playRequests(city: City): Promise<void> {
  // First the one nobody will take: its window closes in a few seconds, and the
  // expiry sweep (every REQUEST_EXPIRY_INTERVAL_MS, a minute by default) expires it.
  const elder = city.residents.find((r) => r.priority && r.community === 2) as Resident;
  city.expiring = await postRequest(
    city,
    elder,
    {
      title: '今天下午送一份热饭',
      description: '临时需要，有空的邻居帮帮忙。',
      category: 'meals',
      minutes: 45,
    },
    { windowStart: iso(Date.now() - 2 * HOUR), windowEnd: iso(Date.now() + 15_000) },
  );

  // Each community plays its requests in order (one volunteer may serve several); communities run side by side.
  await inPool(city.communities, PARALLEL, async (_community, index) => {
    const fates = [...BASE_FATES, ...EXTRA_FATES[index]];
    for (const [turn, fate] of fates.entries()) await playRequest(city, index, fate, turn);
  });
  const total = [...city.counts]
    .filter(([k]) => k.startsWith('requests '))
    .reduce((s, [, v]) => s + v, 0);
  city.log(
    `requests      ${total + 1} help requests in every state, ${city.counts.get('ratings') ?? 0} rated`,
  );
}

// ---- rewards ----

const rewardsSkipped = (why: string) =>
  `rewards: skipped — ${why}; run \`npm run seed\` again once they answer: it adds the merchants to this city`;

/**
 * The part of an earlier run's city the rewards phase needs, signed in again:
 * the coordinators of the merchants' communities and the volunteers who claim.
 */
async function resumeForRewards(
  api: Api,
  admin: string,
  tag: string,
  log: (line: string) => void,
  communities: Community[],
): Promise<City> {
  const city: City = newCity(api, admin, tag, log);
  city.communities = communities;
  const wanted = new Set(MERCHANTS.map((m) => m.community));
  city.coordinators = await inPool(COMMUNITIES, PARALLEL, async (plan, index) => {
    const login = coordinatorLogin(index, tag);
    const token = wanted.has(index) ? await signIn(api, login, DEMO_PASSWORD) : '';
    return { id: '', name: plan.coordinator, login, token, community: index };
  });
  const slots = volunteerSlots();
  const claimers = new Set(
    MERCHANTS.flatMap((m) => m.offers.flatMap((o) => claimersOf(slots, m.community, o.minTier))),
  );
  city.volunteers = await inPool([...claimers], PARALLEL, async (slot) => {
    const login = volunteerLogin(slot.n, tag);
    const signedIn = await api.call<{ accessToken: string; member: MemberView }>(
      'POST',
      '/auth/login',
      `sign in as ${login}`,
      {
        body: { login, password: DEMO_PASSWORD },
        expect: 200,
      },
    );
    const { id, displayName } = signedIn.member;
    return { ...slot, id, name: displayName, login, token: signedIn.accessToken, earned: 0 };
  });
  return city;
}

/** Who claims an offer: the veterans for a star offer, neighbours (and the veterans) for the rest. */
function claimersOf<T extends { community: number; veteran: boolean }>(
  volunteers: T[],
  community: number,
  minTier: number,
): T[] {
  return minTier > 0
    ? volunteers.filter((v) => v.veteran).slice(0, 1)
    : volunteers.filter((v) => v.community === community || v.veteran).slice(0, 4);
}

/** Null when the rewards routes answer; otherwise why not (not built yet, or the service is down). */
async function rewardsMissing(api: Api, admin: string): Promise<string | null> {
  const answer = await api.send('GET', '/offers?limit=1', { token: admin });
  if (answer.status === 200) return null;
  if (answer.status === 404) {
    return 'this suite has no rewards routes yet (GET /offers is 404)';
  }
  if (answer.status === 503 || answer.status === 504) {
    return `the rewards service does not answer (GET /offers is ${answer.status})`;
  }
  throw new SeedError(`GET /offers answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

interface Voucher {
  voucherId: string;
  code: string;
  status: string;
}

/** A partner merchant of the plan, opened by its community's coordinator, and its staff signed in. */
interface Shop {
  plan: MerchantPlan;
  id: string;
  coordinator: Coordinator;
  staff: string;
}

/** What the volunteers did with the vouchers, over every merchant so far. */
interface VoucherTally {
  claims: number;
  redeemed: number;
}

async function openShop(city: City, plan: MerchantPlan): Promise<Shop> {
  const community = city.communities[plan.community];
  const coordinator = city.coordinators[plan.community];
  const merchant = await city.api.call<{ id: string }>(
    'POST',
    '/merchants',
    `create ${plan.name}`,
    {
      token: coordinator.token,
      body: {
        name: plan.name,
        communityId: community.id,
        address: plan.address,
        contact: plan.contact,
      },
    },
  );
  bump(city, 'merchants');
  const login = staffLogin(plan.key, city.tag);
  await city.api.call('POST', '/members', `staff of ${plan.name}`, {
    token: coordinator.token,
    body: {
      email: login,
      password: DEMO_PASSWORD,
      displayName: plan.staff,
      communityId: community.id,
      roles: ['merchant'],
      merchantId: merchant.id,
    },
  });
  bump(city, 'merchant staff');
  const staff = await signIn(city.api, login, DEMO_PASSWORD);
  return { plan, id: merchant.id, coordinator, staff };
}

/** The shop's staff offers it for the validity given, the coordinator approves it. */
async function publishOffer(
  city: City,
  shop: Shop,
  offerPlan: MerchantPlan['offers'][number],
  { validFrom, validUntil }: { validFrom: string; validUntil: string },
): Promise<string> {
  const { title, description, discount, creditCostMinutes, minTier, quantity, perMemberLimit } =
    offerPlan;
  const offer = await city.api.call<{ id: string; status: string }>(
    'POST',
    `/merchants/${shop.id}/offers`,
    `offer "${title}"`,
    {
      token: shop.staff,
      body: {
        title,
        description,
        discount,
        creditCostMinutes,
        minTier,
        validFrom,
        validUntil,
        quantity,
        perMemberLimit,
      },
    },
  );
  await city.api.call('POST', `/offers/${offer.id}/approve`, `approve "${title}"`, {
    token: shop.coordinator.token,
    expect: 200,
  });
  bump(city, 'offers (approved)');
  return offer.id;
}

/**
 * Volunteers who can afford the offer claim it; most redeem it at the counter, one
 * at the pharmacy cancels, and the rest stay issued, to try at the counter.
 */
async function claimOffer(
  city: City,
  shop: Shop,
  offer: { id: string; index: number; plan: MerchantPlan['offers'][number] },
  tally: VoucherTally,
): Promise<void> {
  const { title, creditCostMinutes, minTier } = offer.plan;
  const claimers = claimersOf(city.volunteers, shop.plan.community, minTier);
  for (const [i, volunteer] of claimers.entries()) {
    const account = await paid(city, volunteer);
    if (account.availableMinutes < creditCostMinutes || account.tier.level < minTier) continue;
    const voucher = await city.api.call<Voucher>(
      'POST',
      `/offers/${offer.id}/claim`,
      `${volunteer.name} claims "${title}"`,
      { token: volunteer.token, key: `seed:${city.tag}:claim:${offer.id}`, body: {} },
    );
    tally.claims += 1;
    if (shop.plan.key === 'pharmacy' && offer.index === 0 && i === claimers.length - 1 && i > 1) {
      await city.api.call('POST', `/vouchers/${voucher.voucherId}/cancel`, `cancel a voucher`, {
        token: volunteer.token,
        expect: 200,
      });
      bump(city, 'vouchers cancelled');
    } else if (i % 3 !== 2) {
      await city.api.call(
        'POST',
        '/vouchers/redeem',
        `${shop.plan.staff} redeems ${voucher.code}`,
        {
          token: shop.staff,
          key: `seed:${city.tag}:redeem:${voucher.code}`,
          body: { code: voucher.code },
          expect: 200,
        },
      );
      tally.redeemed += 1;
    }
  }
}

async function playRewards(city: City): Promise<boolean> {
  const missing = await rewardsMissing(city.api, city.admin);
  if (missing) {
    const note = rewardsSkipped(missing);
    city.notes.push(note);
    city.log(note);
    return false;
  }
  const validity = { validFrom: iso(Date.now() - DAY), validUntil: iso(Date.now() + 90 * DAY) };
  const tally: VoucherTally = { claims: 0, redeemed: 0 };
  for (const plan of MERCHANTS) {
    const shop = await openShop(city, plan);
    for (const [index, offerPlan] of plan.offers.entries()) {
      const id = await publishOffer(city, shop, offerPlan, validity);
      await claimOffer(city, shop, { id, index, plan: offerPlan }, tally);
    }
    if (plan.key === 'pharmacy' && tally.redeemed > 0) {
      await city.api.call('POST', `/merchants/${shop.id}/settlements`, `settle ${plan.name}`, {
        token: shop.coordinator.token,
        key: `seed:${city.tag}:settlement:${shop.id}`,
        body: { memo: '月度结算' },
      });
      bump(city, 'settlements');
    }
  }
  const { claims, redeemed } = tally;
  bump(city, 'vouchers claimed', claims);
  bump(city, 'vouchers redeemed', redeemed);
  bump(
    city,
    'vouchers still issued',
    claims - redeemed - (city.counts.get('vouchers cancelled') ?? 0),
  );
  city.log(
    `rewards       ${MERCHANTS.length} merchants with staff, ${city.counts.get('offers (approved)')} offers approved, ` +
      `${claims} vouchers claimed, ${redeemed} redeemed, ${city.counts.get('settlements') ?? 0} settlement`,
  );
  return true;
}

// ---- the end ----

async function waitForExpiry(city: City, waitMs: number): Promise<void> {
  if (!city.expiring) return;
  const path = `/requests/${city.expiring.id}`;
  const deadline = Date.now() + waitMs;
  let said = false;
  for (;;) {
    const request = await city.api.call<HelpRequest>('GET', path, 'read the expiring request', {
      token: city.admin,
    });
    if (request.status === 'expired') {
      bump(city, 'requests expired');
      city.log('expiry        the request nobody took has expired');
      return;
    }
    if (Date.now() > deadline) break;
    if (!said) {
      city.log(
        `expiry        waiting up to ${Math.round(waitMs / 1000)} s for the expiry sweep (it runs every minute by default)`,
      );
      said = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  bump(city, 'requests open (expiring)');
  const note =
    "expired: one request's window has closed but the expiry sweep has not run yet; it expires within REQUEST_EXPIRY_INTERVAL_MS";
  city.notes.push(note);
  city.log(note);
}

async function ledgerCheck(api: Api, admin: string): Promise<LedgerCheck> {
  const check = await api.call<LedgerCheck>('GET', '/ledger/check', 'check the ledger', {
    token: admin,
  });
  if (!check.balanced) {
    throw new SeedError(`the ledger does not balance: ${JSON.stringify(check)}`);
  }
  return check;
}

/** What an earlier run left: live figures, read back through the API. */
async function describeExisting(
  api: Api,
  admin: string,
  mine: Community[],
): Promise<Array<[string, number]>> {
  const counts: Array<[string, number]> = [
    ['communities', mine.length],
    ['grid units', mine.reduce((s, c) => s + c.gridUnits.length, 0)],
  ];
  for (const status of [
    'open',
    'accepted',
    'completed',
    'confirmed',
    'disputed',
    'cancelled',
    'expired',
  ]) {
    let total = 0;
    for (const community of mine) {
      let cursor: string | null = null;
      do {
        const query: string = `?status=${status}&communityId=${community.id}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page: { items: unknown[]; nextCursor: string | null } = await api.call(
          'GET',
          `/requests${query}`,
          'count requests',
          { token: admin },
        );
        total += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
    }
    counts.push([`requests ${status}`, total]);
  }
  return counts;
}

function newCity(api: Api, admin: string, tag: string, log: (line: string) => void): City {
  return {
    api,
    admin,
    tag,
    rand: random(20150511),
    log,
    communities: [],
    coordinators: [],
    residents: [],
    volunteers: [],
    counts: new Map(),
    notes: [],
    expiring: null,
  };
}

/** One run of the seed: whom it calls as, with which tag, where it says what it did. */
interface SeedRun {
  api: Api;
  admin: string;
  tag: string;
  log: (line: string) => void;
  options: SeedOptions;
  started: number;
}

/** The suite must answer; only the rewards service may be down (the seed then skips it). */
async function expectHealthy(api: Api): Promise<void> {
  const health = await api.send<{ services?: Record<string, string> }>('GET', '/health');
  const down = Object.entries(health.body?.services ?? {}).filter(([, state]) => state !== 'up');
  const onlyRewardsDown = down.length === 1 && down[0][0] === 'rewards';
  if (health.status !== 200 && !onlyRewardsDown) {
    throw new SeedError(
      `the suite is not healthy: GET /health answered ${health.status} ${JSON.stringify(health.body)}`,
    );
  }
}

/** The communities of a demo city with this tag that is already here, in plan order. */
async function demoCommunities({ api, tag }: SeedRun): Promise<Community[]> {
  const existing = await api.call<Community[]>('GET', '/communities', 'list communities');
  const codes = COMMUNITIES.map((_, i) => communityCode(i, tag));
  return existing
    .filter((c) => codes.includes(c.code))
    .sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code));
}

/** Whether the city already has merchants (an offer in the first merchant's community). */
async function hasDemoMerchants({ api, admin }: SeedRun, first: Community): Promise<boolean> {
  const offers = await api.call<{ items: unknown[] }>(
    'GET',
    `/offers?communityId=${first.id}&limit=1`,
    'list the demo offers',
    { token: admin },
  );
  return offers.items.length > 0;
}

/**
 * A city already here is not made twice: it is described, and its merchants are
 * added if the rewards routes did not answer when it was made.
 */
async function resumeExisting(run: SeedRun, mine: Community[]): Promise<SeedResult> {
  const { api, admin, tag, log } = run;
  log(
    `A demo city is already here (${mine.map((c) => c.code).join(', ')}): nothing was created twice.`,
  );
  log('To build another beside it: SEED_TAG=2 npm run seed');
  const notes: string[] = [];
  const missing = await rewardsMissing(api, admin);
  const rewards = missing === null;
  const byCode = (index: number) => mine.find((c) => c.code === communityCode(index, tag));
  const first = byCode(MERCHANTS[0].community);
  let hasMerchants = rewards && first ? await hasDemoMerchants(run, first) : false;
  const counts = await describeExisting(api, admin, mine);
  if (rewards && !hasMerchants && mine.length === COMMUNITIES.length) {
    log('It has no merchants yet and the rewards routes answer now: adding them.');
    const resumed = await resumeForRewards(
      api,
      admin,
      tag,
      log,
      COMMUNITIES.map((_, i) => byCode(i) as Community),
    );
    await playRewards(resumed);
    counts.push(...resumed.counts);
    hasMerchants = true;
  } else if (!rewards) {
    notes.push(rewardsSkipped(missing));
  }
  const ledger = await ledgerCheck(api, admin);
  const found = await findLogins(api, tag, run.options.admin.login, hasMerchants);
  return {
    status: 'existing',
    counts: ordered(counts),
    logins: found.logins,
    password: DEMO_PASSWORD,
    ledger,
    notes,
    communities: mine,
    certificateCode: null,
    voucher: found.voucher,
    calls: api.calls,
    elapsedMs: Date.now() - run.started,
  };
}

/** The whole demo city, told in the order it happens. */
async function buildCity(run: SeedRun): Promise<SeedResult> {
  const { api, admin, tag, log } = run;
  const city = newCity(api, admin, tag, log);

  await makeCommunities(city);
  await makeCoordinators(city);
  await makeVolunteers(city);
  await makeResidents(city);
  await logHours(city);
  await playRequests(city);
  await giveGifts(city);
  const rewards = await playRewards(city);
  await waitForExpiry(city, run.options.expiryWaitMs ?? 75_000);

  const veteran = city.volunteers[0];
  await paid(city, veteran); // its service is paid before its record is read
  const record = await api.call<{ certificateCode: string }>(
    'GET',
    `/volunteers/${veteran.id}/service-record`,
    'service record',
    {
      token: veteran.token,
    },
  );
  const ledger = await ledgerCheck(api, admin);
  const found = await findLogins(api, tag, run.options.admin.login, rewards);
  return {
    status: 'created',
    counts: ordered(city.counts),
    logins: found.logins,
    password: DEMO_PASSWORD,
    ledger,
    notes: city.notes,
    communities: city.communities,
    certificateCode: record.certificateCode,
    voucher: found.voucher,
    calls: api.calls,
    elapsedMs: Date.now() - run.started,
  };
}

export async function runSeed(options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const api = new Api(options.baseUrl.replace(/\/+$/, ''));
  const log = options.log ?? (() => undefined);
  const tag = (options.tag ?? '').toLowerCase();
  if (!/^[a-z0-9]{0,12}$/.test(tag))
    throw new SeedError(`the run tag "${tag}" must be up to 12 letters or digits`);
  await expectHealthy(api);
  const admin = await signIn(api, options.admin.login, options.admin.password);
  const run: SeedRun = { api, admin, tag, log, options, started };
  const mine = await demoCommunities(run);
  return mine.length > 0 ? resumeExisting(run, mine) : buildCity(run);
}
