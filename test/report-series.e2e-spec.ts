/**
 * The community report's series, breakdowns and CSV export, over the shared
 * suite: a month of a community's activity is built through the API (hours
 * served on chosen days of past weeks, requests posted, taken, confirmed and
 * cancelled today, a voucher redeemed), then each view is read back and
 * checked against what was done and against the totals report of the same
 * period.
 */
import {
  addDays,
  cityDate,
  DEFAULT_CITY_TIME_ZONE,
  MAX_REPORT_PERIOD_DAYS,
  weekStartOf,
} from '@app/contracts';
import { api, ok, sharedBaseUrl } from './support/http';
import {
  adminToken,
  approvedOffer,
  Community,
  coordinatorOf,
  credit,
  fundCommunity,
  markPriorityHousehold,
  merchantWithStaff,
  register,
  SignedIn,
  unique,
} from './support/fixtures';
import { claimAndRedeem } from './support/counter';
import { expectProblem } from './support/problems';
import { eventually } from './support/wait';

const NOBODY = '00000000-0000-4000-8000-000000000000';
const HOUR = 3600_000;
/** The shared suite runs with the default city time zone. */
const ZONE = DEFAULT_CITY_TIME_ZONE;
/** A grid unit's name a spreadsheet would run as a formula. */
const FORMULA_NAME = '=HYPERLINK("http://evil.example","第2网格")';

interface Week {
  weekStart: string;
  days: number;
  minutesServed: number;
  requestsPosted: number;
  requestsConfirmed: number;
  medianMinutesToAccept: number | null;
  activeVolunteers: number;
  vouchersRedeemed: number;
}

interface ByCategory {
  requestsPosted: number;
  categories: Array<{
    category: string;
    name: string;
    requestsPosted: number;
    byStatus: Record<string, number>;
  }>;
}

interface GridUnitFigures {
  members: number;
  volunteers: number;
  priorityHouseholds: number;
  requestsPosted: number;
  requestsConfirmed: number;
  minutesServedOnRequests: number;
}

interface ByGridUnit {
  gridUnits: Array<GridUnitFigures & { gridUnitId: string; code: string; name: string }>;
  withoutGridUnit: GridUnitFigures;
}

/** Polls until `check` passes (it throws until then); never a fixed sleep. */

/**
 * A CSV download as bytes: fetch's text() would drop the byte order mark this
 * test must see.
 */
