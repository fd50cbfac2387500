/// <reference lib="dom" />
/**
 * A coordinator's week from the console alone, in Chromium at a desktop's size
 * (1280×800; the queue once more on an upright tablet, 820×1180), in Chinese:
 * hours approved two at once (their own log refused, and said why) and one sent
 * back with a reason; a dispute settled; an offer approved; the menu's count
 * following; a member found by part of their name, by card number and by grid
 * unit; a priority household marked; a temporary password shown once, with which
 * the member signs in and is sent to choose their own; an account suspended and
 * reinstated; a member card printed (its QR code read back, the paper's size from
 * the page); for a resident without a phone, a request posted, marked on her
 * list as posted by the coordinator, found in the queue once done and confirmed
 * for her, its record naming who acted for whom, and another disputed for her,
 * which the same coordinator may not then settle.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  launchChromium,
  look,
  openPhone,
  qrText,
  reloadUntil,
  settled,
  signIn,
  webOrigin,
} from './support/browser';
import {
  adminToken,
  createCommunity,
  createMember,
  fundCommunity,
  merchantWithStaff,
  register,
  type Community,
  type SignedIn,
  uniquePhone,
} from './support/fixtures';
import { api, ok } from './support/http';
import { until } from './support/wait';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const DESK = { width: 1280, height: 800 };
const TABLET = { width: 820, height: 1180 };
/** Several pages, each checked by axe twice, on a shared two-core machine. */
const JOURNEY_MS = 300_000;

/** A day `back` days before today (UTC), as YYYY-MM-DD: always in the city's past. */
function pastDay(back: number): string {
  return new Date(Date.now() - back * DAY).toISOString().slice(0, 10);
}

/** A desk: a browser context at a desktop's size with the app's language and the city's zone. */
async function openDesk(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: DESK,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: webOrigin(),
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}

/** Waits until `locator` finds exactly `n` elements. */
async function countIs(locator: Locator, n: number): Promise<void> {
  await until(
    `${String(locator)} × ${n}`,
    () => locator.count(),
    (found) => found === n,
  );
}

/** The size of the first page of the page printed as the page itself asks (@page), in mm. */
async function printedPaper(page: Page): Promise<{ width: number; height: number }> {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
    'latin1',
  );
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  if (!box) throw new Error('no MediaBox in the printed PDF');
  const mm = (pt: string) => Math.round((Number(pt) * 25.4) / 72);
  return { width: mm(box[1]), height: mm(box[2]) };
}

/**
 * A page the coordinator passes through, screenshot and axe (browser.ts), once a
 * passing "done" toast has faded: it would be measured half transparent.
 */
