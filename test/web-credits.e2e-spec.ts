/**
 * The credits pages as members use them, in Chromium at a phone's size, in Chinese:
 * giving credits to a family member by phone number (a wrong number refused beside
 * the field, the amount checked before it is sent, both statements showing it), and
 * claiming a shop's offer and showing the voucher at the counter (code in large
 * print and a QR code), with the reason an offer is out of reach spelled out.
 */
import type { Browser, Page } from 'playwright-core';
import { animationsDone, launchChromium, look, openPhone, signIn } from './support/browser';
import {
  adminToken,
  approvedOffer,
  coordinatorOf,
  createCommunity,
  credit,
  fundCommunity,
  merchantWithStaff,
  register,
  SignedIn,
  unique,
  uniquePhone,
} from './support/fixtures';
import { api } from './support/http';
import { until } from './support/wait';

const HOUR = 3_600_000;
/** Each look() runs axe-core twice; a journey of eight pages needs more than the default minute. */
const JOURNEY_MS = 240_000;

/** "+8613912345678" as people write it: "139 1234 5678". */
function spaced(phone: string): string {
  const digits = phone.replace(/^\+86/, '');
  return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Idempotency-Key of every POST the page sends to a path ending in `suffix`. */
function keysSentTo(page: Page, suffix: RegExp): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && suffix.test(new URL(request.url()).pathname)) {
      keys.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  return keys;
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().innerText()).replace(/\s+/g, ' ').trim();
}

