/**
 * The coordinator's fund and report and the city's admin, in Chromium at a desktop's
 * size (1280×800, a tablet's where it matters), in Chinese, over the shared suite:
 *  - a coordinator reads the community fund, gives a member credits with a reason (and
 *    is refused the same for themselves), settles a shop's credits back into the fund,
 *    reads the report with its charts (the weekly numbers as the API gives them),
 *    exports it as CSV (UTF-8 with a BOM, Chinese headings) and opens the printable page;
 *  - an admin creates a community with its grid units, allocates credits to its fund,
 *    creates its coordinator, finds the ledger balanced (and a planted fault named), and
 *    sees every community's report side by side.
 */
import { addDays, cityDate, DEFAULT_CITY_TIME_ZONE, weekStartOf } from '@app/contracts';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { animationsDone, launchChromium, look, webOrigin } from './support/browser';
import {
  adminToken,
  approvedOffer,
  BOOTSTRAP_ADMIN,
  Community,
  createCommunity,
  createMember,
  fundCommunity,
  login,
  merchantWithStaff,
  register,
  SignedIn,
  unique,
} from './support/fixtures';
import { api, ok } from './support/http';
import { eventually } from './support/wait';

const HOUR = 3_600_000;
/** Each look() runs axe-core twice; a journey of a dozen looks needs minutes on a busy machine. */
const JOURNEY_MS = 300_000;
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Week {
  weekStart: string;
  minutesServed: number;
  requestsPosted: number;
  activeVolunteers: number;
  vouchersRedeemed: number;
}

interface Desk {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A desktop browser window of its own (cookies, storage), in Chinese, in the city's time zone. */
async function openDesk(browser: Browser): Promise<Desk> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: webOrigin(),
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors, close: () => context.close() };
}

