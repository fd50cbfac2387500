/// <reference lib="dom" />
/**
 * Community activities in Chromium, in Chinese: the coordinator at a desk
 * (1280×800) publishes one (refused, in the API's words, while the hold is more
 * than the fund has); a volunteer on a phone finds it on the board, signs up and
 * sees the confirmed state; the coordinator's door screen shows a rotating QR code
 * and its 8 digits; the volunteer types the digits → checked in, and the
 * coordinator's attendance list shows it without a reload; a volunteer without a
 * phone has their attendance recorded at the desk; after the start the volunteer
 * checks out by opening the QR code's address (what a phone's own camera app does);
 * the coordinator closes it, sees who was paid, and the volunteer's service record
 * shows the activity.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  animationsDone,
  launchChromium,
  look,
  openPhone,
  qrText,
  reloadUntil,
  signIn,
  webOrigin,
} from './support/browser';
import {
  adminToken,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  register,
  type SignedIn,
} from './support/fixtures';
import { api, ok } from './support/http';
import { until } from './support/wait';

const DESK = { width: 1280, height: 800 };
/** The tablet held upright at the door. */
const TABLET = { width: 820, height: 1180 };
/** The journey waits for the activity to start (about a minute and a half) besides its pages. */
const JOURNEY_MS = 420_000;
/** The activity starts this long after it is published: check-in is open, closing soon allowed. */
const STARTS_IN_MS = 75_000;