/** Waits until the element shows exactly `value` (it may still be loading). */
async function shows(page: Page, testId: string, value: string): Promise<void> {
  const exactly = new RegExp(`^\\s*${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.getByTestId(testId).filter({ hasText: exactly }).first().waitFor();
}

/** Waits for the dialog's opening animation: axe would measure the contrast of half-faded text. */
async function opened(page: Page): Promise<void> {
  await page.locator('.van-dialog').waitFor();
  await animationsDone(page);
}

/** The member's held minutes once the voucher's hold has been released (asynchronously; up to 15 s). */
function heldMinutesOnceSettled(member: SignedIn): Promise<number> {
  return until(
    'the hold released',
    async () =>
      (await api('GET', '/accounts/me', { token: member.token })).body.heldMinutes as number,
    (held) => held === 0,
    15_000,
  );
}

describe('web app: credits', () => {
  let browser: Browser;
  let communityId: string;
  let coordinator: SignedIn;

  beforeAll(async () => {
    browser = await launchChromium();
    const admin = await adminToken();
    communityId = (await createCommunity(admin, 1)).id;
    coordinator = await coordinatorOf(admin, communityId);
    // The community fund pays the opening credits below.
    await fundCommunity(admin, communityId, { minutes: 6000, key: unique('allocate') });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'gives credits to a family member by phone number, and both statements show it',
    async () => {
      const familyPhone = uniquePhone();
      const giver = await register(communityId, { displayName: '孙建国' });
      const family = await register(communityId, { displayName: '赵小红', phone: familyPhone });
      await credit(coordinator, giver, 240);

      const giverPhone = await openPhone({ browser });
      const page = giverPhone.page;
      try {
        const giftKeys = keysSentTo(page, /\/api\/v1\/transfers$/);
        await signIn(page, giver.login, giver.password);
        await look(page, 'giver', 'home');
        await page.getByRole('tab', { name: '我的' }).click();
        await page.waitForURL(/\/me$/);
        await look(page, 'giver', 'me');
        await page.getByRole('button', { name: '赠送积分给家人' }).click();
        await page.waitForURL(/\/gift$/);
        await shows(page, 'available-minutes', '4 小时');
        await look(page, 'giver', 'gift');

        // A number nobody has: refused beside the field, nothing typed lost, nothing given.
        const nobody = spaced(uniquePhone());
        await page.getByLabel('家人的手机号').fill(nobody);
        await page.getByLabel('赠送多少分钟').fill('60');
        await page.getByRole('button', { name: '下一步' }).click();
        await page.getByRole('button', { name: '确认赠送' }).click();
        await page.getByText('没有找到用这个手机号登记的成员').waitFor();
        expect(await page.getByLabel('家人的手机号').inputValue()).toBe(nobody);
        expect(await page.getByLabel('赠送多少分钟').inputValue()).toBe('60');
        await look(page, 'giver', 'gift-refused');

        // The right number, in the notation people write it; the amount is checked first.
        await page.getByLabel('家人的手机号').fill(spaced(familyPhone));
        await page.getByRole('button', { name: '下一步' }).click();
        expect(await text(page, 'confirm-amount')).toBe('1 小时');
        expect(await text(page, 'confirm-recipient')).toBe(`手机号 ${spaced(familyPhone)}`);
        await look(page, 'giver', 'gift-confirm');
        await page.getByRole('button', { name: '确认赠送' }).click();

        // The recipient as the API names them, and the giver's credits down on screen.
        await page.getByTestId('gift-done').waitFor();
        expect(await text(page, 'gift-recipient')).toBe('已送给 赵小红');
        expect(await text(page, 'available-after')).toBe('您现在可以用的积分还有 3 小时');
        await look(page, 'giver', 'gift-done');
        // Each attempt sent a key of its own: the refused one is not replayed for the right number.
        expect(giftKeys).toHaveLength(2);
        expect(giftKeys.every((key) => UUID.test(key))).toBe(true);
        expect(giftKeys[0]).not.toBe(giftKeys[1]);

        await page.getByRole('button', { name: '看积分明细' }).click();
        await page.waitForURL(/\/statement$/);
        await page.getByTestId('statement-line').first().waitFor();
        await shows(page, 'balance-minutes', '3 小时');
        const lines = page.getByTestId('statement-line');
        expect(await lines.count()).toBe(2); // the opening credit and one gift: never paid twice
        const gift = lines.first();
        expect(await gift.getAttribute('data-kind')).toBe('gift');
        await gift.getByText('赠送积分给家人').waitFor();
        expect(await gift.getByTestId('counterparty').innerText()).toBe('给 赵小红');
        expect((await gift.getByTestId('line-minutes').innerText()).trim()).toMatch(/−1 小时$/);
        expect(await gift.getByTestId('balance-after').innerText()).toBe('之后余额 3 小时');
        await look(page, 'giver', 'statement');
      } finally {
        await giverPhone.close();
      }

      // The family member signs in by phone and finds the gift with the giver's name.
      const familyPhoneApp = await openPhone({ browser });
      const other = familyPhoneApp.page;
      try {
        await signIn(other, familyPhone, family.password);
        await other.getByRole('tab', { name: '我的' }).click();
        await other.getByRole('button', { name: '积分明细' }).click();
        await other.waitForURL(/\/statement$/);
        await other.getByTestId('statement-line').first().waitFor();
        await shows(other, 'balance-minutes', '1 小时');
        const received = other.getByTestId('statement-line').first();
        await received.getByText('收到家人赠送的积分').waitFor();
        expect(await received.getByTestId('counterparty').innerText()).toBe('来自 孙建国');
        expect((await received.getByTestId('line-minutes').innerText()).trim()).toMatch(
          /\+1 小时$/,
        );
        await look(other, 'family', 'statement');
      } finally {
        await familyPhoneApp.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'claims an offer and shows the voucher at the counter: the code in large print and a QR code',
    async () => {
      const merchantName = `李记牛肉面 ${unique('n').slice(2, 6)}`;
      const merchant = await merchantWithStaff(coordinator.token, communityId, merchantName);
      for (const terms of [
        { title: '招牌牛肉面一碗', discount: { kind: 'item', value: '牛肉面一碗' }, minTier: 2 },
        { title: '牛肉面八折', discount: { kind: 'percent', value: 20 } },
      ]) {
        await approvedOffer(coordinator, merchant, {
          description: '大碗小碗都可以，堂食外带均可。',
          validUntil: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
          quantity: 50,
          perMemberLimit: 2,
          ...terms,
        });
      }
      const member = await register(communityId, { displayName: '周大爷' });
      await credit(coordinator, member, 120);

      const phone = await openPhone({ browser });
      const page = phone.page;
      try {
        const claimKeys = keysSentTo(page, /\/api\/v1\/offers\/[^/]+\/claim$/);
        await signIn(page, member.login, member.password);
        await page.getByRole('tab', { name: '优惠' }).click();
        await page.waitForURL(/\/offers$/);
        const ours = page.getByTestId('offer').filter({ hasText: merchantName });
        await ours.first().waitFor();
        expect(await ours.count()).toBe(2);

        // The offer out of reach says why; the one within reach can be claimed.
        const special = ours.filter({ hasText: '招牌牛肉面一碗' });
        await special.getByText('送牛肉面一碗').waitFor();
        expect(await special.getByTestId('why-not').innerText()).toContain('需要二星志愿者');
        expect(await special.getByRole('button', { name: '用积分兑换' }).count()).toBe(0);
        const discount = ours.filter({ hasText: '牛肉面八折' });
        await discount.getByText('打8折').waitFor();
        await discount.getByText('30 分钟').waitFor();
        await discount.getByText('50 张').waitFor();
        await look(page, 'member', 'offers');

        await page.getByRole('button', { name: '我现在能领的' }).click();
        await special.waitFor({ state: 'detached' });
        await discount.waitFor();

        await discount.getByRole('button', { name: '用积分兑换' }).click();
        const dialog = page.locator('.van-dialog');
        await dialog.getByText('将为这张优惠券预留 30 分钟').waitFor();
        await opened(page);
        await look(page, 'member', 'offers-claim');
        await dialog.getByRole('button', { name: '用积分兑换' }).click();

        // The voucher, ready for the counter: its code large enough to read aloud, and a QR code.
        await page.waitForURL(/\/vouchers\?new=/);
        expect(claimKeys).toHaveLength(1);
        expect(claimKeys[0]).toMatch(UUID);
        const mine = await api('GET', '/vouchers/mine', { token: member.token });
        expect(mine.body.items).toHaveLength(1);
        const issued = mine.body.items[0];
        const card = page.getByTestId('voucher').first();
        expect(await card.getByTestId('voucher-status').innerText()).toBe('可以使用');
        await card.getByRole('status').getByText('兑换成功！').waitFor();
        const code = card.getByTestId('voucher-code');
        expect((await code.innerText()).replace(/\s/g, '')).toBe(issued.code);
        const codeSize = await code.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(codeSize).toBeGreaterThanOrEqual(40);
        const qr = card.getByRole('img', { name: /优惠券二维码/ });
        await qr.waitFor();
        const drawn = await qr.evaluate((img: HTMLImageElement) => ({
          width: img.naturalWidth,
          shown: img.getBoundingClientRect().width,
        }));
        expect(drawn.width).toBeGreaterThan(0);
        expect(drawn.shown).toBeGreaterThanOrEqual(200);
        await look(page, 'member', 'vouchers');

        // Given back: the hold returns and the voucher says so.
        await card.getByRole('button', { name: '退回这张优惠券' }).click();
        await page.locator('.van-dialog').getByRole('button', { name: '退回这张优惠券' }).click();
        await card.getByTestId('voucher-status').getByText('已退回').waitFor();
        await card.getByText('预留的 30 分钟已回到您可以用的积分里').waitFor();
        expect(await heldMinutesOnceSettled(member)).toBe(0);
      } finally {
        await phone.close();
      }
    },
    JOURNEY_MS,
  );
});
