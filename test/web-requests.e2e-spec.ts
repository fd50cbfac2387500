/**
 * Help requests in the web app, in Chromium at a phone's size, two phones at
 * once: a resident asks for help, a volunteer takes it from the board and
 * reports the time, the resident confirms and rates it, and each sees their
 * credits change; then the resident's home and form in English, where not
 * having enough credits is said in plain words and nothing typed is lost.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, look, openPhone, signIn, type Phone } from './support/browser';
import {
  adminToken,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  register,
  type Community,
  type SignedIn,
  uniquePhone,
} from './support/fixtures';
import { api, ok } from './support/http';

const TIME_ZONE = 'Asia/Shanghai';
/**
 * A journey through several pages on two phones, each page checked by axe twice:
 * about a minute on a quiet machine, several on a busy shared one.
 */
const JOURNEY_MS = 300_000;

/** The city's calendar day `days` from now, as YYYY-MM-DD. */
function cityDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A transient toast fades over the page; axe and screenshots wait until it has gone. */
async function toastGone(page: Page): Promise<void> {
  await page.locator('.van-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Waits until the home page shows `expected` as the available credits. Credits
 * move through an event between services, so the figure may arrive after the
 * page loaded: the page is loaded again until it does (up to 60 s).
 */
async function expectAvailable(page: Page, expected: string): Promise<void> {
  const figure = page.getByTestId('available-minutes');
  const deadline = Date.now() + 60_000;
  for (;;) {
    await figure.waitFor();
    const shown = await page
      .waitForFunction(
        (text) =>
          document.querySelector('[data-testid="available-minutes"]')?.textContent?.trim() === text,
        expected,
        { timeout: 3_000 },
      )
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (Date.now() > deadline) {
      throw new Error(
        `available credits: expected "${expected}", the page shows "${(await figure.textContent())?.trim()}"`,
      );
    }
    await page.reload();
  }
}

describe('web app: help requests', () => {
  let browser: Browser;
  let community: Community;
  let coordinator: SignedIn;

  /** A resident of the test community given `minutes` from the community fund. */
  async function residentWith(minutes: number, extra: Record<string, unknown> = {}) {
    const resident = await register(community.id, { phone: uniquePhone(), ...extra });
    ok(
      await api('POST', `/members/${resident.member.id}/adjustments`, {
        token: coordinator.token,
        body: { minutes, reason: 'opening balance' },
      }),
      201,
      'adjustment',
    );
    return resident;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const admin = await adminToken();
    community = await createCommunity(admin, 2);
    coordinator = await coordinatorOf(admin, community.id);
    await fundCommunity(admin, community.id, { minutes: 100_000, memo: 'web requests e2e' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'a resident posts a request, a volunteer on another phone accepts and completes it, the resident confirms and rates it, and both balances change on screen',
    async () => {
      const resident = await residentWith(300, { displayName: '李秀英' });
      const volunteer = await register(community.id, {
        displayName: '张志强',
        roles: ['volunteer'],
        phone: uniquePhone(),
      });
      const phones: Phone[] = [];
      try {
        // ---- the resident asks for help ----
        const residentPhone = await openPhone({ browser });
        phones.push(residentPhone);
        const r = residentPhone.page;
        await signIn(r, resident.login, resident.password);
        await r.getByText('李秀英，您好').waitFor();
        await expectAvailable(r, '5 小时');
        await r.getByText('现在没有进行中的求助').waitFor();
        await look(r, 'resident', 'home');

        await r.getByRole('button', { name: '我要求助' }).click();
        await r.waitForURL(/\/requests\/new$/);
        await r.getByRole('radio', { name: '陪同就医办事' }).waitFor();
        // Tomorrow morning is already chosen; who pays is said before anything is sent.
        expect(await r.getByRole('radio', { name: /明天/ }).getAttribute('aria-checked')).toBe(
          'true',
        );
        expect(await r.getByRole('radio', { name: /上午/ }).getAttribute('aria-checked')).toBe(
          'true',
        );
        await r.getByTestId('payer').getByText('我现在可用 5 小时').waitFor();
        await look(r, 'resident', 'request-new');

        await r.getByRole('radio', { name: '陪同就医办事' }).click();
        await r.getByLabel('一句话说明').fill('陪我去社区医院复诊');
        await r.getByLabel('补充说明').fill('需要推轮椅，出门前请先打电话');
        await r.getByRole('radio', { name: '1 小时 30 分钟' }).click();
        await r.getByTestId('payer').getByText('将为这次求助预留 1 小时 30 分钟').waitFor();
        // Credit-moving calls carry an Idempotency-Key, so a double tap never pays twice.
        const keys = new Map<string, string | undefined>();
        r.on('request', (request) => {
          const path = new URL(request.url()).pathname;
          if (
            request.method() === 'POST' &&
            /^\/api\/v1\/requests(\/[^/]+\/confirm)?$/.test(path)
          ) {
            keys.set(
              path.endsWith('/confirm') ? 'confirm' : 'post',
              request.headers()['idempotency-key'],
            );
          }
        });
        const tomorrowsBefore = cityDay(1);
        await r.getByRole('button', { name: '发布求助' }).click();
        await r.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
        const id = new URL(r.url()).pathname.split('/').pop()!;
        await r.locator('[data-testid="request-status"][data-status="open"]').waitFor();
        await r.getByText('等待接单').first().waitFor();
        await r.getByText('明天').first().waitFor();
        await toastGone(r);
        await look(r, 'resident', 'request-open');

        // The window went out as tomorrow 09:00–12:00 in the city, whatever the phone's clock zone.
        const posted = ok(
          await api('GET', `/requests/${id}`, { token: resident.token }),
          200,
          'get',
        );
        const tomorrow = [tomorrowsBefore, cityDay(1)];
        expect(tomorrow.map((d) => `${d}T01:00:00.000Z`)).toContain(posted.windowStart);
        expect(posted.windowEnd).toBe(
          new Date(Date.parse(posted.windowStart) + 3 * 3600_000).toISOString(),
        );
        expect(posted).toMatchObject({
          estimatedMinutes: 90,
          category: 'escort',
          funding: 'requester',
        });

        // Home: 90 minutes set aside for the request, and the request in progress.
        await r.getByText('返回', { exact: true }).click();
        await r.waitForURL((url) => url.pathname === '/');
        await expectAvailable(r, '3 小时 30 分钟');
        await r.getByTestId('held-minutes').getByText('1 小时 30 分钟').waitFor();
        await r.getByTestId(`request-${id}`).waitFor();

        // ---- a volunteer, on another phone, takes it from the board ----
        const volunteerPhone = await openPhone({ browser });
        phones.push(volunteerPhone);
        const v = volunteerPhone.page;
        await signIn(v, volunteer.login, volunteer.password);
        await expectAvailable(v, '0 分钟');
        // The shared suite holds other tests' open requests too: how many, not which, is certain.
        await v
          .getByTestId('nearby')
          .getByText(/有 \d+\+? 条求助在等志愿者/)
          .waitFor();
        await look(v, 'volunteer', 'home');

        await v.getByRole('tab', { name: '接单' }).click();
        await v.waitForURL(/\/board$/);
        // Only the requests of the volunteer's own community.
        await v.getByRole('button', { name: '社区', exact: true }).click();
        await v.getByRole('menuitem', { name: community.name }).click();
        await v.getByRole('button', { name: community.name }).waitFor();
        await v.getByRole('menu').first().waitFor({ state: 'hidden' });
        const card = v.getByTestId(`request-${id}`);
        await card.getByText('求助人：李秀英').waitFor();
        await look(v, 'volunteer', 'board');

        await card.getByRole('button', { name: '我来帮忙' }).click();
        await v.waitForURL(new RegExp(`/requests/${id}$`));
        await v.locator('[data-testid="request-status"][data-status="accepted"]').waitFor();
        // Once accepted, each sees the other's name and can call them.
        const callResident = v
          .getByTestId('contact')
          .getByRole('link', { name: '打电话给 李秀英' });
        expect(await callResident.getAttribute('href')).toBe(`tel:${resident.member.phone}`);
        await toastGone(v);
        await look(v, 'volunteer', 'request-accepted');

        const minutes = v.getByRole('textbox', { name: '实际用了多长时间' });
        expect(await minutes.inputValue()).toBe('90');
        await minutes.fill('75');
        await v.getByLabel('说明', { exact: true }).fill('已陪同看完病并送回家');
        await v.getByRole('button', { name: '完成服务，报 1 小时 15 分钟' }).click();
        await v.locator('[data-testid="request-status"][data-status="completed"]').waitFor();
        await v.getByText('正在等 李秀英 确认').waitFor();
        await toastGone(v);
        await look(v, 'volunteer', 'request-completed');

        // ---- the resident confirms the 75 minutes and rates it ----
        await r.goto(`/requests/${id}`);
        await r.locator('[data-testid="request-status"][data-status="completed"]').waitFor();
        await r.getByText('张志强 说服务已完成').waitFor();
        const callVolunteer = r
          .getByTestId('contact')
          .getByRole('link', { name: '打电话给 张志强' });
        expect(await callVolunteer.getAttribute('href')).toBe(`tel:${volunteer.member.phone}`);
        expect(await r.getByRole('textbox', { name: '确认的时长' }).inputValue()).toBe('75');
        await look(r, 'resident', 'request-completed');

        await r.getByRole('radio', { name: '5 星' }).click();
        await r.getByLabel('想说的话').fill('小张很耐心，谢谢！');
        await r.getByRole('button', { name: '确认，支付 1 小时 15 分钟' }).click();
        await r.locator('[data-testid="request-status"][data-status="confirmed"]').waitFor();
        await r.getByTestId('confirmed-minutes').getByText('1 小时 15 分钟').waitFor();
        await r.getByText('小张很耐心，谢谢！').waitFor();
        await toastGone(r);
        await look(r, 'resident', 'request-confirmed');
        expect(keys.get('post')).toMatch(/^[0-9a-f-]{36}$/);
        expect(keys.get('confirm')).toMatch(/^[0-9a-f-]{36}$/);
        expect(keys.get('confirm')).not.toBe(keys.get('post'));

        // ---- both balances change on screen ----
        // The resident pays the 75 confirmed minutes (300 − 75); the rest of the hold comes back.
        await r.goto('/');
        await expectAvailable(r, '3 小时 45 分钟');
        await r.getByText('现在没有进行中的求助').waitFor();
        await v.goto('/');
        await expectAvailable(v, '1 小时 15 分钟');
        await look(v, 'volunteer', 'home-credited');

        await r.getByRole('tab', { name: '求助' }).click();
        await r.getByRole('tab', { name: /已完成/ }).click();
        await r.getByTestId('tab-confirmed').getByTestId(`request-${id}`).waitFor();
        await look(r, 'resident', 'requests');

        for (const phone of phones) expect(phone.errors).toEqual([]);
      } finally {
        for (const phone of phones) await phone.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'a resident cancels an open request and gets the minutes back, disputes the time of a completed one, and, made a priority household, reads that the community fund pays',
    async () => {
      const resident = await residentWith(240, { displayName: '王桂芳' });
      const volunteer = await register(community.id, { roles: ['volunteer'] });
      const hour = 3600_000;
      const post = async (title: string) =>
        ok<{ id: string }>(
          await api('POST', '/requests', {
            token: resident.token,
            body: {
              title,
              description: '',
              category: 'errands',
              windowStart: new Date(Date.now() + 2 * hour).toISOString(),
              windowEnd: new Date(Date.now() + 4 * hour).toISOString(),
              estimatedMinutes: 60,
            },
          }),
          201,
          'post',
        );
      const toCancel = await post('帮我买菜');
      const toDispute = await post('帮我取药');
      ok(
        await api('POST', `/requests/${toDispute.id}/accept`, { token: volunteer.token }),
        200,
        'accept',
      );
      ok(
        await api('POST', `/requests/${toDispute.id}/complete`, {
          token: volunteer.token,
          body: { minutes: 60 },
        }),
        200,
        'complete',
      );

      const phone = await openPhone({ browser });
      const { page } = phone;
      try {
        await signIn(page, resident.login, resident.password);
        await expectAvailable(page, '2 小时');

        await page.goto(`/requests/${toCancel.id}`);
        await page.getByRole('button', { name: '取消这条求助' }).click();
        await page.getByText('为它预留的 1 小时 会退回给您').waitFor();
        await page.locator('.van-dialog').getByRole('button', { name: '取消这条求助' }).click();
        await page.locator('[data-testid="request-status"][data-status="cancelled"]').waitFor();
        await page.goto('/');
        await expectAvailable(page, '3 小时');

        await page.goto(`/requests/${toDispute.id}`);
        await page.getByRole('button', { name: '时长不对？提出异议' }).click();
        const reason = page.getByRole('dialog').getByLabel('哪里不对');
        // Sending nothing is refused on the spot, in words.
        await page.getByRole('button', { name: '提交异议' }).click();
        await page.getByText('请写一下哪里不对').waitFor();
        await reason.fill('志愿者只待了半小时');
        await look(page, 'resident', 'request-dispute');
        await page.getByRole('button', { name: '提交异议' }).click();
        await page.locator('[data-testid="request-status"][data-status="disputed"]').waitFor();
        await page.getByText('社区工作人员会联系您处理').waitFor();
        await page.getByText('志愿者只待了半小时').waitFor();
        // Made a priority household meanwhile: the form says plainly that the fund pays.
        ok(
          await api('PATCH', `/members/${resident.member.id}`, {
            token: coordinator.token,
            body: { priorityHousehold: true },
          }),
          200,
          'priority household',
        );
        await page.goto('/requests/new');
        await page.getByTestId('payer').getByText('由社区基金支付').waitFor();
        await page.getByText('这次求助不用花您自己的时间积分').waitFor();
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'in English: the home and the form, and not enough credits said plainly without losing what was typed',
    async () => {
      const resident = await residentWith(60, { displayName: 'Mary Chen' });
      ok(
        await api('PATCH', '/me', { token: resident.token, body: { locale: 'en' } }),
        200,
        'locale',
      );
      const phone = await openPhone({ browser, locale: 'en' });
      const { page } = phone;
      try {
        await signIn(page, resident.login, resident.password);
        await page.getByText('Hello, Mary Chen').waitFor();
        await page.getByText('Time credits I can use now').waitFor();
        await expectAvailable(page, '1 h');
        await look(page, 'resident', 'home-en');

        await page.getByRole('button', { name: 'Ask for help' }).click();
        await page.getByRole('heading', { name: 'What do you need help with?' }).waitFor();
        expect(await page.getByTestId('day-tomorrow').getAttribute('aria-checked')).toBe('true');
        await page.getByRole('radio', { name: 'Errands' }).click();
        await page.getByLabel('In a few words').fill('Buy medicine at the pharmacy');
        await page.getByRole('radio', { name: '2 h' }).click();
        await page.getByText('You do not have 2 h to use now').waitFor();
        await look(page, 'resident', 'request-new-en');

        await page.getByRole('button', { name: 'Post my request' }).click();
        await page
          .getByRole('alert')
          .getByText(
            'Not enough time credits: this request needs 2 h set aside, and you can use 1 h now.',
          )
          .waitFor();
        expect(new URL(page.url()).pathname).toBe('/requests/new');
        expect(await page.getByLabel('In a few words').inputValue()).toBe(
          'Buy medicine at the pharmacy',
        );
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
      }
    },
    JOURNEY_MS,
  );
});