async function download(
  path: string,
  options: { token?: string; language?: string } = {},
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = { 'accept-language': options.language ?? 'en' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(`${sharedBaseUrl()}${path}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF) of a CSV text without its BOM. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect({ trailing: field, open: record }).toEqual({ trailing: '', open: [] });
  return records;
}

let admin: string;
let community: Community;
let coordinator: SignedIn;
let otherCoordinator: SignedIn;
let volunteerInG1: SignedIn;
let today: string;
/** The Monday of this week, and the period: from the Wednesday four weeks back to today. */
let thisMonday: string;
let from: string;
let period: string;

const path = (view: string, query = period) =>
  `/reports/communities/${community.id}${view}${query}`;

async function json<T = any>(view: string, query = period, token = coordinator.token) {
  return ok<T>(await api('GET', path(view, query), { token }), 200, `GET ${view}${query}`);
}

beforeAll(async () => {
  admin = await adminToken();
  const created = await api('POST', '/communities', {
    token: admin,
    body: {
      code: unique('rs'),
      name: `报表社区 ${unique('')}`,
      gridUnits: [
        { code: 'G1', name: '第1网格' },
        { code: 'G2', name: FORMULA_NAME },
      ],
    },
  });
  community = ok(created, 201, 'create community');
  const [g1, g2] = community.gridUnits;
  coordinator = await coordinatorOf(admin, community.id);
  const otherCommunity = ok(
    await api('POST', '/communities', {
      token: admin,
      body: { code: unique('rs'), name: '别的社区', gridUnits: [{ code: 'G1', name: '一' }] },
    }),
    201,
    'create another community',
  );
  otherCoordinator = await coordinatorOf(admin, otherCommunity.id);
  await fundCommunity(admin, community.id, { minutes: 100_000, memo: 'report series e2e' });

  today = cityDate(new Date(), ZONE);
  thisMonday = weekStartOf(today);
  from = addDays(thisMonday, -26);
  period = `?from=${from}&to=${today}`;

  // Who lives where: G1 a resident and a volunteer; G2 a priority household; no grid unit a
  // resident and a volunteer.
  const residentInG1 = await register(community.id, { gridUnitId: g1.id });
  volunteerInG1 = await register(community.id, { gridUnitId: g1.id, roles: ['volunteer'] });
  const priorityInG2 = await register(community.id, { gridUnitId: g2.id });
  const residentNowhere = await register(community.id);
  const volunteerNowhere = await register(community.id, { roles: ['volunteer'] });
  await markPriorityHousehold(coordinator, priorityInG2);
  for (const member of [residentInG1, residentNowhere, volunteerInG1]) {
    await credit(coordinator, member, 1000);
  }

  // Hours served on chosen days: the Monday before the period (left out), its first day,
  // the Friday and Sunday of the third week; weeks 2 and 4 have none.
  const served: Array<[SignedIn, number, string]> = [
    [volunteerInG1, 45, addDays(thisMonday, -28)],
    [volunteerInG1, 60, from],
    [volunteerInG1, 30, addDays(thisMonday, -10)],
    [volunteerNowhere, 90, addDays(thisMonday, -8)],
  ];
  for (const [volunteer, minutes, servedOn] of served) {
    const log = ok(
      await api('POST', '/hours', {
        token: volunteer.token,
        body: { minutes, servedOn, description: '社区巡查' },
      }),
      201,
      'log hours',
    );
    ok(
      await api('POST', `/hours/${log.id}/approve`, { token: coordinator.token }),
      200,
      'approve hours',
    );
  }

  // Requests, today: meals served and confirmed (G1), meals cancelled (G1), escort taken
  // (G2, a priority household's), errands posted from G1 for G2, other still open (no grid unit).
  const post = async (who: SignedIn, category: string, extra: Record<string, unknown> = {}) =>
    ok<{ id: string }>(
      await api('POST', '/requests', {
        token: who.token,
        body: {
          title: '帮忙买菜',
          description: '周末上午',
          category,
          windowStart: new Date(Date.now() + HOUR).toISOString(),
          windowEnd: new Date(Date.now() + 3 * HOUR).toISOString(),
          estimatedMinutes: 90,
          ...extra,
        },
      }),
      201,
      `post ${category}`,
    );
  const served75 = await post(residentInG1, 'meals');
  ok(
    await api('POST', `/requests/${served75.id}/accept`, { token: volunteerInG1.token }),
    200,
    'accept',
  );
  ok(
    await api('POST', `/requests/${served75.id}/complete`, {
      token: volunteerInG1.token,
      body: { minutes: 75 },
    }),
    200,
    'complete',
  );
  ok(
    await api('POST', `/requests/${served75.id}/confirm`, { token: residentInG1.token, body: {} }),
    200,
    'confirm',
  );
  const cancelled = await post(residentInG1, 'meals');
  ok(
    await api('POST', `/requests/${cancelled.id}/cancel`, { token: residentInG1.token }),
    200,
    'cancel',
  );
  const taken = await post(priorityInG2, 'escort');
  ok(
    await api('POST', `/requests/${taken.id}/accept`, { token: volunteerNowhere.token }),
    200,
    'accept',
  );
  await post(residentInG1, 'errands', { gridUnitId: g2.id });
  await post(residentNowhere, 'other');

  // A voucher redeemed today at the community's merchant.
  const merchant = await merchantWithStaff(coordinator.token, community.id);
  const offer = await approvedOffer(coordinator, merchant, { quantity: 5, perMemberLimit: 1 });
  await claimAndRedeem(volunteerInG1, offer.id, merchant.staff);

  // Service reaches the volunteers' records through the ledger's events: wait for all of it.
  await eventually(async () => expect((await json('')).minutesServed).toBe(255));
}, 120_000);

describe('the weekly series', () => {
  it('has every week of the period, Monday first, with what happened in it and zeros elsewhere', async () => {
    const report = await json<{ communityId: string; from: string; to: string; weeks: Week[] }>(
      '/weekly',
    );
    expect(report).toMatchObject({ communityId: community.id, from, to: today });
    const weekStarts = [-28, -21, -14, -7, 0].map((days) => addDays(thisMonday, days));
    expect(report.weeks.map((week) => week.weekStart)).toEqual(weekStarts);
    // The first week starts on a Wednesday of the period; the last ends today.
    expect(report.weeks.map((week) => week.days)).toEqual([
      5,
      7,
      7,
      7,
      ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1,
    ]);
    const [first, second, third, fourth, current] = report.weeks;
    expect(first).toMatchObject({ minutesServed: 60, activeVolunteers: 1 });
    expect(third).toMatchObject({ minutesServed: 120, activeVolunteers: 2 });
    expect(current).toMatchObject({
      minutesServed: 75,
      activeVolunteers: 1,
      requestsPosted: 5,
      requestsConfirmed: 1,
      vouchersRedeemed: 1,
    });
    expect(current.medianMinutesToAccept).toEqual(expect.any(Number));
    for (const empty of [second, fourth]) {
      expect(empty).toMatchObject({
        minutesServed: 0,
        requestsPosted: 0,
        requestsConfirmed: 0,
        medianMinutesToAccept: null,
        activeVolunteers: 0,
        vouchersRedeemed: 0,
      });
    }
    for (const past of [first, third]) {
      expect(past).toMatchObject({ requestsPosted: 0, vouchersRedeemed: 0 });
    }
  });

  it('adds up to the totals report of the same period', async () => {
    const { weeks } = await json<{ weeks: Week[] }>('/weekly');
    const totals = await json('');
    const sum = (key: keyof Week) => weeks.reduce((total, week) => total + Number(week[key]), 0);
    expect({
      minutesServed: sum('minutesServed'),
      requestsPosted: sum('requestsPosted'),
      requestsConfirmed: sum('requestsConfirmed'),
      vouchersRedeemed: sum('vouchersRedeemed'),
      // Only this week had an acceptance, so its median is the period's.
      medianMinutesToAccept: weeks.at(-1)!.medianMinutesToAccept,
    }).toEqual({
      minutesServed: totals.minutesServed,
      requestsPosted: totals.requestsPosted,
      requestsConfirmed: totals.requestsConfirmed,
      vouchersRedeemed: totals.vouchersRedeemed,
      medianMinutesToAccept: totals.medianMinutesToAccept,
    });
    expect(totals).toMatchObject({ minutesServed: 255, activeVolunteers: 2 });
    // A volunteer active in several weeks counts once in the period.
    expect(sum('activeVolunteers')).toBe(4);
  });

  it('counts only the days of the period in its first week', async () => {
    // From the Monday the 45 minutes outside the period were served, the first week holds them.
    const monday = addDays(thisMonday, -28);
    const { weeks } = await json<{ weeks: Week[] }>('/weekly', `?from=${monday}&to=${today}`);
    expect(weeks[0]).toMatchObject({ weekStart: monday, days: 7, minutesServed: 105 });
  });

  it('defaults to the last 30 days, as the totals report does', async () => {
    const report = await json('/weekly', '');
    expect(report).toMatchObject({ from: addDays(today, -29), to: today });
    expect(report.weeks[0].weekStart).toBe(weekStartOf(addDays(today, -29)));
  });
});

describe('requests by category', () => {
  it('counts the requests posted in the period by category and status now, named in the language asked for', async () => {
    const res = await api('GET', path('/requests'), { token: coordinator.token });
    const report = ok<ByCategory>(res, 200, 'by category');
    expect(res.headers['content-language']).toBe('en');
    expect(report.requestsPosted).toBe(5);
    expect(report.categories).toHaveLength(9);
    const counted = Object.fromEntries(
      report.categories
        .filter((c) => c.requestsPosted > 0)
        .map((c) => [
          c.category,
          {
            name: c.name,
            posted: c.requestsPosted,
            byStatus: Object.fromEntries(Object.entries(c.byStatus).filter(([, n]) => n > 0)),
          },
        ]),
    );
    expect(counted).toEqual({
      meals: { name: 'Meals', posted: 2, byStatus: { confirmed: 1, cancelled: 1 } },
      escort: { name: 'Escort to appointments', posted: 1, byStatus: { accepted: 1 } },
      errands: { name: 'Errands', posted: 1, byStatus: { open: 1 } },
      other: { name: 'Other', posted: 1, byStatus: { open: 1 } },
    });
    const zh = ok<ByCategory>(
      await api('GET', path('/requests'), {
        token: coordinator.token,
        headers: { 'accept-language': 'zh-CN' },
      }),
      200,
      'by category in Chinese',
    );
    expect(zh.categories.find((c) => c.category === 'meals')?.name).toBe('助餐送餐');
  });

  it('has nothing for a period before it all', async () => {
    const report = await json<ByCategory>('/requests', '?from=2020-01-01&to=2020-01-31');
    expect(report.requestsPosted).toBe(0);
    expect(report.categories.every((c) => c.requestsPosted === 0)).toBe(true);
  });
});

describe('grid units', () => {
  it("has a row for each grid unit, requests under the request's grid unit, members under their home", async () => {
    const report = await json('/grid-units');
    const [g1, g2] = community.gridUnits;
    expect(report).toEqual({
      communityId: community.id,
      from,
      to: today,
      gridUnits: [
        {
          gridUnitId: g1.id,
          code: 'G1',
          name: '第1网格',
          members: 2,
          volunteers: 1,
          priorityHouseholds: 0,
          requestsPosted: 2,
          requestsConfirmed: 1,
          minutesServedOnRequests: 75,
        },
        {
          gridUnitId: g2.id,
          code: 'G2',
          name: FORMULA_NAME,
          members: 1,
          volunteers: 0,
          priorityHouseholds: 1,
          requestsPosted: 2,
          requestsConfirmed: 0,
          minutesServedOnRequests: 0,
        },
      ],
      withoutGridUnit: {
        members: 2,
        volunteers: 1,
        priorityHouseholds: 0,
        requestsPosted: 1,
        requestsConfirmed: 0,
        minutesServedOnRequests: 0,
      },
    });
  });
});

describe('the CSV export', () => {
  const csv = (query: string, language = 'en', token = coordinator.token) =>
    download(`/reports/communities/${community.id}/export.csv${query}`, { token, language });

  it('is UTF-8 with a BOM, an attachment named in ASCII and in Chinese, its rows the weekly JSON', async () => {
    const res = await csv(period, 'zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(
      `attachment; filename="report-${community.code}-weekly-${from}_${today}.csv"`,
    );
    const utf8Name = /filename\*=UTF-8''([^;]+)$/.exec(disposition)![1];
    expect(decodeURIComponent(utf8Name)).toBe(`${community.name}-每周统计-${from}_${today}.csv`);

    const [header, ...rows] = parseCsv(res.bytes.subarray(3).toString('utf8'));
    expect(header).toEqual([
      '周起始日（周一）',
      '本周计入天数',
      '服务时长（分钟）',
      '发布求助数',
      '确认完成数',
      '接单用时中位数（分钟）',
      '活跃志愿者数',
      '兑换券核销数',
    ]);
    const { weeks } = await json<{ weeks: Week[] }>('/weekly');
    expect(rows).toEqual(
      weeks.map((week) =>
        [
          week.weekStart,
          week.days,
          week.minutesServed,
          week.requestsPosted,
          week.requestsConfirmed,
          week.medianMinutesToAccept ?? '',
          week.activeVolunteers,
          week.vouchersRedeemed,
        ].map(String),
      ),
    );
  });

  it('heads its columns in English when asked, and keeps a formula-like name from being one', async () => {
    const res = await csv(`${period}&view=grid-units`);
    expect(res.status).toBe(200);
    const text = res.bytes.subarray(3).toString('utf8');
    // The cell as it is written: a leading apostrophe, inside quotes since it holds some.
    expect(text).toContain(`G2,"'=HYPERLINK(""http://evil.example"",""第2网格"")",1,0,1,2,0,0\r\n`);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Grid unit code',
      'Grid unit',
      'Members',
      'Volunteers',
      'Priority households',
      'Requests posted',
      'Requests confirmed',
      'Minutes served on requests',
    ]);
    const report = await json<ByGridUnit>('/grid-units');
    const numbers = (row: GridUnitFigures) =>
      [
        row.members,
        row.volunteers,
        row.priorityHouseholds,
        row.requestsPosted,
        row.requestsConfirmed,
        row.minutesServedOnRequests,
      ].map(String);
    expect(rows).toEqual([
      ['G1', '第1网格', ...numbers(report.gridUnits[0])],
      ['G2', `'${FORMULA_NAME}`, ...numbers(report.gridUnits[1])],
      ['', 'No grid unit', ...numbers(report.withoutGridUnit)],
    ]);
  });

  it('exports the requests by category, a column a status', async () => {
    const res = await csv(`${period}&view=requests`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`-requests-${from}_${today}.csv"`);
    const [header, ...rows] = parseCsv(res.bytes.subarray(3).toString('utf8'));
    expect(header).toEqual([
      'Category',
      'Requests posted',
      'Open',
      'Accepted',
      'Completed, to confirm',
      'Confirmed',
      'Disputed',
      'Cancelled',
      'Expired',
    ]);
    expect(rows).toHaveLength(9);
    expect(rows.find((row) => row[0] === 'Meals')).toEqual([
      'Meals',
      '2',
      '0',
      '0',
      '0',
      '1',
      '0',
      '1',
      '0',
    ]);
  });

  it('is refused as the JSON views are, as problem+json', async () => {
    const bad = await csv(`${period}&view=everything`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(bad.bytes.toString('utf8')).errors).toEqual([
      expect.objectContaining({ field: 'view' }),
    ]);
    expect((await csv(period, 'en', otherCoordinator.token)).status).toBe(403);
    expect((await download(`/reports/communities/${community.id}/export.csv`)).status).toBe(401);
  });
});

