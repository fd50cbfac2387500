/**
 * The web app's sessions and the pages everyone has, in Chromium at a phone's
 * size: sign-in (and its refusal in the member's words), staying signed in across
 * a reload with nothing secret in storage, two tabs reloading at once, the
 * temporary password that must be changed first, text size, contrast and
 * language remembered, and sign-out that ends the session on the server.
 */
import { api } from './support/http';
import { adminToken, coordinatorOf, createCommunity, register, SignedIn } from './support/fixtures';
import { launchChromium, look, openPhone, signIn } from './support/browser';
import type { Browser } from 'playwright-core';
import { until } from './support/wait';

/** The member's saved language, once the page's background save has landed (up to 10 s). */
function localeOf(token: string): Promise<string> {
  return until(
    'the saved language',
    async () => (await api('GET', '/me', { token })).body.locale as string,
    (locale) => locale === 'en',
    10_000,
  );
}

describe('web app: sessions and settings', () => {
  let browser: Browser;
  let communityId: string;
  let coordinator: SignedIn;

  beforeAll(async () => {
    browser = await launchChromium();
    const admin = await adminToken();
    communityId = (await createCommunity(admin, 1)).id;
    coordinator = await coordinatorOf(admin, communityId);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in by e-mail, stays signed in across a reload with nothing secret in storage, and signs out on the server', async () => {
    const resident = await register(communityId, { displayName: '李桂兰' });
    const phone = await openPhone({ browser });
    const { page } = phone;
    try {
      await page.goto('/');
      await page.waitForURL(/\/login/);
      await look(page, 'everyone', 'login');

      // A wrong password: the API's words in Chinese, and what was typed is still there.
      await page.locator('input[name="login"]').fill(resident.login);
      await page.locator('input[name="password"]').fill('not-the-password');
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('alert').getByText('账号或密码不对').waitFor();
      expect(await page.locator('input[name="login"]').inputValue()).toBe(resident.login);

      await signIn(page, resident.login, resident.password);
      await page.getByText('李桂兰').first().waitFor();
      await page.locator('[data-testid="available-minutes"]').waitFor();

      // The refresh token is an HttpOnly cookie on the auth routes only; storage holds nothing secret.
      const cookies = await phone.context.cookies();
      const refresh = cookies.filter((c) => c.httpOnly && c.path.startsWith('/api/v1/auth'));
      expect(refresh).toHaveLength(1);
      expect(refresh[0].sameSite).toBe('Strict');
      const stored = await page.evaluate(() =>
        JSON.stringify({ ...localStorage, ...sessionStorage }),
      );
      expect(stored).not.toMatch(/eyJ|refresh|token/i);

      await page.reload();
      await page.locator('[data-testid="available-minutes"]').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      // Sign-out ends the session on the server: the old cookie no longer signs anyone in.
      const before = (await phone.context.cookies()).find((c) => c.httpOnly)!;
      await page.goto('/me');
      await look(page, 'everyone', 'me');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.locator('.van-dialog').getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(/\/login/);
      const replay = await api('POST', '/auth/refresh', {
        headers: { cookie: `${before.name}=${before.value}` },
        body: {},
      });
      expect(replay.status).toBe(401);
      await page.reload();
      await page.waitForURL(/\/login/);
    } finally {
      await phone.close();
    }
  });

  it('keeps both tabs signed in when they reload at the same moment', async () => {
    const resident = await register(communityId);
    const phone = await openPhone({ browser });
    try {
      await signIn(phone.page, resident.login, resident.password);
      await phone.page.locator('[data-testid="available-minutes"]').waitFor();
      const second = await phone.context.newPage();
      await second.goto('/');
      await second.locator('[data-testid="available-minutes"]').waitFor();

      // Refresh tokens work once and a reuse ends every session: the tabs must take turns.
      await Promise.all([phone.page.reload(), second.reload()]);
      await phone.page.locator('[data-testid="available-minutes"]').waitFor();
      await second.locator('[data-testid="available-minutes"]').waitFor();
      await phone.page.reload();
      await phone.page.locator('[data-testid="available-minutes"]').waitFor();
    } finally {
      await phone.close();
    }
  });

  it('takes a member with a temporary password to change it first, then home', async () => {
    const resident = await register(communityId, { displayName: '周大爷' });
    const reset = await api('POST', `/members/${resident.member.id}/password-reset`, {
      token: coordinator.token,
    });
    expect(reset.status).toBe(200);
    const phone = await openPhone({ browser });
    const { page } = phone;
    try {
      await page.goto('/login');
      await page.locator('input[name="login"]').fill(resident.login);
      await page.locator('input[name="password"]').fill(reset.body.temporaryPassword as string);
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL(/\/password/);
      await page.getByText('请先把临时密码改成您自己的密码').waitFor();
      await look(page, 'everyone', 'password');

      // Any other page leads back here until the password is changed.
      await page.goto('/me');
      await page.waitForURL(/\/password/);

      const fresh = 'my-own-password-2026';
      await page
        .locator('input[name="currentPassword"]')
        .fill(reset.body.temporaryPassword as string);
      await page.locator('input[name="newPassword"]').fill(fresh);
      await page.locator('input[name="repeat"]').fill(fresh);
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.locator('[data-testid="available-minutes"]').waitFor();

      const signInAgain = await api('POST', '/auth/login', {
        body: { login: resident.login, password: fresh },
      });
      expect(signInAgain.status).toBe(200);
      expect(signInAgain.body.member.mustChangePassword).toBe(false);
    } finally {
      await phone.close();
    }
  });

  it('remembers text size, high contrast and language, and switches every word to English', async () => {
    const resident = await register(communityId);
    const phone = await openPhone({ browser });
    const { page } = phone;
    try {
      await signIn(page, resident.login, resident.password);
      await page.goto('/settings');
      await page.getByText('特大').click();
      await page.getByRole('switch', { name: '高对比度' }).click();
      await look(page, 'everyone', 'settings');

      const bodySize = () =>
        page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      const large = await bodySize();
      await page.reload();
      await page.getByText('特大').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('xlarge');
      expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
      expect(await bodySize()).toBe(large);
      expect(large).toBeGreaterThanOrEqual(22);

      await page.getByText('English').click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await look(page, 'everyone', 'settings-en');
      // The account follows the choice, so what the services write is in English too.
      await expect(localeOf(resident.token)).resolves.toBe('en');

      await page.goto('/');
      await page.getByText('Time credits').first().waitFor();
    } finally {
      await phone.close();
    }
  });
});
