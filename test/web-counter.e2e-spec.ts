/**
 * The shop's counter as its staff use it, in Chromium at a phone's size, in Chinese:
 * redeeming the voucher a member shows, from the camera (Chromium's fake camera
 * showing the QR code the member's voucher page draws) and from a code typed however
 * it comes; the answer filling the screen, green with the member's name and what to
 * give, red with why not (used, given back, another shop's, too many wrong codes and
 * until when); never twice, even when an answer is lost and the assistant tries
 * again; the day's redemptions; the settlements received; the shop's offers
 * created, paused and resumed.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, look, signIn, webOrigin, withPhone } from './support/browser';
import {
  claim,
  memberWithCredits,
  Shop,
  shopWithOffer,
  Voucher,
  writeQrVideo,
} from './support/counter';
import {
  adminToken,
  coordinatorOf,
  createCommunity,
  fundCommunity,
  SignedIn,
  unique,
} from './support/fixtures';
import { api, ok } from './support/http';
import { until } from './support/wait';

/** Each look() runs axe-core twice; a journey of several screens needs more than the default minute. */
const JOURNEY_MS = 240_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** "K7QM3XPA" as a hurried assistant types it: "k7-qm 3xpa". */
function messy(code: string): string {
  const lower = code.toLowerCase();
  return `${lower.slice(0, 2)}-${lower.slice(2, 4)} ${lower.slice(4)}`;
}

/** "K7QM-3XPA" typed with a Chinese keyboard in full-width mode: "Ｋ７ＱＭ－３ＸＰＡ". */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** The Idempotency-Key of every redemption the page sends. */
function redeemKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (
      request.method() === 'POST' &&
      new URL(request.url()).pathname === '/api/v1/vouchers/redeem'
    ) {
      keys.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  return keys;
}

/** The answer on screen once it is there: 'ok', 'refused' or 'unsure'. */
async function answer(page: Page): Promise<string> {
  const result = page.getByTestId('redeem-result');
  await result.waitFor();
  return (await result.getAttribute('data-outcome')) ?? '';
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();
}

/** Signed in as a shop's staff, who (not being residents) start at their counter; then on one of its tabs. */
async function atCounter(page: Page, staff: SignedIn, tab?: [string, RegExp]): Promise<void> {
  await signIn(page, staff.login, staff.password);
  await page.waitForURL(/\/counter$/);
  if (!tab) return;
  await page.getByRole('tab', { name: tab[0] }).click();
  await page.waitForURL(tab[1]);
}

/** Sends a typed code from the counter's field; the answer once on screen. */
async function redeemTyped(page: Page, code: string): Promise<string> {
  await page.getByLabel('券号').fill(code);
  await page.getByRole('button', { name: '核销', exact: true }).click();
  return answer(page);
}

async function nextCustomer(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一位顾客' }).click();
  await page.getByTestId('redeem-result').waitFor({ state: 'detached' });
}

/** An offer's status as its shop's staff see it through the API. */
async function offerStatus(shop: Shop, offerId: string): Promise<string> {
  const offers = ok(
    await api('GET', `/offers?merchantId=${shop.id}&limit=50`, { token: shop.staff.token }),
    200,
    'offers',
  );
  return (
    (offers.items as Array<{ id: string; status: string }>).find((o) => o.id === offerId)?.status ??
    'missing'
  );
}

async function voucherStatus(member: SignedIn, voucherId: string): Promise<string> {
  const mine = ok(
    await api('GET', '/vouchers/mine?limit=100', { token: member.token }),
    200,
    'mine',
  );
  return (mine.items as Voucher[]).find((v) => v.voucherId === voucherId)?.status ?? 'missing';
}