/** Opens `path` signed out, signs in on the page it leads to, and comes back to `path`. */
async function signInAt(page: Page, path: string, who: { login: string; password: string }) {
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.locator('input[name="login"]').fill(who.login);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Minutes as the app writes them in Chinese (formatMinutes). */
function minutesText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const whole = Math.abs(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${sign}${m} 分钟`;
  return m === 0 ? `${sign}${h} 小时` : `${sign}${h} 小时 ${m} 分钟`;
}

/** Waits until the element shows exactly `value` (figures load and change asynchronously). */
async function shows(page: Page, testId: string, value: string): Promise<void> {
  const exactly = new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.getByTestId(testId).filter({ hasText: exactly }).first().waitFor();
}

/** The Idempotency-Key of every POST the page sends to a path matching `path`. */
function keysSentTo(page: Page, path: RegExp): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && path.test(new URL(request.url()).pathname)) {
      keys.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  return keys;
}

/** Confirms the open dialog with its `button`, after its opening animation (axe, clicks). */
async function confirmDialog(page: Page, button: string): Promise<void> {
  const dialog = page.locator('.van-dialog');
  await dialog.waitFor();
  await animationsDone(page);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Polls until `check` passes (it throws until then); never a fixed sleep. */

describe('web app: the console’s fund and report, and the admin', () => {
  let browser: Browser;
  let admin: string;
  let community: Community;
  let coordinator: SignedIn;
  let resident: SignedIn;
  let merchant: { id: string; name: string };
  /** The report page's default period: the last 4 weeks from Monday, this week so far the last. */
  let from: string;
  let today: string;

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await adminToken();
    community = await createCommunity(admin, 2);
    const [g1, g2] = community.gridUnits;
    coordinator = await createMember(admin, {
      communityId: community.id,
      roles: ['coordinator'],
      coordinatorOf: [community.id],
      displayName: '周主任',
    });
    await fundCommunity(admin, community.id, {
      minutes: 6000,
      memo: '开办拨款',
      key: unique('allocate'),
    });
    resident = await register(community.id, { displayName: '刘桂兰', gridUnitId: g1.id });
    const volunteer = await register(community.id, {
      displayName: '钱志强',
      gridUnitId: g2.id,
      roles: ['volunteer'],
    });
    ok(
      await api('POST', `/members/${resident.member.id}/adjustments`, {
        token: coordinator.token,
        headers: { 'idempotency-key': unique('adjust') },
        body: { minutes: 120, reason: '开户积分' },
      }),
      201,
      'opening credits',
    );

    // Service on chosen days of the last 4 weeks: 60, 90 and 45 minutes, none this week.
    today = cityDate(new Date(), DEFAULT_CITY_TIME_ZONE);
    const monday = weekStartOf(today);
    from = addDays(monday, -21);
    for (const [minutes, servedOn] of [
      [60, from],
      [90, addDays(monday, -14)],
      [45, addDays(monday, -5)],
    ] as const) {
      const log = ok(
        await api('POST', '/hours', {
          token: volunteer.token,
          body: { minutes, servedOn, description: '陪老人散步' },
        }),
        201,
        'log hours',
      );
      ok(
        await api('POST', `/hours/${log.id}/approve`, {
          token: coordinator.token,
          headers: { 'idempotency-key': unique('approve') },
        }),
        200,
        'approve hours',
      );
    }

    // A request posted today, and a voucher redeemed at the community's shop (its 30 minutes
    // are what the coordinator settles).
    ok(
      await api('POST', '/requests', {
        token: resident.token,
        headers: { 'idempotency-key': unique('request') },
        body: {
          title: '帮忙取药',
          description: '社区医院，下午',
          category: 'errands',
          windowStart: new Date(Date.now() + HOUR).toISOString(),
          windowEnd: new Date(Date.now() + 3 * HOUR).toISOString(),
          estimatedMinutes: 30,
        },
      }),
      201,
      'post a request',
    );
    const name = `松鹤药房 ${unique('m').slice(2, 6)}`;
    const shop = await merchantWithStaff(coordinator.token, community.id, name);
    merchant = { id: shop.id, name };
    const offer = await approvedOffer(coordinator, shop, {
      title: '血压计测量一次',
      description: '免费测量',
      discount: { kind: 'item', value: '测量一次' },
      quantity: 5,
      perMemberLimit: 1,
    });
    const voucher = ok(
      await api('POST', `/offers/${offer.id}/claim`, {
        token: resident.token,
        headers: { 'idempotency-key': unique('claim') },
      }),
      201,
      'claim',
    );
    ok(
      await api('POST', '/vouchers/redeem', {
        token: shop.staff.token,
        headers: { 'idempotency-key': unique('redeem') },
        body: { code: voucher.code },
      }),
      200,
      'redeem',
    );

    // Service reaches the report through the ledger's events: wait until all of it has.
    await eventually(async () => {
      const report = await api(
        'GET',
        `/reports/communities/${community.id}?from=${from}&to=${today}`,
        { token: coordinator.token },
      );
      expect(report.body).toMatchObject({ minutesServed: 195, vouchersRedeemed: 1 });
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a coordinator reads the fund, adjusts a member’s credits (never their own), settles a shop, and reads, exports and prints the report',
    async () => {
      const desk = await openDesk(browser);
      const page = desk.page;
      try {
        const adjustKeys = keysSentTo(page, /\/api\/v1\/members\/[^/]+\/adjustments$/);
        const settleKeys = keysSentTo(page, /\/api\/v1\/merchants\/[^/]+\/settlements$/);
        const fund = ok(
          await api('GET', `/communities/${community.id}/fund`, { token: coordinator.token }),
          200,
          'fund',
        );
        // 6000 allocated, 120 opening credits, 195 minutes of service paid.
        expect(fund.balanceMinutes).toBe(6000 - 120 - 195);
        const balance = fund.balanceMinutes as number;

        // The fund, as the API gives it.
        await signInAt(page, '/console/fund', coordinator);
        await shows(page, 'fund-balance', minutesText(balance));
        await shows(page, 'fund-held', minutesText(fund.heldMinutes));
        await shows(page, 'fund-available', minutesText(fund.availableMinutes));
        await page.getByRole('heading', { name: '基金收支' }).waitFor();
        await page.getByText('市里拨款和积分调整的完整记录暂时还不能在这里查看').waitFor();
        await page.getByText('本社区的商户还没有结算过').waitFor();
        await look(page, 'coordinator', 'fund');

        // 45 minutes to a member found by name, with the reason: the fund goes down on screen.
        await page.getByRole('searchbox', { name: '居民' }).fill('刘桂兰');
        await page.getByRole('button', { name: '查找' }).click();
        await page.getByRole('button', { name: /刘桂兰/ }).click();
        await page.getByTestId('chosen-member').getByText('刘桂兰').waitFor();
        await page.getByLabel('分钟数', { exact: true }).fill('45');
        await page.getByLabel('原因').fill('补记 11 月 3 日陪同就医');
        await page.getByRole('button', { name: '调整积分' }).click();
        await page.locator('.van-dialog').getByText('从社区基金补发 45 分钟 给 刘桂兰').waitFor();
        await look(page, 'coordinator', 'fund-confirm');
        await confirmDialog(page, '确认调整');
        await shows(page, 'adjust-done', '已补发 45 分钟 给 刘桂兰');
        await shows(page, 'fund-balance', minutesText(balance - 45));
        const movements = page.getByTestId('movements');
        await movements.getByText('−45 分钟').waitFor();
        await movements.getByText('补记 11 月 3 日陪同就医').waitFor();
        const account = await api('GET', '/accounts/me', { token: resident.token });
        expect(account.body.balanceMinutes).toBe(120 - 30 + 45);

        // To themselves: the API refuses, the page says why, and nothing typed is lost.
        await page.getByRole('button', { name: '换一位' }).click();
        await page.getByRole('searchbox', { name: '居民' }).fill('周主任');
        await page.getByRole('button', { name: '查找' }).click();
        await page.getByRole('button', { name: /周主任/ }).click();
        await page.getByLabel('分钟数', { exact: true }).fill('20');
        await page.getByLabel('原因').fill('给自己补记');
        await page.getByRole('button', { name: '调整积分' }).click();
        await confirmDialog(page, '确认调整');
        await page
          .getByTestId('adjust-failure')
          .getByText('不能调整自己的账户，请由另一位协调员办理')
          .waitFor();
        expect(await page.getByLabel('原因').inputValue()).toBe('给自己补记');
        expect(await page.getByLabel('分钟数', { exact: true }).inputValue()).toBe('20');
        await shows(page, 'fund-balance', minutesText(balance - 45));
        await look(page, 'coordinator', 'fund-refused');
        // Two intents, two keys: the refused one was never the first one replayed.
        expect(adjustKeys).toHaveLength(2);
        expect(adjustKeys.every((key) => UUID.test(key))).toBe(true);
        expect(adjustKeys[0]).not.toBe(adjustKeys[1]);

        // The shop's 30 minutes back into the fund.
        await page.locator('select[name="merchant"]').selectOption({ label: merchant.name });
        await page.getByLabel('备注（可不填）').fill('11 月结算');
        await page.getByRole('button', { name: '结算', exact: true }).click();
        await page.locator('.van-dialog').getByText(`把 ${merchant.name} 现有的全部积分`).waitFor();
        await confirmDialog(page, '确认结算');
        await shows(page, 'settle-done', `${merchant.name} 已结算 30 分钟，积分已回到社区基金`);
        await shows(page, 'fund-balance', minutesText(balance - 45 + 30));
        await movements.getByText('+30 分钟').waitFor();
        const settled = page.getByTestId('settlements').locator('tbody tr');
        await settled.first().waitFor();
        expect(await settled.count()).toBe(1);
        expect((await settled.first().innerText()).split('\t').slice(1)).toEqual([
          merchant.name,
          '+30 分钟',
          '11 月结算',
          '周主任',
        ]);
        expect(settleKeys).toHaveLength(1);
        expect(settleKeys[0]).toMatch(UUID);
        await look(page, 'coordinator', 'fund-settled');
        await page.setViewportSize(TABLET);
        await look(page, 'coordinator', 'fund-tablet');
        await page.setViewportSize(DESKTOP);

        // The report of the last 4 weeks: charts drawn, and the weeks as the API counts them.
        await page.getByRole('link', { name: '社区报表' }).click();
        await page.waitForURL(/\/console\/report/);
        const weekly = ok<{ weeks: Week[] }>(
          await api('GET', `/reports/communities/${community.id}/weekly?from=${from}&to=${today}`, {
            token: coordinator.token,
          }),
          200,
          'weekly',
        );
        expect(weekly.weeks.map((w) => w.minutesServed)).toEqual([60, 90, 45, 0]);
        const table = page.getByTestId('weekly-table');
        await table.waitFor();
        for (const week of weekly.weeks) {
          const row = table.locator(`tr[data-week="${week.weekStart}"]`);
          const cell = (column: string) => row.locator(`td[data-column="${column}"]`).innerText();
          expect(await cell('minutesServed')).toBe(minutesText(week.minutesServed));
          expect(await cell('requestsPosted')).toBe(String(week.requestsPosted));
          expect(await cell('activeVolunteers')).toBe(String(week.activeVolunteers));
          expect(await cell('vouchersRedeemed')).toBe(String(week.vouchersRedeemed));
        }
        await shows(page, 'total-minutes-served', '3 小时 15 分钟');
        await shows(page, 'total-vouchers-redeemed', '1');
        for (const chart of ['minutes', 'requests', 'median', 'volunteers', 'vouchers']) {
          const canvas = page.getByTestId(`chart-${chart}`).locator('canvas');
          await canvas.first().waitFor();
          const box = await canvas.first().boundingBox();
          expect(box?.width).toBeGreaterThan(100);
        }
        await page
          .getByRole('img', { name: /每周服务时长（小时）: 4 周共服务 3 小时 15 分钟/ })
          .waitFor();
        // The grid units sort by any column.
        const grid = page.getByTestId('grid-table');
        const firstUnit = () => grid.locator('tbody tr').first().getAttribute('data-grid-unit');
        expect(await firstUnit()).toBe('G1');
        await grid.getByRole('button', { name: /发布求助/ }).click();
        expect(await grid.locator('th[aria-sort="descending"]').count()).toBe(1);
        expect(await firstUnit()).toBe('G1'); // G1's resident posted the request
        await grid.getByRole('button', { name: /^网格/ }).click();
        await grid.getByRole('button', { name: /^网格/ }).click();
        expect(await firstUnit()).toBe('G2');
        await look(page, 'coordinator', 'report');

        // The CSV: fetched with the token, saved under the API's name, opened right by Excel.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: '导出表格（CSV）' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(
          `${community.name}-每周统计-${from}_${today}.csv`,
        );
        const bytes = readFileSync(await download.path());
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const [heading, ...rows] = bytes.subarray(3).toString('utf8').split('\r\n');
        expect(heading.split(',').slice(0, 3)).toEqual([
          '周起始日（周一）',
          '本周计入天数',
          '服务时长（分钟）',
        ]);
        expect(rows[1].split(',').slice(0, 3)).toEqual([weekly.weeks[1].weekStart, '7', '90']);
        await page.getByTestId('exported').getByText(download.suggestedFilename()).waitFor();

        await page.setViewportSize(TABLET);
        await look(page, 'coordinator', 'report-tablet');
        await page.setViewportSize(DESKTOP);

        // The printable page: no menu, the charts drawn at paper width, then the tables.
        await page.getByRole('link', { name: '打印版' }).click();
        await page.waitForURL(/\/console\/report\/print\?/);
        await page.getByTestId('weekly-table').waitFor();
        expect(await page.locator('.tb-console').count()).toBe(0);
        await page.getByRole('heading', { name: `社区报表：${community.name}` }).waitFor();
        expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(5);
        await look(page, 'coordinator', 'report-print');
        await page.evaluate(() => {
          (window as unknown as { printed: number }).printed = 0;
          window.print = () => void (window as unknown as { printed: number }).printed++;
        });
        await page.getByRole('button', { name: '打印', exact: true }).click();
        expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(
          1,
        );
        await page.emulateMedia({ media: 'print' });
        expect(await page.getByRole('link', { name: '返回报表' }).isVisible()).toBe(false);
        expect(await page.getByRole('button', { name: '打印', exact: true }).isVisible()).toBe(
          false,
        );
        for (const chart of await page.locator('figure canvas').all()) {
          expect(await chart.isVisible()).toBe(true);
          const box = await chart.boundingBox();
          // Drawn for paper: no wider than A4's printable width (~180 mm ≈ 680 px).
          expect(box!.width).toBeLessThanOrEqual(690);
        }
        await page.emulateMedia({ media: null });
        await page.getByRole('link', { name: '返回报表' }).click();
        await page.waitForURL(/\/console\/report\?/);
        await page.getByTestId('weekly-table').waitFor();
        expect(desk.errors).toEqual([]);
      } finally {
        await desk.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'an admin sets up a community: grid units, its fund, its coordinator; checks the ledger and reads every report',
    async () => {
      const desk = await openDesk(browser);
      const page = desk.page;
      const code = unique('sl');
      const name = `松林社区 ${code.slice(3)}`;
      const coordinatorEmail = `${unique('coord')}@example.cn`;
      try {
        const allocateKeys = keysSentTo(page, /\/api\/v1\/communities\/[^/]+\/fund\/allocations$/);
        await signInAt(page, '/admin', {
          login: BOOTSTRAP_ADMIN.login,
          password: BOOTSTRAP_ADMIN.password,
        });
        await page.getByTestId('communities').waitFor();
        await look(page, 'admin', 'communities');

        // A community with two grid units, typed in one go; the page says they cannot be added later.
        await page.getByText('社区建好后，暂时还不能再增加网格').waitFor();
        await page.getByLabel('社区名称').fill(name);
        await page.getByLabel('社区代码').fill(code);
        await page.getByLabel('网格 1 名称').fill('东区');
        await page.getByRole('button', { name: '再加一个网格' }).click();
        await page.getByLabel('网格 2 名称').fill('西区');
        expect(await page.getByLabel('网格 2 代码').inputValue()).toBe('G2');
        await page.getByRole('button', { name: '新建社区' }).click();
        await shows(page, 'community-created', `已新建 ${name}，共 2 个网格`);
        const row = page.getByTestId('communities').locator(`tr[data-code="${code}"]`);
        await row.getByText('东区').waitFor();
        await row.getByText('西区').waitFor();
        const created = ok<Community[]>(await api('GET', '/communities'), 200, 'communities').find(
          (c) => c.code === code,
        ) as Community;
        expect(created.gridUnits.map((g) => [g.code, g.name])).toEqual([
          ['G1', '东区'],
          ['G2', '西区'],
        ]);
        await look(page, 'admin', 'community-created');

        // Its fund: 200 hours from the city.
        await page.getByRole('link', { name: '基金拨付' }).click();
        await page.waitForURL(/\/admin\/funds$/);
        const fundRow = page.getByTestId('funds').locator(`tr[data-code="${code}"]`);
        await fundRow.locator('td[data-column="balance"]').getByText('0 分钟').waitFor();
        await look(page, 'admin', 'funds');
        await fundRow.getByRole('button', { name: `给 ${name} 拨付` }).click();
        expect(await page.locator('select[name="communityId"]').inputValue()).toBe(created.id);
        await page.getByLabel('拨付分钟数').fill('12000');
        await page.getByText('即 200 小时').waitFor();
        await page.getByLabel('备注（可不填）').fill('2026 年第四季度拨付');
        await page.getByRole('button', { name: '拨付', exact: true }).click();
        await shows(page, 'allocated', `已给 ${name} 拨付 200 小时`);
        await fundRow.locator('td[data-column="balance"]').getByText('200 小时').waitFor();
        expect(allocateKeys).toHaveLength(1);
        expect(allocateKeys[0]).toMatch(UUID);
        const fund = ok(
          await api('GET', `/communities/${created.id}/fund`, { token: admin }),
          200,
          'fund',
        );
        expect(fund.balanceMinutes).toBe(12000);
        await look(page, 'admin', 'funds-allocated');

        // Its coordinator, who can then sign in and serves that community.
        await page.getByRole('link', { name: '社区工作人员' }).click();
        await page.waitForURL(/\/admin\/coordinators$/);
        await page.getByTestId('coordinators').waitFor();
        await look(page, 'admin', 'coordinators');
        await page.getByLabel('姓名').fill('吴主任');
        await page.getByLabel('邮箱').fill(coordinatorEmail);
        await page.getByRole('button', { name: '生成一个' }).click();
        const password = await page.getByLabel('初始密码').inputValue();
        expect(password.length).toBeGreaterThanOrEqual(10);
        await page.getByRole('checkbox', { name, exact: true }).check();
        expect(await page.locator('select[name="communityId"]').inputValue()).toBe(created.id);
        await page.getByRole('button', { name: '新建协调员' }).click();
        const done = page.getByTestId('coordinator-created');
        await done.getByText(`已新建协调员 吴主任，登录账号 ${coordinatorEmail}。`).waitFor();
        await done.getByText(password).waitFor();
        const listed = page
          .getByTestId('coordinators')
          .locator('tr', { hasText: coordinatorEmail });
        await listed.getByText(name).waitFor();
        await look(page, 'admin', 'coordinator-created');
        const token = await login(coordinatorEmail, password);
        const me = ok(await api('GET', '/me', { token }), 200, 'me');
        expect(me).toMatchObject({ roles: ['coordinator'], coordinatorOf: [created.id] });

        // The tiers, read-only, and where they are set.
        await page.getByRole('link', { name: '星级标准' }).click();
        await page.waitForURL(/\/admin\/tiers$/);
        const tiers = ok<Array<{ name: string; minMinutes: number }>>(
          await api('GET', '/tiers', { headers: { 'accept-language': 'zh-CN' } }),
          200,
          'tiers',
        );
        await page.getByTestId('tiers').getByText(tiers[1].name).waitFor();
        await shows(
          page,
          'tier-setting',
          `TIER_THRESHOLDS_HOURS=${tiers
            .filter((t) => t.minMinutes > 0)
            .map((t) => t.minMinutes / 60)
            .join(',')}`,
        );
        await look(page, 'admin', 'tiers');

        // The ledger: balanced, in large type; a fault planted in the tables is named.
        await page.getByRole('link', { name: '账目核对' }).click();
        await page.waitForURL(/\/admin\/ledger$/);
        await shows(page, 'ledger-verdict', '账目平衡');
        await shows(page, 'ledger-total', '0 分钟');
        const check = ok(await api('GET', '/ledger/check', { token: admin }), 200, 'check');
        await shows(page, 'ledger-accounts', String(check.accounts));
        await shows(page, 'ledger-transfers', String(check.transfers));
        await page.getByText('没有发现问题。').waitFor();
        await look(page, 'admin', 'ledger');
        const db = new Client({ connectionString: process.env.TB_DATABASE_URL });
        await db.connect();
        try {
          await db.query('UPDATE accounting.accounts SET balance = balance + 7 WHERE id = $1', [
            fund.accountId,
          ]);
          await page.getByRole('button', { name: '重新核对' }).click();
          await shows(page, 'ledger-verdict', '账目不平衡');
          await page.getByTestId('violations').getByText(fund.accountId).first().waitFor();
          await page.getByTestId('violations').getByText('账户余额与它的明细合计不符').waitFor();
          await look(page, 'admin', 'ledger-unbalanced');
        } finally {
          await db.query('UPDATE accounting.accounts SET balance = balance - 7 WHERE id = $1', [
            fund.accountId,
          ]);
          await db.end();
        }
        await page.getByRole('button', { name: '重新核对' }).click();
        await shows(page, 'ledger-verdict', '账目平衡');

        // Every community's report for the same period, side by side.
        await page.getByRole('link', { name: '各社区报表' }).click();
        await page.waitForURL(/\/admin\/reports/);
        const reports = page.getByTestId('reports');
        const ours = reports.locator(`tr[data-code="${community.code}"]`);
        await ours.locator('td[data-column="minutesServed"]').getByText('3 小时 15 分钟').waitFor();
        const totals = ok(
          await api('GET', `/reports/communities/${community.id}?from=${from}&to=${today}`, {
            token: admin,
          }),
          200,
          'report',
        );
        const cell = (column: string) => ours.locator(`td[data-column="${column}"]`).innerText();
        expect(await cell('requestsPosted')).toBe(String(totals.requestsPosted));
        expect(await cell('activeVolunteers')).toBe(String(totals.activeVolunteers));
        expect(await cell('vouchersRedeemed')).toBe(String(totals.vouchersRedeemed));
        const theNewOne = reports.locator(`tr[data-code="${code}"]`);
        await theNewOne.locator('td[data-column="minutesServed"]').getByText('0 分钟').waitFor();
        expect(await reports.locator('tbody tr').count()).toBe(
          ok(await api('GET', '/communities'), 200, 'communities').length,
        );
        await look(page, 'admin', 'reports');
        expect(desk.errors).toEqual([]);
      } finally {
        await desk.close();
      }
    },
    JOURNEY_MS,
  );
});