async function lookAt(page: Page, name: string): Promise<void> {
  await page.locator('.van-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
  await look(page, 'coordinator', name);
}

/** The console menu's entry for the queue, named with what waits ("待办 3 项待处理"). */
const queueEntry = (page: Page) =>
  page.getByRole('navigation').getByRole('link', { name: /^待办/ });

describe('web app: the coordinator’s console', () => {
  let browser: Browser;
  let desk: { context: BrowserContext; page: Page };
  let admin: string;
  let community: Community;
  let coordinator: SignedIn;
  const logs: Record<'a' | 'b' | 'c' | 'own', string> = { a: '', b: '', c: '', own: '' };
  let disputed: { id: string };
  let offer: { id: string; title: string };
  let neighbour: SignedIn;
  let noPhone: SignedIn;
  let helper: SignedIn;

  async function logHours(who: SignedIn, minutes: number, back: number, description: string) {
    return ok<{ id: string }>(
      await api('POST', '/hours', {
        token: who.token,
        body: { minutes, servedOn: pastDay(back), description },
      }),
      201,
      'log hours',
    ).id;
  }

  async function give(who: SignedIn, minutes: number): Promise<void> {
    ok(
      await api('POST', `/members/${who.member.id}/adjustments`, {
        token: admin,
        body: { minutes, reason: 'opening balance' },
      }),
      201,
      'adjustment',
    );
  }

  async function postFor(resident: SignedIn, title: string): Promise<{ id: string }> {
    return ok(
      await api('POST', '/requests', {
        token: resident.token,
        body: {
          title,
          description: '',
          category: 'cleaning',
          windowStart: new Date(Date.now() + 2 * HOUR).toISOString(),
          windowEnd: new Date(Date.now() + 5 * HOUR).toISOString(),
          estimatedMinutes: 120,
        },
      }),
      201,
      'post request',
    );
  }

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await adminToken();
    community = await createCommunity(admin, 2);
    // Also a volunteer: their own log waits in their own queue, for another coordinator.
    coordinator = await createMember(admin, {
      communityId: community.id,
      roles: ['coordinator', 'volunteer'],
      coordinatorOf: [community.id],
      displayName: '张淑华',
    });
    await fundCommunity(admin, community.id, { minutes: 100_000, memo: 'web console e2e' });
    const volunteer = (displayName: string) =>
      register(community.id, { displayName, roles: ['volunteer'], phone: uniquePhone() });
    const [a, b, c] = await Promise.all([
      volunteer('周博文'),
      volunteer('胡国华'),
      volunteer('林晓东'),
    ]);
    helper = a;
    logs.a = await logHours(a, 120, 2, '重阳节敬老活动布置');
    logs.b = await logHours(b, 90, 3, '超市整理捐赠物资');
    logs.c = await logHours(c, 300, 4, '独居老人入户探访');
    logs.own = await logHours(coordinator, 60, 2, '社区垃圾分类宣传');

    // A dispute: the volunteer reported two hours, the resident says half an hour.
    const requester = await register(community.id, { displayName: '赵国华', phone: uniquePhone() });
    await give(requester, 300);
    disputed = await postFor(requester, '打扫厨房和阳台');
    ok(await api('POST', `/requests/${disputed.id}/accept`, { token: b.token }), 200, 'accept');
    ok(
      await api('POST', `/requests/${disputed.id}/complete`, {
        token: b.token,
        body: { minutes: 120, note: '已完成' },
      }),
      200,
      'complete',
    );
    ok(
      await api('POST', `/requests/${disputed.id}/dispute`, {
        token: requester.token,
        body: { reason: '只来了半小时，不是登记的那么久' },
      }),
      200,
      'dispute',
    );

    // An offer a shop of the community published, waiting for approval.
    const merchant = await merchantWithStaff(coordinator.token, community.id, '青山豆浆铺');
    offer = ok(
      await api('POST', `/merchants/${merchant.id}/offers`, {
        token: merchant.staff.token,
        body: {
          title: '豆浆油条套餐',
          description: '早上七点到十点',
          discount: { kind: 'item', value: '豆浆一杯' },
          creditCostMinutes: 30,
          minTier: 0,
          validFrom: new Date(Date.now() - HOUR).toISOString(),
          validUntil: new Date(Date.now() + 30 * DAY).toISOString(),
          quantity: 40,
          perMemberLimit: 2,
        },
      }),
      201,
      'offer',
    );

    neighbour = await register(community.id, {
      displayName: '欧阳明珠',
      phone: uniquePhone(),
      gridUnitId: community.gridUnits[1].id,
    });
    // No phone: registered by e-mail, and never signs in on a phone of her own.
    noPhone = await register(community.id, { displayName: '钱桂兰' });
    await give(noPhone, 240);

    desk = await openDesk(browser);
    await signIn(desk.page, coordinator.login, coordinator.password);
  });

  afterAll(async () => {
    await desk?.context.close();
    await browser?.close();
  });

  it(
    'the queue: two logs approved at once (the own one refused, and why), one sent back with a reason, a dispute settled, an offer approved, and the menu counts down',
    async () => {
      const { page } = desk;
      await page.goto('/console');
      await page.getByRole('heading', { name: '待审核的服务时长' }).waitFor();
      const table = page.getByTestId('hours-table');
      await table.getByRole('row').nth(4).waitFor();
      // 4 logs, 1 dispute, 1 offer.
      await queueEntry(page).getByText('6', { exact: true }).waitFor();
      expect(await queueEntry(page).getAttribute('aria-current')).toBe('page');
      await page.getByText('豆浆油条套餐').waitFor();
      await lookAt(page, 'console-queue');

      // An upright tablet: the menu goes on top, the work below it.
      await page.setViewportSize(TABLET);
      await settled(page);
      const menuBox = await page.getByRole('navigation', { name: '社区工作台' }).boundingBox();
      const tableBox = await table.boundingBox();
      expect(menuBox!.y + menuBox!.height).toBeLessThanOrEqual(tableBox!.y);
      await lookAt(page, 'console-queue-tablet');
      await page.setViewportSize(DESK);

      await table
        .getByRole('row', { name: /张淑华/ })
        .getByText('您自己的，需另一位协调员审核')
        .waitFor();

      // Two volunteers' logs and the coordinator's own, approved at once.
      await page.getByRole('checkbox', { name: /^选择：周博文/ }).check();
      await page.getByRole('checkbox', { name: /^选择：胡国华/ }).check();
      await page.getByRole('checkbox', { name: /^选择：张淑华/ }).check();
      await page.getByText('已选 3 条，共 4 小时 30 分钟').waitFor();
      await page.getByRole('button', { name: '批准所选（3）' }).click();
      const ask = page.getByRole('dialog', { name: '批准服务时长' });
      await ask.getByText('社区基金将把时间积分付给志愿者').waitFor();
      await ask.getByRole('button', { name: '批准 3 条' }).click();
      const results = page.getByTestId('review-results');
      await results.getByText('已批准 2 条。').waitFor();
      await results.getByText('1 条没有处理成功').waitFor();
      await results
        .locator('[data-outcome="refused"]')
        .getByText(/张淑华/)
        .waitFor();
      await results.getByText('协调员不能审核自己的服务时长，请由另一位协调员审核').waitFor();
      expect(await results.locator('[data-outcome="approved"]').count()).toBe(2);
      await countIs(table.getByRole('row'), 3);
      await lookAt(page, 'console-queue-approved');

      // One sent back, with the reason the volunteer will read.
      await page.getByRole('button', { name: '退回 林晓东 的服务时长' }).click();
      const reject = page.getByRole('dialog', { name: '退回服务时长（1 条）' });
      await reject.getByRole('button', { name: '退回 1 条' }).click();
      await reject.getByText('请写明退回的原因').waitFor();
      await reject.getByRole('textbox').fill('活动签到表上没有这次服务，请补充照片');
      await lookAt(page, 'console-queue-reject');
      await reject.getByRole('button', { name: '退回 1 条' }).click();
      await results.getByText('已退回 1 条。').waitFor();
      await reject.waitFor({ state: 'hidden' });
      await countIs(table.getByRole('row'), 2);

      const logOf = async (id: string) =>
        ok<{ status: string }>(await api('GET', `/hours/${id}`, { token: admin }), 200, 'log');
      expect((await logOf(logs.a)).status).toBe('approved');
      expect((await logOf(logs.b)).status).toBe('approved');
      expect(await logOf(logs.c)).toMatchObject({
        status: 'rejected',
        rejectionReason: '活动签到表上没有这次服务，请补充照片',
      });
      expect((await logOf(logs.own)).status).toBe('pending');

      // The dispute: half an hour paid, with a note both parties read.
      const dispute = page.locator(`[data-request="${disputed.id}"]`);
      await dispute.getByText('只来了半小时，不是登记的那么久').waitFor();
      const minutes = dispute.getByRole('textbox', { name: '付给志愿者的时长' });
      await minutes.fill('30');
      await minutes.blur();
      await dispute.getByRole('textbox', { name: '处理说明' }).fill('已电话核实，实际服务半小时');
      await dispute.getByRole('button', { name: '处理完毕' }).click();
      const settle = page.getByRole('dialog', { name: '处理这个争议' });
      await settle.getByText('付给 胡国华 30 分钟').waitFor();
      await settle.getByRole('button', { name: '处理完毕' }).click();
      await dispute.waitFor({ state: 'detached' });
      await page.getByText('没有待处理的争议').waitFor();
      expect(
        ok(await api('GET', `/requests/${disputed.id}`, { token: admin }), 200, 'request'),
      ).toMatchObject({
        status: 'confirmed',
        confirmedMinutes: 30,
        resolutionNote: '已电话核实，实际服务半小时',
      });

      // The offer goes on sale.
      await page.getByRole('button', { name: `批准上架：${offer.title}` }).click();
      await page.getByText('没有待审批的优惠').waitFor();
      const offers = ok<{ items: Array<{ id: string; status: string }> }>(
        await api('GET', `/offers?communityId=${community.id}`, { token: admin }),
        200,
        'offers',
      );
      expect(offers.items.find((o) => o.id === offer.id)?.status).toBe('active');

      // Only the coordinator's own log still waits (for someone else).
      await queueEntry(page).getByText('1', { exact: true }).waitFor();
      await lookAt(page, 'console-queue-done');
    },
    JOURNEY_MS,
  );

  it(
    'people: found by a part of the name, by card number and by grid unit; a priority household marked; a password reset shown once and used; suspended and reinstated; a member card printed',
    async () => {
      const { page } = desk;
      await page.getByRole('navigation').getByRole('link', { name: '居民与志愿者' }).click();
      await page.waitForURL(/\/console\/people$/);
      const rows = page.getByTestId('people-table').locator('tbody tr');
      await rows.first().waitFor();
      await lookAt(page, 'console-people');

      const find = page.getByRole('searchbox', { name: '查找' });
      await find.fill('明珠');
      await countIs(rows, 1);
      await rows.getByRole('link', { name: '欧阳明珠' }).waitFor();
      expect(page.url()).toContain('q=');

      const card = neighbour.member.cardNumber;
      await find.fill(`${card.slice(0, 4)} ${card.slice(4, 8)} ${card.slice(8)}`);
      await countIs(rows, 1);
      await rows.getByRole('link', { name: '欧阳明珠' }).waitFor();

      await find.fill('');
      await page.getByRole('combobox', { name: '网格' }).selectOption({ label: '第2网格' });
      await countIs(rows, 1);
      await rows.getByRole('link', { name: '欧阳明珠' }).click();

      await page.waitForURL(new RegExp(`/console/people/${neighbour.member.id}$`));
      await page.getByRole('heading', { name: '欧阳明珠', level: 1 }).waitFor();
      await page.getByTestId('member-card-number').getByText(card.slice(0, 4)).waitFor();
      await page.getByTestId('member-available').getByText('0 分钟').waitFor();
      await lookAt(page, 'console-member');

      // A priority household: the community fund pays for her requests from now on.
      await page.getByRole('button', { name: '标记为优先照顾户' }).click();
      await page
        .getByRole('dialog', { name: '标记为优先照顾户' })
        .getByRole('button', { name: '标记为优先照顾户' })
        .click();
      await page.getByTestId('priority-tag').waitFor();
      await page.getByRole('button', { name: '取消优先照顾户' }).waitFor();
      expect(
        ok(await api('GET', `/members/${neighbour.member.id}`, { token: admin }), 200, 'member')
          .priorityHousehold,
      ).toBe(true);

      // A temporary password, shown once.
      await page.getByRole('button', { name: '重置密码' }).click();
      await page
        .getByRole('dialog', { name: '重置密码' })
        .getByRole('button', { name: '重置密码' })
        .click();
      const slip = page.getByRole('dialog', { name: '临时密码' });
      await slip.getByText('这个密码只显示这一次').waitFor();
      const temporary = ((await slip.getByTestId('temporary-password').textContent()) ?? '').trim();
      expect(temporary.length).toBeGreaterThanOrEqual(10);
      await lookAt(page, 'console-member-password');
      // Printed, the slip is all there is on the paper (A5), the page behind it left out.
      await slip.getByRole('button', { name: '打印' }).waitFor();
      expect(await printedPaper(page)).toEqual({ width: 148, height: 210 });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#app').isVisible()).toBe(false);
      expect(await slip.getByTestId('temporary-password').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
      await slip.getByRole('button', { name: '已交给本人，关闭' }).click();
      await slip.waitFor({ state: 'detached' });
      expect(await page.getByText(temporary).count()).toBe(0);

      // She signs in with it on her own phone and is asked to choose her own.
      const phone = await openPhone({ browser });
      try {
        await signIn(phone.page, neighbour.member.phone!, temporary);
        await phone.page.waitForURL(/\/password$/);
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
      }
      await page.getByText('临时密码，登录后需要改成自己的').waitFor();

      // Suspended with a reason: she cannot sign in; reinstated: she can.
      await page.getByRole('button', { name: '暂停账户' }).click();
      const suspend = page.getByRole('dialog', { name: '暂停 欧阳明珠 的账户' });
      await suspend.getByRole('textbox', { name: '暂停原因' }).fill('家属要求暂停账户');
      await lookAt(page, 'console-member-suspend');
      await suspend.getByRole('button', { name: '暂停账户' }).click();
      await page.getByTestId('suspended-banner').waitFor();
      await page.getByTestId('member-status').filter({ hasText: '已暂停' }).waitFor();
      const signInAgain = () =>
        api('POST', '/auth/login', { body: { login: neighbour.login, password: temporary } });
      const refused = await signInAgain();
      expect([refused.status, refused.body.code]).toEqual([403, 'ACCOUNT_SUSPENDED']);

      await page.getByRole('button', { name: '恢复账户' }).click();
      await page
        .getByRole('dialog', { name: '恢复账户' })
        .getByRole('button', { name: '恢复账户' })
        .click();
      await page.getByTestId('suspended-banner').waitFor({ state: 'detached' });
      await page.getByTestId('member-status').filter({ hasText: '正常' }).waitFor();
      expect((await signInAgain()).status).toBe(200);

      // Her member card: the QR code reads back as her card number, on A6 paper.
      await page.getByRole('link', { name: '打印会员卡' }).click();
      await page.waitForURL(/\/console\/cards\?/);
      await page.getByTestId('card-qr').waitFor();
      expect(await qrText(page, 'card-qr')).toBe(card);
      await page.getByTestId('member-card').getByText('欧阳明珠').waitFor();
      expect(await printedPaper(page)).toEqual({ width: 105, height: 148 });
      await lookAt(page, 'console-cards-a6');
      await page.getByRole('radio', { name: 'A4 每张八人' }).click();
      await page.waitForURL(/layout=a4/);
      expect(await printedPaper(page)).toEqual({ width: 210, height: 297 });
      await lookAt(page, 'console-cards-a4');
    },
    JOURNEY_MS,
  );

  it(
    'acting for a resident without a phone: a request posted from her page and marked on her list as posted by the coordinator, confirmed for her from the queue, its record of who acted, another disputed for her (and left to another coordinator to settle)',
    async () => {
      const { page } = desk;
      await page.goto('/console/people');
      await page.getByRole('searchbox', { name: '查找' }).fill('桂兰');
      const rows = page.getByTestId('people-table').locator('tbody tr');
      await countIs(rows, 1);
      await rows.getByRole('link', { name: '钱桂兰' }).click();
      await page.getByRole('heading', { name: '钱桂兰', level: 1 }).waitFor();
      await page.getByText('还没有求助').waitFor();
      await page.getByTestId('member-available').getByText('4 小时', { exact: true }).waitFor();

      await page.getByRole('link', { name: '代为求助' }).click();
      await page.waitForURL(/\/request$/);
      await page.getByTestId('on-behalf').getByText('这条求助记在 钱桂兰 名下').waitFor();
      await page.getByRole('radio', { name: '陪同就医办事' }).click();
      await page.getByRole('textbox', { name: '一句话说明' }).fill('陪我去社区医院复诊');
      await page.getByTestId('payer').getByText('从 钱桂兰 的时间积分中预留 1 小时').waitFor();
      await lookAt(page, 'console-member-request');
      await page.getByRole('button', { name: '代 钱桂兰 发布求助' }).click();

      await page.waitForURL(new RegExp(`/console/people/${noPhone.member.id}$`));
      const row = page.getByTestId('member-requests').locator('tbody tr', {
        hasText: '陪我去社区医院复诊',
      });
      await row.getByTestId('acted-posted').getByText('张淑华 代发').waitFor();
      await row.getByText('等待接单').waitFor();

      const requestId = (await row.getAttribute('data-request'))!;
      expect(
        ok(await api('GET', `/requests/${requestId}`, { token: admin }), 200, 'request'),
      ).toMatchObject({
        requesterId: noPhone.member.id,
        createdBy: coordinator.member.id,
        estimatedMinutes: 60,
        funding: 'requester',
      });
      // An hour of her four set aside for it.
      await reloadUntil(page, 'her credits after posting', () =>
        page.getByTestId('member-available').getByText('3 小时', { exact: true }).isVisible(),
      );

      // A volunteer does it; the queue lists it as waiting for her word; the coordinator
      // goes to her page from there and confirms it for her: the volunteer is paid.
      ok(
        await api('POST', `/requests/${requestId}/accept`, { token: helper.token }),
        200,
        'accept',
      );
      ok(
        await api('POST', `/requests/${requestId}/complete`, {
          token: helper.token,
          body: { minutes: 45 },
        }),
        200,
        'complete',
      );
      await page.goto('/console');
      const waiting = page.getByTestId('to-confirm').locator(`[data-request="${requestId}"]`);
      await waiting.getByText('45 分钟').waitFor();
      await lookAt(page, 'console-queue-to-confirm');
      await waiting.getByRole('link', { name: '钱桂兰' }).click();
      await page.getByRole('heading', { name: '钱桂兰', level: 1 }).waitFor();
      await row.getByText('报了 45 分钟').waitFor();
      await row.getByRole('button', { name: '代为确认：陪我去社区医院复诊' }).click();
      const confirm = page.getByRole('dialog', { name: '代 钱桂兰 确认服务' });
      await confirm.getByText('您是代 钱桂兰 办理').waitFor();
      await lookAt(page, 'console-member-confirm');
      await confirm.getByRole('button', { name: '确认并付给志愿者 45 分钟' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await row.getByText('确认 45 分钟').waitFor();
      await row.getByText('已确认').waitFor();
      await row.getByTestId('acted-confirmed').getByText('张淑华 代为确认').waitFor();
      await until(
        'the volunteer paid',
        async () =>
          ok<{ balanceMinutes: number }>(
            await api('GET', '/accounts/me', { token: helper.token }),
            200,
            'account',
          ).balanceMinutes,
        (balance: number) => balance === 120 + 45,
      );
      expect(
        ok(await api('GET', `/requests/${requestId}`, { token: admin }), 200, 'request'),
      ).toMatchObject({ status: 'confirmed', confirmedBy: coordinator.member.id });

      // Its record: who did each step, and for whom.
      await row.getByRole('button', { name: '经办记录：陪我去社区医院复诊' }).click();
      const history = page.getByTestId('request-history');
      await history.locator('[data-action="posted"]').getByText('张淑华（代 钱桂兰）').waitFor();
      await history.locator('[data-action="accepted"]').getByText('周博文').waitFor();
      await history.locator('[data-action="completed"]').getByText('周博文').waitFor();
      await history.locator('[data-action="confirmed"]').getByText('张淑华（代 钱桂兰）').waitFor();
      await lookAt(page, 'console-member-history');

      // Another of hers, reported longer than it took: disputed for her.
      const second = ok<{ id: string }>(
        await api('POST', '/requests', {
          token: coordinator.token,
          body: {
            requesterId: noPhone.member.id,
            title: '帮我买菜',
            description: '',
            category: 'errands',
            windowStart: new Date(Date.now() + 2 * HOUR).toISOString(),
            windowEnd: new Date(Date.now() + 4 * HOUR).toISOString(),
            estimatedMinutes: 90,
          },
        }),
        201,
        'post for her',
      );
      ok(
        await api('POST', `/requests/${second.id}/accept`, { token: helper.token }),
        200,
        'accept',
      );
      ok(
        await api('POST', `/requests/${second.id}/complete`, {
          token: helper.token,
          body: { minutes: 90 },
        }),
        200,
        'complete',
      );
      await page.reload();
      const secondRow = page.locator(`[data-request="${second.id}"]`);
      await secondRow.getByRole('button', { name: '代提异议：帮我买菜' }).click();
      const dispute = page.getByRole('dialog', { name: '代 钱桂兰 提出异议' });
      await dispute.getByRole('button', { name: '提出异议' }).click();
      await dispute.getByText('请写明异议的原因').waitFor();
      await dispute.getByRole('textbox', { name: '异议原因' }).fill('她说志愿者只待了半小时');
      await lookAt(page, 'console-member-dispute');
      await dispute.getByRole('button', { name: '提出异议' }).click();
      await dispute.waitFor({ state: 'hidden' });
      await secondRow.getByText('有异议，待处理').waitFor();
      await secondRow.getByTestId('acted-disputed').getByText('张淑华 代提异议').waitFor();
      expect(
        ok(await api('GET', `/requests/${second.id}`, { token: admin }), 200, 'request'),
      ).toMatchObject({ status: 'disputed', disputedBy: coordinator.member.id });
      await lookAt(page, 'console-member-acted');

      // In the queue, another coordinator must settle it: this one is told so.
      await page.goto('/console');
      const own = page.locator(`#queue-disputes [data-request="${second.id}"]`);
      await own.getByText('她说志愿者只待了半小时').waitFor();
      await own.getByTestId('own-dispute').waitFor();
      expect(await own.getByRole('button', { name: '处理完毕' }).count()).toBe(0);
      await lookAt(page, 'console-queue-own-dispute');
    },
    JOURNEY_MS,
  );
});