describe('web app: the shop counter', () => {
  let browser: Browser;
  let video: string;
  let communityId: string;
  let coordinator: SignedIn;
  let shop: Shop;
  let otherShop: Shop;
  let member: SignedIn;
  let scanned: Voucher;
  let typed: Voucher;
  let elsewhere: Voucher;
  let givenBack: Voucher;
  let dropped: Voucher;

  beforeAll(async () => {
    const admin = await adminToken();
    communityId = (await createCommunity(admin, 1)).id;
    coordinator = await coordinatorOf(admin, communityId);
    await fundCommunity(admin, communityId, { minutes: 6000, key: unique('allocate') });
    shop = await shopWithOffer(coordinator, communityId, {
      title: '豆浆油条八折',
      discount: { kind: 'percent', value: 20 },
    });
    otherShop = await shopWithOffer(coordinator, communityId, {
      title: '理发减五元',
      discount: { kind: 'amount', value: 5 },
    });
    member = await memberWithCredits(coordinator, communityId, '周大爷', 600);
    scanned = await claim(member, shop.offerId);
    typed = await claim(member, shop.offerId);
    elsewhere = await claim(member, otherShop.offerId);
    givenBack = await claim(member, shop.offerId);
    dropped = await claim(member, otherShop.offerId);
    ok(
      await api('POST', `/vouchers/${givenBack.voucherId}/cancel`, { token: member.token }),
      200,
      'give back',
    );

    // The camera sees the QR code the member's voucher page draws (its qrPayload), from launch on.
    video = path.join(os.tmpdir(), `${unique('counter-qr')}.y4m`);
    writeQrVideo(video, scanned.qrPayload);
    browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
  });

  /** The coordinator settles the shop's two redemptions. */
  function settle() {
    return api('POST', `/merchants/${shop.id}/settlements`, {
      token: coordinator.token,
      headers: { 'idempotency-key': unique('settle') },
      body: { minutes: 60, memo: '十一月第一周' },
    });
  }

  afterAll(async () => {
    await browser?.close();
    if (video) rmSync(video, { force: true });
  });

  it(
    "redeems from the camera: the member's QR code read by the back camera, green with the member's name, the camera off after the read, and a second scan refused",
    async () => {
      await withPhone(browser, async (page, phone) => {
        await phone.context.grantPermissions(['camera'], { origin: webOrigin() });
        // Every camera stream the page opens, to check which camera it asked for and that it stopped.
        await phone.context.addInitScript(() => {
          const seen: Array<{ constraints: unknown; stream: MediaStream }> = [];
          (window as unknown as { cameraStreams: typeof seen }).cameraStreams = seen;
          const devices = navigator.mediaDevices;
          const original = devices.getUserMedia.bind(devices);
          devices.getUserMedia = async (constraints) => {
            const stream = await original(constraints);
            seen.push({ constraints, stream });
            return stream;
          };
        });
        const keys = redeemKeys(page);
        await atCounter(page, shop.staff);
        await page.getByRole('button', { name: '扫顾客的二维码' }).waitFor();
        await look(page, 'merchant', 'counter');

        await page.getByRole('button', { name: '扫顾客的二维码' }).click();
        expect(await answer(page)).toBe('ok');
        expect(await text(page, 'result-member')).toBe('周大爷');
        expect(await text(page, 'result-discount')).toBe('打 8 折');
        expect(await text(page, 'result-offer')).toBe('优惠券：豆浆油条八折');
        await page.getByRole('heading', { name: '可以优惠' }).waitFor();
        const camera = await page.evaluate(() =>
          (
            window as unknown as {
              cameraStreams: Array<{ constraints: MediaStreamConstraints; stream: MediaStream }>;
            }
          ).cameraStreams.map(({ constraints, stream }) => ({
            facingMode: (constraints.video as MediaTrackConstraints).facingMode,
            live: stream.getTracks().filter((track) => track.readyState === 'live').length,
          })),
        );
        expect(camera).toEqual([{ facingMode: 'environment', live: 0 }]);
        expect(await page.locator('video').count()).toBe(0);
        expect(keys).toHaveLength(1);
        expect(keys[0]).toMatch(UUID);
        expect(await voucherStatus(member, scanned.voucherId)).toBe('redeemed');
        await look(page, 'merchant', 'counter-redeemed');

        // The customer holds the same voucher up again: refused, in red, with the reason.
        await nextCustomer(page);
        await page.getByRole('button', { name: '扫顾客的二维码' }).click();
        expect(await answer(page)).toBe('refused');
        expect(await text(page, 'result-headline')).toBe('这张券已经用过了');
        expect(await text(page, 'result-reason')).toBe('这张兑换券已经使用过了，不能重复使用');
        expect(keys).toHaveLength(2);
        expect(keys[1]).not.toBe(keys[0]);
        await look(page, 'merchant', 'counter-used');
        await nextCustomer(page);
      });
    },
    JOURNEY_MS,
  );

  it(
    'redeems a typed code however it is written, once for a double tap, and refuses it the second time',
    async () => {
      await withPhone(browser, async (page) => {
        const keys = redeemKeys(page);
        await atCounter(page, shop.staff);
        const input = page.getByLabel('券号');

        // A look-alike (0 for O) is caught on the phone: nothing is sent, nothing counts as a failure.
        await input.fill(`${typed.code.slice(0, 7)}0`);
        await page.getByRole('button', { name: '核销', exact: true }).click();
        await page.getByRole('alert').getByText('券号是 8 位').waitFor();
        expect(keys).toHaveLength(0);
        await look(page, 'merchant', 'counter-mistyped');

        await input.fill(messy(typed.code));
        expect(await text(page, 'code-reading')).toBe(
          `您输入的是：${typed.code.slice(0, 4)} ${typed.code.slice(4)}`,
        );
        await look(page, 'merchant', 'counter-typed');
        // Two taps at once: one redemption.
        await page.evaluate(() => {
          const form = document.querySelector('form');
          form?.requestSubmit();
          form?.requestSubmit();
        });
        expect(await answer(page)).toBe('ok');
        expect(await text(page, 'result-member')).toBe('周大爷');
        expect(await text(page, 'result-discount')).toBe('打 8 折');
        expect(keys).toHaveLength(1);
        expect(await voucherStatus(member, typed.voucherId)).toBe('redeemed');

        // The next customer gets an empty field, ready to type.
        await nextCustomer(page);
        expect(await input.inputValue()).toBe('');
        expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);

        // The same code again, from a Chinese keyboard's full-width letters: a new redemption,
        // refused, since used once is used.
        expect(
          await redeemTyped(page, fullWidth(`${typed.code.slice(0, 4)}-${typed.code.slice(4)}`)),
        ).toBe('refused');
        expect(await text(page, 'result-headline')).toBe('这张券已经用过了');
        expect(await text(page, 'result-reason')).toBe('这张兑换券已经使用过了，不能重复使用');
        expect(keys).toHaveLength(2);
        expect(keys[1]).not.toBe(keys[0]);
        await nextCustomer(page);

        // Another shop's voucher is not this shop's to redeem.
        expect(await redeemTyped(page, elsewhere.code)).toBe('refused');
        expect(await text(page, 'result-headline')).toBe('找不到这张券');
        expect(await text(page, 'result-reason')).toContain('确认是本店的兑换券');
        await look(page, 'merchant', 'counter-not-ours');
        expect(await voucherStatus(member, elsewhere.voucherId)).toBe('issued');
        await nextCustomer(page);

        // A voucher the member gave back (the credits returned to them) cannot be used.
        expect(await redeemTyped(page, givenBack.code)).toBe('refused');
        expect(await text(page, 'result-headline')).toBe('这张券已被顾客退回');
      });
    },
    JOURNEY_MS,
  );

  it(
    'answers a redemption whose answer was lost with the first answer when tried again: green, redeemed once',
    async () => {
      await withPhone(browser, async (page) => {
        const keys = redeemKeys(page);
        // The first answer is lost on the way back (the redemption went through): the phone sees no answer.
        let lose = true;
        await page.route('**/api/v1/vouchers/redeem', async (route) => {
          if (!lose) return route.continue();
          lose = false;
          await route.fetch();
          await route.abort('connectionreset');
        });
        await atCounter(page, otherShop.staff);
        expect(await redeemTyped(page, dropped.code)).toBe('unsure');
        await page.getByRole('heading', { name: '还不知道核销了没有' }).waitFor();
        expect(await voucherStatus(member, dropped.voucherId)).toBe('redeemed');
        await look(page, 'merchant', 'counter-no-answer');

        await page.getByRole('button', { name: '再试一次' }).click();
        await page.getByTestId('redeem-result').and(page.locator('[data-outcome="ok"]')).waitFor();
        expect(await text(page, 'result-member')).toBe('周大爷');
        expect(await text(page, 'result-discount')).toBe('减 5 元');
        // The same key both times: the API answered the retry with the first redemption.
        expect(keys).toHaveLength(2);
        expect(keys[1]).toBe(keys[0]);
        const redemptions = ok(
          await api('GET', `/merchants/${otherShop.id}/redemptions`, {
            token: otherShop.staff.token,
          }),
          200,
          'redemptions',
        );
        expect(
          (redemptions.items as Array<{ voucherId: string }>).filter(
            (r) => r.voucherId === dropped.voucherId,
          ),
        ).toHaveLength(1);
      });
    },
    JOURNEY_MS,
  );

  it(
    'says when the counter may try again after too many wrong codes',
    async () => {
      // A shop of its own, whose staff have already tried ten codes that do not exist.
      const guessed = await shopWithOffer(coordinator, communityId, {
        title: '修鞋送鞋油',
        discount: { kind: 'item', value: '一支鞋油' },
      });
      for (let i = 0; i < 10; i++) {
        const tried = await api('POST', '/vouchers/redeem', {
          token: guessed.staff.token,
          headers: { 'idempotency-key': unique('guess') },
          body: { code: `ZZZZZZ${'23456789ABCD'[i]}2` },
        });
        expect(tried.status).toBe(404);
      }
      await withPhone(browser, async (page) => {
        await atCounter(page, guessed.staff);
        expect(await redeemTyped(page, 'ZZZZ-ZZZZ')).toBe('refused');
        expect(await text(page, 'result-headline')).toBe('输错的次数太多了');
        expect(await text(page, 'result-retry-at')).toMatch(
          /^请在 \d{2}:\d{2} 以后再试（大约 15 分钟后）。$/,
        );
        await look(page, 'merchant', 'counter-too-many');
      });
    },
    JOURNEY_MS,
  );

  it(
    "shows today's redemptions: who, what and the credits the shop received",
    async () => {
      await withPhone(browser, async (page) => {
        await atCounter(page, shop.staff, ['记录', /\/counter\/redemptions$/]);
        await page.getByTestId('redemption').first().waitFor();
        expect(await text(page, 'today-count')).toBe('核销了 2 张');
        expect(await text(page, 'today-credits')).toBe('收到积分 1 小时');
        const lines = page.getByTestId('redemption');
        expect(await lines.count()).toBe(2);
        for (const line of await lines.all()) {
          const words = (await line.innerText()).replace(/\s+/g, ' ');
          expect(words).toContain('周大爷');
          expect(words).toContain('豆浆油条八折 · 打 8 折');
          expect(words).toContain('收到积分 30 分钟 · 我核销的');
        }
        await look(page, 'merchant', 'redemptions');
      });
    },
    JOURNEY_MS,
  );

  it(
    'shows the settlements the shop received: how many credits, when, by whom, with the note',
    async () => {
      // The ledger pays the shop for each redemption a moment after it: settle once it has.
      const settled = await until(
        'the redemptions paid',
        settle,
        (res) => res.status !== 409,
        20_000,
      );
      ok(settled, 201, 'settlement');

      await withPhone(browser, async (page) => {
        await atCounter(page, shop.staff, ['结算', /\/counter\/settlements$/]);
        const line = page.getByTestId('settlement');
        await line.waitFor();
        expect(await line.count()).toBe(1);
        const words = (await line.innerText()).replace(/\s+/g, ' ');
        expect(words).toContain('结算积分 1 小时');
        expect(words).toContain('经办：张主任');
        expect(words).toContain('“十一月第一周”');
        expect(await text(page, 'settled-minutes')).toBe('1 小时');
        await look(page, 'merchant', 'settlements');
      });
    },
    JOURNEY_MS,
  );

  it(
    "publishes an offer through the form, which waits for the community's approval, then pauses and resumes it",
    async () => {
      await withPhone(browser, async (page) => {
        await atCounter(page, shop.staff, ['本店优惠', /\/counter\/offers$/]);
        const cards = page.getByTestId('shop-offer');
        const first = cards.filter({ hasText: '豆浆油条八折' });
        await first.waitFor();
        // Fifty, two claimed and redeemed: what is left is what customers can still claim.
        expect(await text(page, 'offer-remaining')).toBe('还剩 48 张 / 共 50 张');
        expect(await first.getByTestId('offer-status').innerText()).toBe('顾客可以领');
        await look(page, 'merchant', 'offers');

        await page.getByRole('button', { name: '发布新优惠' }).click();
        await page.waitForURL(/\/counter\/offers\/new$/);
        await page.getByLabel('优惠名称').waitFor();
        await look(page, 'merchant', 'offer-new');

        // Nothing filled in: each missing answer is named beside its field.
        await page.getByRole('button', { name: '提交审核' }).click();
        await page.getByText('请填写优惠名称').waitFor();
        await page.getByText('请填写每张要多少积分（分钟）').waitFor();

        await page.getByLabel('优惠名称').fill('豆浆九折');
        await page.getByLabel('说明').fill('每天早上，堂食外带都可以');
        await page.getByLabel('便宜百分之几').fill('10');
        expect(await text(page, 'discount-preview')).toBe('顾客看到的是：打 9 折');
        await page.getByLabel('每张要多少积分（分钟）').fill('20');
        await page.getByLabel('一共发多少张').fill('30');
        await page.getByLabel('每人最多领几张').fill('40');
        await page.getByRole('button', { name: '一周' }).click();
        // More per person than there are in all: the API says so beside the field; nothing typed is lost.
        await page.getByRole('button', { name: '提交审核' }).click();
        const limitError = page
          .locator('.van-field', { hasText: '每人最多领几张' })
          .locator('.van-field__error-message');
        await limitError.waitFor();
        // In the form's words: no wire names such as perMemberLimit.
        expect(await limitError.innerText()).toMatch(/^[^A-Za-z]*不能超过[^A-Za-z]*$/);
        expect(await page.getByLabel('优惠名称').inputValue()).toBe('豆浆九折');
        await look(page, 'merchant', 'offer-new-refused');

        await page.getByLabel('每人最多领几张').fill('2');
        await page.getByRole('button', { name: '提交审核' }).click();
        await page.waitForURL(/\/counter\/offers\?new=/);
        const created = cards.filter({ hasText: '豆浆九折' });
        await created.getByRole('status').getByText('“豆浆九折”已提交，等社区审核').waitFor();
        expect(await created.getByTestId('offer-status').innerText()).toBe('等社区审核');
        await created.getByText('社区协调员审核通过后，顾客才能领取。').waitFor();
        expect(
          (await created.getByTestId('offer-remaining').innerText()).replace(/\s+/g, ' '),
        ).toBe('还剩 30 张 / 共 30 张');
        await look(page, 'merchant', 'offers-created');

        const offers = ok(
          await api('GET', `/offers?merchantId=${shop.id}&limit=50`, { token: shop.staff.token }),
          200,
          'offers',
        );
        const mine = (offers.items as Array<Record<string, unknown>>).find(
          (o) => o.title === '豆浆九折',
        );
        expect(mine).toMatchObject({
          status: 'pending_approval',
          discount: { kind: 'percent', value: 10 },
          creditCostMinutes: 20,
          quantity: 30,
          perMemberLimit: 2,
          minTier: 0,
        });
        const days = (Date.parse(String(mine?.validUntil)) - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(7);
        expect(days).toBeLessThanOrEqual(8);

        // The coordinator approves it; the shop sees it open, pauses it and opens it again.
        ok(
          await api('POST', `/offers/${String(mine?.id)}/approve`, { token: coordinator.token }),
          200,
          'approve',
        );
        await page.reload();
        await created.getByTestId('offer-status').getByText('顾客可以领').waitFor();
        await created.getByRole('button', { name: '暂停领取' }).click();
        const dialog = page.locator('.van-dialog');
        await dialog.getByText('暂停后顾客领不到“豆浆九折”').waitFor();
        await dialog.getByRole('button', { name: '暂停领取' }).click();
        await created.getByTestId('offer-status').getByText('已暂停').waitFor();
        await created.getByText('顾客现在领不到；已经领了的券照样可以用。').waitFor();
        // Said on the card itself; the news of its creation is gone now that it is approved.
        await created.getByRole('status').getByText('“豆浆九折”已暂停').waitFor();
        expect(await created.getByText('等社区审核').count()).toBe(0);
        await look(page, 'merchant', 'offers-paused');
        expect(await offerStatus(shop, String(mine?.id))).toBe('paused');

        await created.getByRole('button', { name: '恢复领取' }).click();
        await created.getByTestId('offer-status').getByText('顾客可以领').waitFor();
        await created.getByRole('status').getByText('“豆浆九折”已恢复，顾客又可以领了').waitFor();
        expect(await offerStatus(shop, String(mine?.id))).toBe('active');
      });
    },
    JOURNEY_MS,
  );
});