describe('who may see them', () => {
  const views = ['/weekly', '/requests', '/grid-units', '/export.csv'];

  it("is the community's coordinators and admins, as for the totals report", async () => {
    const volunteer = await register(community.id, { roles: ['volunteer'] });
    for (const view of views) {
      expect((await api('GET', path(view), { token: admin })).status).toBe(200);
      expectProblem(
        await api('GET', path(view), { token: otherCoordinator.token }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await api('GET', path(view), { token: volunteer.token }), 403, 'FORBIDDEN');
      expectProblem(await api('GET', path(view)), 401, 'UNAUTHENTICATED');
      expectProblem(
        await api('GET', `/reports/communities/${NOBODY}${view}`, { token: admin }),
        404,
        'NOT_FOUND',
      );
    }
  });
});

describe('periods', () => {
  it('refuses bad dates, periods that end before they start or last too long, naming the field', async () => {
    const longest = addDays('2026-01-01', MAX_REPORT_PERIOD_DAYS - 1);
    for (const view of ['/weekly', '/requests', '/grid-units', '/export.csv']) {
      for (const [query, field] of [
        ['?from=2026-02-30', 'from'],
        ['?to=yesterday', 'to'],
        ['?from=2026-03-02&to=2026-03-01', 'from'],
        [`?from=2026-01-01&to=${addDays(longest, 1)}`, 'from'],
        ['?from=2000-01-01', 'from'],
        ['?period=week', 'period'],
      ]) {
        expectProblem(
          await api('GET', path(view, query), { token: coordinator.token }),
          400,
          'VALIDATION_FAILED',
          [field],
        );
      }
    }
    const yearLong = await json('/weekly', `?from=2026-01-01&to=${longest}`);
    expect(yearLong.weeks).toHaveLength(53);
  });
});
