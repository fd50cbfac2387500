/// <reference lib="dom" />
/**
 * The volunteer's pages in Chromium at a phone's size, in Chinese: logging hours
 * (a refusal next to the field, nothing typed lost), seeing them wait, approved by
 * the community's coordinator, and the credits, total and tier growing on screen;
 * the service record, the printable certificate with its QR code, and the public
 * check page that code opens on a stranger's phone; the volunteer profile.
 */
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { api } from './support/http';
import { adminToken, coordinatorOf, createCommunity, register, SignedIn } from './support/fixtures';
import { launchChromium, look, openPhone, reloadUntil, signIn, webOrigin } from './support/browser';
import { until } from './support/wait';

const ZONE = 'Asia/Shanghai';
const JOURNEY_MS = 240_000;

/** A day `back` days before the city's today, as YYYY-MM-DD. */
function cityDay(back = 0): string {
  const at = new Date(Date.now() - back * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(at);
}

const textOf = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** PDF pages of the page printed on `format` paper. */
async function printedPages(page: Page, format: 'A4' | 'A5'): Promise<number> {
  const pdf = (await page.pdf({ format })).toString('latin1');
  return Number(/\/Count (\d+)/.exec(pdf)?.[1]);
}

describe('web app: the volunteer', () => {
  let browser: Browser;
  let admin: string;
  let communityId: string;
  let coordinator: SignedIn;

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await adminToken();
    communityId = (await createCommunity(admin, 1)).id;
    coordinator = await coordinatorOf(admin, communityId);
    // The community fund pays for approved hours.
    const allocation = await api('POST', `/communities/${communityId}/fund/allocations`, {
      token: admin,
      headers: { 'idempotency-key': `fund-${communityId}` },
      body: { minutes: 100_000 },
    });
    expect(allocation.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Hours logged and approved through the API: the volunteer's past service. */
  async function pastService(volunteer: SignedIn, days: number[], minutes: number) {
    for (const back of days) {
      const log = await api('POST', '/hours', {
        token: volunteer.token,
        body: { minutes, servedOn: cityDay(back), description: '社区图书角值班' },
      });
      expect(log.status).toBe(201);
      const approved = await api('POST', `/hours/${log.body.id}/approve`, {
        token: coordinator.token,
        headers: { 'idempotency-key': `approve-${log.body.id}` },
      });
      expect(approved.status).toBe(200);
    }
  }

  it(
    'logs hours, sees them wait and then approved with the credits, total and tier grown, and prints a certificate anyone can check',
    async () => {
      const tiers = (await api('GET', '/tiers')).body as Array<{
        level: number;
        minMinutes: number;
      }>;
      const first = tiers.find((t) => t.level === 1)!;
      const volunteer = await register(communityId, {
        displayName: '陈志远',
        roles: ['resident', 'volunteer'],
      });
      // Full days from yesterday back, so that the 4 hours logged today reach the first tier.
      const past = first.minMinutes - 240;
      expect(past % 1440).toBe(0);
      await pastService(
        volunteer,
        Array.from({ length: past / 1440 }, (_, i) => i + 1),
        1440,
      );
      await until(
        'past service credited',
        async () =>
          (
            await api<{ availableMinutes: number }>('GET', '/accounts/me', {
              token: volunteer.token,
            })
          ).body,
        (account) => account.availableMinutes === past,
      );
      const pastHours = `${past / 60} 小时`;
      const nowHours = `${first.minMinutes / 60} 小时`;

      const phone = await openPhone({ browser });
      const { page } = phone;
      try {
        await signIn(page, volunteer.login, volunteer.password);
        await look(page, 'volunteer', 'home');
        await page.locator('.van-tabbar').getByText('我的').click();
        await page.waitForURL('**/me');
        await look(page, 'volunteer', 'me');

        // My hours: the credits so far, and a big button to log more.
        await page.getByText('我的服务时长').click();
        await page.waitForURL('**/hours');
        await page.getByTestId('available-minutes').getByText(pastHours).waitFor();
        await look(page, 'volunteer', 'hours');

        await page.getByTestId('log-hours').click();
        await page.waitForURL('**/hours/new');
        await look(page, 'volunteer', 'log-hours');

        // Sent empty: each field says what it needs.
        await page.getByTestId('submit-hours').click();
        await page.getByText('请选择服务了多长时间').waitFor();
        await page.getByText('请写一下做了什么').waitFor();

        // Yesterday is already full: the API's words under the minutes, nothing typed lost.
        await page.getByRole('button', { name: '4 小时', exact: true }).click();
        await page.getByRole('button', { name: '昨天' }).click();
        await page.getByLabel('做了什么').fill('重阳节敬老活动布置与服务');
        await page.getByTestId('submit-hours').click();
        const refusal = page.locator('#minutes-error');
        await refusal.getByText('1440').waitFor();
        expect(await refusal.textContent()).toContain(cityDay(1));
        expect(await page.getByLabel('做了什么').inputValue()).toBe('重阳节敬老活动布置与服务');
        await look(page, 'volunteer', 'log-hours-refused');

        // Today, then: it waits for the community's review.
        await page.getByRole('button', { name: '今天' }).click();
        expect(await page.getByTestId('served-on').getAttribute('data-day')).toBe(cityDay(0));
        await page.getByTestId('submit-hours').click();
        await page.waitForURL('**/hours');
        const logged = page.getByTestId('hour-log').filter({ hasText: '重阳节敬老活动布置与服务' });
        await page.getByTestId('hours-logged').getByText('已提交，请等待社区审核').waitFor();
        await logged.getByText('待审核').waitFor();
        expect(await logged.textContent()).toContain('4 小时');
        await look(page, 'volunteer', 'hours-pending');

        // The coordinator approves it (through the API: their pages are another part).
        const mine = await api('GET', '/hours?mine=true&status=pending', {
          token: volunteer.token,
        });
        expect(mine.body.items).toHaveLength(1);
        const approved = await api('POST', `/hours/${mine.body.items[0].id}/approve`, {
          token: coordinator.token,
          headers: { 'idempotency-key': `approve-${mine.body.items[0].id}` },
        });
        expect(approved.status).toBe(200);

        // Approved, and the credits grew by the 4 hours.
        await reloadUntil(
          page,
          `approved and ${nowHours} of credits`,
          async () =>
            (await logged.getByText('已通过').count()) === 1 &&
            (await textOf(page, 'available-minutes')) === nowHours,
        );
        await look(page, 'volunteer', 'hours-approved');

        // The service record: the new total, and the first star.
        await page.locator('.van-nav-bar__left').click();
        await page.waitForURL('**/me');
        await page.getByText('服务记录与证书').click();
        await page.waitForURL('**/record');
        await reloadUntil(
          page,
          `a total of ${nowHours} and the first tier`,
          async () =>
            (await textOf(page, 'total-minutes')) === nowHours &&
            (await page.getByTestId('tier-stars').getAttribute('data-level')) === '1',
        );
        expect(await textOf(page, 'tier-name')).toBe('一星志愿者');
        expect(await page.getByRole('img', { name: '一星志愿者，1 星（共 5 星）' }).count()).toBe(
          1,
        );
        expect(await textOf(page, 'tier-to-next')).toMatch(/^再服务 .+，即可成为「二星志愿者」$/);
        const entries = page.getByTestId('record-entry');
        expect(await entries.count()).toBe(past / 1440 + 1);
        expect(await entries.first().textContent()).toContain('重阳节敬老活动布置与服务');
        await look(page, 'volunteer', 'record');

        // The certificate: who, how long, which tier, when, and the code to check it by.
        await page.getByTestId('open-certificate').click();
        await page.waitForURL('**/record/certificate');
        await page.getByTestId('certificate-qr').waitFor();
        expect(await textOf(page, 'certificate-name')).toBe('陈志远');
        expect(await textOf(page, 'certificate-hours')).toBe(nowHours);
        expect(await textOf(page, 'certificate-tier')).toBe('一星志愿者');
        expect(await textOf(page, 'certificate-issued')).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
        const code = await textOf(page, 'certificate-code');
        const checkUrl = `${webOrigin()}/c/${code}`;
        expect(await page.getByTestId('certificate-check').getAttribute('data-url')).toBe(checkUrl);
        // The QR code is that very address.
        const qr = (await page.getByTestId('certificate-qr').getAttribute('src')) ?? '';
        const svg = await QRCode.toString(checkUrl, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 1,
        });
        expect(decodeURIComponent(qr.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toBe(
          svg,
        );
        await look(page, 'volunteer', 'certificate');

        // The print button prints; on paper only the certificate, one page of A4 or A5.
        await page.evaluate(() => {
          (window as unknown as { printed: number }).printed = 0;
          window.print = () => void (window as unknown as { printed: number }).printed++;
        });
        await page.getByTestId('print-certificate').click();
        expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(
          1,
        );
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.van-nav-bar').isVisible()).toBe(false);
        expect(await page.getByTestId('print-certificate').isVisible()).toBe(false);
        expect(await page.getByTestId('certificate').isVisible()).toBe(true);
        await page.emulateMedia({ media: null });
        expect(await printedPages(page, 'A4')).toBe(1);
        expect(await printedPages(page, 'A5')).toBe(1);

        // Anyone who scans it, signed out on their own phone, sees it is valid and whose it is.
        const stranger = await openPhone({ browser });
        try {
          await stranger.page.goto(checkUrl);
          const verdict = stranger.page.getByTestId('certificate-verdict');
          await verdict.getByText('证书有效').waitFor();
          expect(await verdict.getAttribute('data-verdict')).toBe('valid');
          expect(await textOf(stranger.page, 'check-name')).toBe('陈志远');
          expect(await textOf(stranger.page, 'check-total')).toBe(nowHours);
          expect(await textOf(stranger.page, 'check-tier')).toBe('一星志愿者');
          expect(new URL(stranger.page.url()).pathname).toBe(`/c/${code}`);
          await look(stranger.page, 'everyone', 'certificate-check');

          // A code nobody holds is plainly not found, not an error.
          await stranger.page.goto(`/c/${code.slice(0, -4)}XXXX`);
          await verdict.getByText('没有找到这张证书').waitFor();
          expect(await stranger.page.locator('[data-state="error"]').count()).toBe(0);
          await look(stranger.page, 'everyone', 'certificate-not-found');
          expect(stranger.errors).toEqual([]);
        } finally {
          await stranger.close();
        }
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
      }
    },
    JOURNEY_MS,
  );

  it(
    'keeps a volunteer profile: skills tapped or written, when free, a few words',
    async () => {
      const volunteer = await register(communityId, {
        displayName: '林晓燕',
        roles: ['volunteer'],
      });
      const phone = await openPhone({ browser });
      const { page } = phone;
      try {
        await signIn(page, volunteer.login, volunteer.password);
        await page.goto('/me');
        await page.getByText('志愿者资料').click();
        await page.waitForURL('**/profile');
        await page.getByTestId('skill-presets').getByRole('button').first().waitFor();
        await look(page, 'volunteer', 'profile');

        const escort = page.getByRole('button', { name: '陪同就医办事' });
        await escort.click();
        expect(await escort.getAttribute('aria-pressed')).toBe('true');
        await page.getByLabel('其他技能').fill('量血压');
        await page.getByRole('button', { name: '添加' }).click();
        await page.getByRole('button', { name: '删除 量血压' }).waitFor();
        await page.getByLabel('什么时候有空').fill('工作日上午');
        await page.getByLabel('自我介绍').fill('退休护士，住在 3 号楼');
        const saved = page.waitForResponse(
          (r) => r.url().endsWith('/api/v1/me/volunteer-profile') && r.request().method() === 'PUT',
        );
        await page.getByTestId('save-profile').click();
        const profile = (await (await saved).json()) as Record<string, unknown>;
        expect(profile).toMatchObject({
          memberId: volunteer.member.id,
          skills: ['陪同就医办事', '量血压'],
          availability: '工作日上午',
          bio: '退休护士，住在 3 号楼',
        });
        await page.getByTestId('profile-saved').getByText('资料已保存').waitFor();
        await page.getByTestId('profile-note').getByText('上次保存').waitFor();
        // What was chosen and typed stays on screen after saving.
        expect(await escort.getAttribute('aria-pressed')).toBe('true');
        expect(await page.getByLabel('什么时候有空').inputValue()).toBe('工作日上午');
        await look(page, 'volunteer', 'profile-saved');

        // Another day, another visit: the page shows the profile as it was saved.
        await page.reload();
        await page.getByTestId('profile-note').getByText('上次保存').waitFor();
        expect(
          await page.getByRole('button', { name: '陪同就医办事' }).getAttribute('aria-pressed'),
        ).toBe('true');
        await page.getByRole('button', { name: '删除 量血压' }).waitFor();
        expect(await page.getByLabel('什么时候有空').inputValue()).toBe('工作日上午');
        expect(await page.getByLabel('自我介绍').inputValue()).toBe('退休护士，住在 3 号楼');
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
      }
    },
    JOURNEY_MS,
  );
});