async function openDesk(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: DESK,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: webOrigin(),
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Confirms the open Vant dialog with its `button`, after its opening animation. */
async function confirmDialog(page: Page, button: string): Promise<void> {
  const dialog = page.locator('.van-dialog');
  await dialog.waitFor();
  await animationsDone(page);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** What a person reads there: the rendered text, its lines joined by single spaces. */
const textOf = async (locator: Locator) =>
  (await locator.first().innerText()).replace(/\s+/g, ' ').trim();

/** The code the door screen shows now (a fresh one when the shown one is about to change). */
async function doorCode(door: Page): Promise<string> {
  const code = door.getByTestId('door-code');
  await code.waitFor();
  return (await code.getAttribute('data-code')) ?? '';
}

describe('web app: community activities', () => {
  let browser: Browser;
  let admin: string;
  let communityId: string;
  let coordinator: SignedIn;

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await adminToken();
    communityId = (await createCommunity(admin, 1)).id;
    coordinator = await coordinatorOf(admin, communityId);
    await fundCommunity(admin, communityId, { minutes: 1000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'publishes, signs up, checks in at the door by the typed code, shows it live at the desk, checks out by the QR address, closes and pays onto the service record',
    async () => {
      const volunteer = await register(communityId, {
        displayName: '周晓梅',
        roles: ['resident', 'volunteer'],
      });
      const withoutPhone = await register(communityId, {
        displayName: '吴德厚',
        roles: ['resident', 'volunteer'],
      });

      // The activity of the day, starting in a moment (through the API: the form's
      // minutes of the clock cannot say "in 75 seconds"); it holds 5 × 60 minutes.
      const startsAt = new Date(Date.now() + STARTS_IN_MS);
      const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
      const activity = ok<{ id: string; minutesPerVolunteer: number }>(
        await api('POST', '/activities', {
          token: coordinator.token,
          headers: { 'idempotency-key': `publish-${communityId}` },
          body: {
            title: '社区义诊：量血压',
            description: '在活动中心为老人量血压、登记，帮忙排队引导。',
            communityId,
            place: '社区活动中心一楼',
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            capacity: 5,
            skills: ['量血压'],
          },
        }),
        201,
        'publish',
      );
      expect(activity.minutesPerVolunteer).toBe(60);
      const id = activity.id;

      const desk = await openDesk(browser);
      const phone = await openPhone({ browser });
      const { page } = phone;
      try {
        // ---- The desk: the list, and a publish refused while the fund cannot hold it.
        const office = await desk.newPage();
        await signIn(office, coordinator.login, coordinator.password);
        await office.goto('/console/activities');
        await office.getByTestId(`desk-activity-${id}`).waitFor();
        const form = office.locator('form', { has: office.locator('input[name="capacity"]') });
        await form.getByLabel('活动名称').fill('重阳节包饺子');
        await form.getByLabel('活动内容').fill('和老人一起包饺子、聊天。');
        await form.getByLabel('地点', { exact: true }).fill('社区食堂');
        // The form's day is tomorrow, 09:00–11:00, by default: 2 hours each.
        await form.getByLabel('名额（人）').fill('20');
        expect(await textOf(office.getByTestId('publish-hold'))).toContain(
          '20 人 × 2 小时 = 40 小时',
        );
        await form.getByRole('button', { name: '发布活动' }).click();
        const refusal = office.getByTestId('publish-failure');
        await refusal.waitFor();
        expect(await textOf(refusal)).not.toBe('');
        await look(office, 'coordinator', 'activities-refused');
        await form.getByLabel('名额（人）').fill('3');
        await form.getByRole('button', { name: '发布活动' }).click();
        await office.getByTestId('publish-done').getByText('冻结了 6 小时').waitFor();
        await office
          .getByTestId('desk-activities')
          .getByRole('link', { name: '重阳节包饺子' })
          .waitFor();
        await look(office, 'coordinator', 'activities');

        // ---- The volunteer: the board from home, the activity, signing up.
        await signIn(page, volunteer.login, volunteer.password);
        await page.getByTestId('to-activities').click();
        await page.waitForURL('**/activities');
        const card = page.getByTestId(`activity-${id}`);
        await card.waitFor();
        expect(await textOf(card.getByTestId('places'))).toBe('还剩 5 个名额');
        await look(page, 'volunteer', 'activities');
        await page.getByTestId('activities-show').getByRole('radio', { name: '我报名的' }).click();
        await page.getByText('您还没有报名活动').waitFor();
        await look(page, 'volunteer', 'activities-mine-empty');
        await page.getByTestId('activities-show').getByRole('radio', { name: '全部活动' }).click();
        await card.getByRole('link', { name: '社区义诊：量血压' }).click();
        await page.waitForURL(`**/activities/${id}`);
        await page.getByTestId('sign-up').waitFor();
        await look(page, 'volunteer', 'activity');
        await page.getByTestId('sign-up').click();
        const mine = page.getByTestId('my-signup');
        await mine.waitFor();
        expect(await mine.getAttribute('data-status')).toBe('confirmed');
        expect(await textOf(page.getByTestId('said'))).toBe('报名成功，到时候见！');
        await look(page, 'volunteer', 'activity-signed-up');
        ok(
          await api('POST', `/activities/${id}/signups`, { token: withoutPhone.token }),
          201,
          'sign-up without a phone',
        );

        // ---- The desk: the activity's page (left open) and the door screen.
        await office.goto(`/console/activities/${id}`);
        const rows = office.getByTestId('attendance-row');
        await until(
          'two sign-ups listed',
          () => rows.count(),
          (n) => n === 2,
        );
        await look(office, 'coordinator', 'activity');
        const door = await desk.newPage();
        await door.goto(`/console/activities/${id}/door`);
        await door.getByTestId('door-qr').waitFor();
        // The QR code, read back from the pixels: the check-in page's address with the code.
        const qrUrl = await qrText(door, 'door-qr');
        expect(qrUrl).toMatch(
          new RegExp(`^${webOrigin()}/activities/${id}/check-in\\?code=\\d{8}$`),
        );
        const firstCode = await doorCode(door);
        expect(firstCode).toMatch(/^\d{8}$/);
        expect(await textOf(door.getByTestId('door-checked-in'))).toBe('已签到 0 人');
        await look(door, 'coordinator', 'door');
        await door.setViewportSize(TABLET);
        await look(door, 'coordinator', 'door-tablet');

        // ---- The volunteer checks in by typing the digits under the QR code.
        await page.getByTestId('to-check-in').click();
        await page.waitForURL(`**/activities/${id}/check-in`);
        await look(page, 'volunteer', 'check-in');
        await page.getByTestId('check-in-code').fill(await doorCode(door));
        await page.getByTestId('send-code').click();
        const result = page.getByTestId('check-in-result');
        await result.waitFor();
        expect(await result.getAttribute('data-kind')).toBe('in');
        expect(await textOf(result)).toMatch(/签到成功 \d{2}:\d{2} 已签到/);
        // On a busy machine the steps so far may outlast the 75 s before the start.
        const checkedInAt = Date.now();
        await look(page, 'volunteer', 'checked-in');

        // The desk's list shows it without a reload (it asks every 3 seconds), the door too.
        const row = rows.filter({ hasText: '周晓梅' });
        await until(
          'the check-in on the desk',
          () => row.getAttribute('data-checked-in'),
          (shown) => shown === 'yes',
        );
        expect(await textOf(office.getByTestId('checked-in-count'))).toBe('已签到 1 人');
        await door.getByTestId('door-checked-in').getByText('已签到 1 人').waitFor();

        // A wrong code is refused in plain words, with the way to scan again.
        await page.getByTestId('back-to-activity').click();
        await page.getByTestId('checked-in').waitFor();
        await page.getByTestId('to-check-in').click();
        await page.getByTestId('check-in-code').fill('0000 0000');
        await page.getByTestId('send-code').click();
        await result.waitFor();
        expect(await result.getAttribute('data-kind')).toBe('refused');
        await page.getByTestId('scan-again').waitFor();
        await look(page, 'volunteer', 'check-in-refused');

        // ---- The desk records the attendance of the volunteer without a phone (the whole window).
        await office.getByTestId(`record-${withoutPhone.member.id}`).click();
        const dialog = office.getByRole('dialog');
        await dialog.getByLabel('签到时间').waitFor();
        await animationsDone(office);
        await look(office, 'coordinator', 'record-attendance');
        await dialog.getByTestId('confirm-attendance').click();
        await office.getByTestId('record-done').getByText('已为 吴德厚 记录签到。').waitFor();
        await until(
          'both checked in on the desk',
          () => textOf(office.getByTestId('checked-in-count')),
          (shown) => shown === '已签到 2 人',
        );

        // ---- After the start: the volunteer checks out through the QR code's address.
        await until(
          'a minute served inside the window',
          () => Promise.resolve(Date.now()),
          (now) => now > Math.max(startsAt.getTime(), checkedInAt) + 65_000,
          STARTS_IN_MS + 90_000,
        );
        // The door screen has fetched new codes by itself meanwhile.
        let newCode = '';
        await until(
          'a new code at the door',
          () => doorCode(door),
          (code) => (newCode = code) !== firstCode,
        );
        // The image is drawn after the digits change: read it until it carries the new code
        // (read at once, it can still be the old image, by now past its 60 seconds; read
        // while one image replaces the other, it may not decode at all: read again).
        const fresh = await until(
          'the new code in the QR image',
          () => qrText(door, 'door-qr').catch((error: Error) => `unreadable: ${error.name}`),
          (text) => text.endsWith(`?code=${newCode}`),
        );
        await page.goto(fresh.replace(webOrigin(), ''));
        await result.waitFor();
        const outText = await textOf(result);
        // The kind with the page's words, so a refusal says why.
        expect(`${await result.getAttribute('data-kind')}: ${outText}`).toMatch(/^out: /);
        expect(outText).toMatch(/签退成功 \d{2}:\d{2} 已签退 这次服务 \d+ 分钟/);
        const servedMinutes = Number(/这次服务 (\d+) 分钟/.exec(outText)?.[1]);
        expect(servedMinutes).toBeGreaterThanOrEqual(1);
        // The code left the address: a reload does not send it again.
        expect(new URL(page.url()).search).toBe('');
        await look(page, 'volunteer', 'checked-out');

        // ---- The desk closes it: who was paid, and nobody missing.
        await office.getByTestId('close-activity').click();
        await confirmDialog(office, '结束并结算');
        const closed = office.getByTestId('close-result');
        await closed.waitFor();
        expect(await textOf(closed)).toContain('已结算：2 人记入时长，0 人缺席。');
        expect(await textOf(closed.getByTestId('paid'))).toContain(
          `周晓梅 · ${servedMinutes} 分钟`,
        );
        // Recorded from the start's minute to the end's: the window, less the start's seconds.
        expect(await textOf(closed.getByTestId('paid'))).toMatch(/吴德厚 · (59 分钟|1 小时)/);
        expect(await textOf(office.getByTestId('activity-status'))).toBe('已结束');
        await look(office, 'coordinator', 'activity-closed');

        // ---- The volunteer's service record shows the activity (paid through the events).
        await page.goto('/record');
        const entry = page.getByTestId('record-entry').filter({ hasText: '社区义诊：量血压' });
        await reloadUntil(page, 'the activity on the service record', async () => {
          return (await entry.count()) === 1;
        });
        expect(await textOf(entry)).toContain('社区活动');
        await look(page, 'volunteer', 'record-activity');
        await page.goto(`/activities/${id}`);
        await page.getByText('这个活动已经结束，服务时长已结算。').waitFor();
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
        await desk.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'a full activity puts the volunteer on the waitlist, moves them up when a place frees, and a cancelled activity says why',
    async () => {
      const first = await register(communityId, { displayName: '郑国强', roles: ['volunteer'] });
      const volunteer = await register(communityId, {
        displayName: '孙丽华',
        roles: ['resident', 'volunteer'],
      });
      const startsAt = new Date(Date.now() + 2 * 86_400_000);
      const { id } = ok<{ id: string }>(
        await api('POST', '/activities', {
          token: coordinator.token,
          headers: { 'idempotency-key': `publish-full-${communityId}` },
          body: {
            title: '楼道大扫除',
            description: '',
            communityId,
            place: '3 号楼',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
            capacity: 1,
          },
        }),
        201,
        'publish',
      );
      ok(await api('POST', `/activities/${id}/signups`, { token: first.token }), 201, 'sign-up');

      const desk = await openDesk(browser);
      const phone = await openPhone({ browser });
      const { page } = phone;
      try {
        // Full: the volunteer joins the waitlist and reads their place on it.
        await signIn(page, volunteer.login, volunteer.password);
        await page.goto(`/activities/${id}`);
        expect(await textOf(page.getByTestId('places'))).toContain('名额已满，可以候补');
        await page.getByTestId('sign-up').getByText('名额已满，报名候补').click();
        const mine = page.getByTestId('my-signup');
        await mine.waitFor();
        expect(await mine.getAttribute('data-status')).toBe('waitlisted');
        expect(await textOf(mine)).toContain('候补第 1 位');
        await look(page, 'volunteer', 'activity-waitlisted');

        // The one confirmed cancels: the volunteer moves up.
        expect(
          (await api('DELETE', `/activities/${id}/signups/me`, { token: first.token })).status,
        ).toBe(204);
        await reloadUntil(
          page,
          'moved up from the waitlist',
          async () => (await mine.getAttribute('data-status')) === 'confirmed',
        );

        // Cancelling one's own sign-up asks first.
        await page.getByTestId('cancel-signup').click();
        await confirmDialog(page, '取消报名');
        expect(await textOf(page.getByTestId('said'))).toBe('已取消报名。');
        await page.getByTestId('sign-up').waitFor();
        expect(await mine.count()).toBe(0);

        // The desk cancels the activity, with the reason the volunteers read.
        const office = await desk.newPage();
        await signIn(office, coordinator.login, coordinator.password);
        await office.goto(`/console/activities/${id}`);
        await office.getByTestId('cancel-activity').click();
        const dialog = office.getByRole('dialog');
        await dialog.getByTestId('confirm-cancel-activity').click();
        await dialog.getByText('请写一下取消的原因，志愿者会看到').waitFor();
        await dialog.getByLabel('取消原因').fill('暴雨预警，改期另行通知');
        await look(office, 'coordinator', 'activity-cancel');
        await dialog.getByTestId('confirm-cancel-activity').click();
        await until(
          'cancelled on the desk',
          () => textOf(office.getByTestId('activity-status')),
          (shown) => shown === '已取消',
        );
        await office.getByText('活动已取消：暴雨预警，改期另行通知').waitFor();

        await page.reload();
        await page.getByText('这个活动已取消：暴雨预警，改期另行通知').waitFor();
        expect(await page.getByTestId('sign-up').count()).toBe(0);
        await look(page, 'volunteer', 'activity-cancelled');
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
        await desk.close();
      }
    },
    JOURNEY_MS,
  );
});
