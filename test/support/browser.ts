/// <reference lib="dom" />
/**
 * The web app as a person uses it: Debian's Chromium (never a downloaded build)
 * driven by playwright-core, at a phone's size, against the suite the e2e
 * global setup started (the gateway serves the app at `/`).
 *
 *   const web = await openPhone();            // zh-CN, 390×844
 *   await signIn(web.page, someone);
 *   await look(web.page, 'resident', 'home'); // screenshot + axe, normal and extra-large text
 *   await web.close();
 */
import AxeBuilder from '@axe-core/playwright';
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sharedBaseUrl } from './http';
import { until } from './wait';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS = path.resolve(__dirname, '..', 'logs', 'screens');
export const PHONE = { width: 390, height: 844 };

/** The app's origin: the API's base URL without /api/v1. */
export function webOrigin(): string {
  return sharedBaseUrl().replace(/\/api\/v1\/?$/, '');
}

/**
 * Flags for a headless Chromium on a closed network, as root: no sandbox (root),
 * no GPU, and none of the background connections a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...args] });
}

export interface Phone {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every error the page threw or logged: a test fails on them (see expectNoPageErrors). */
  errors: string[];
  close(): Promise<void>;
}

/** A new phone (its own cookies and storage) with the app's language. */
export async function openPhone(
  options: { locale?: 'zh-CN' | 'en'; browser?: Browser } = {},
): Promise<Phone> {
  const browser = options.browser ?? (await launchChromium());
  const locale = options.locale ?? 'zh-CN';
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    timezoneId: 'Asia/Shanghai',
    baseURL: webOrigin(),
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    browser,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      if (!options.browser) await browser.close();
    },
  };
}

/** A new phone (see openPhone) for `use`, closed afterwards whatever happens. */
export async function withPhone(
  browser: Browser,
  use: (page: Page, phone: Phone) => Promise<void>,
): Promise<void> {
  const phone = await openPhone({ browser });
  try {
    await use(phone.page, phone);
  } finally {
    await phone.close();
  }
}

/** Signs in through the sign-in page and waits for the page it leads to. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/**
 * Waits for the animations under way (a dialog fading in) to end. One that is
 * cancelled (the element re-rendered or removed) has ended too: its `finished`
 * rejects with an AbortError, which must not fail the test.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Waits until no spinner is showing and the page has settled. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('[data-state="loading"], .van-loading, .van-toast--loading')
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .catch(() => undefined);
  // A dialog or popup fading in would be measured half transparent (axe: contrast).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
      timeout: 5_000,
    })
    .catch(() => undefined);
}

/** Reloads until `onScreen` holds: what a page shows may follow a call by a moment (events). */
export async function reloadUntil(
  page: Page,
  what: string,
  onScreen: () => Promise<boolean>,
): Promise<void> {
  await until(
    `on screen: ${what}`,
    async () => {
      await settled(page);
      if (await onScreen()) return true;
      await page.reload();
      return false;
    },
    (shown) => shown,
    30_000,
  );
}

/**
 * A page the member passes through: its screenshots in test/logs/screens/<role>-<name>.png
 * and, at the extra-large text size, <role>-<name>-xl.png, and axe-core with no serious or critical violations, at the standard and at the
 * extra-large text size (the member's choice is restored afterwards).
 */
export async function look(page: Page, role: string, name: string): Promise<void> {
  await settled(page);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${role}-${name}.png`), fullPage: true });
  const original = await page.evaluate(() => document.documentElement.dataset.textSize ?? '');
  const findings: Record<string, AxeFinding[]> = {};
  for (const size of ['standard', 'xlarge']) {
    await page.evaluate((s) => (document.documentElement.dataset.textSize = s), size);
    if (size === 'xlarge') {
      await settled(page);
      await page.screenshot({ path: path.join(SCREENS, `${role}-${name}-xl.png`), fullPage: true });
    }
    const found = await seriousViolations(page);
    if (found.length > 0) findings[size] = found;
  }
  await page.evaluate((s) => (document.documentElement.dataset.textSize = s), original);
  if (Object.keys(findings).length > 0) {
    throw new Error(
      `axe-core on ${role}-${name} (${page.url()}): ${JSON.stringify(findings, null, 2)}`,
    );
  }
}

/** The text of the QR code an <img> shows, read back by ZXing from the pixels the browser drew. */
export async function qrText(page: Page, testId: string): Promise<string> {
  const { width, height, luminance } = await page.getByTestId(testId).evaluate(async (node) => {
    const img = node as HTMLImageElement;
    await img.decode();
    // Scaled by a whole factor only: scaled to 360 px without smoothing, some codes lost a
    // row of modules and ZXing found none (a flake that came and went with the door's code).
    const factor = Math.max(1, Math.ceil(400 / Math.max(img.naturalWidth, img.naturalHeight)));
    const drawn = Math.max(img.naturalWidth, img.naturalHeight) * factor;
    const size = drawn + 40;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 20, 20, img.naturalWidth * factor, img.naturalHeight * factor);
    const { data } = ctx.getImageData(0, 0, size, size);
    const gray: number[] = [];
    for (let i = 0; i < data.length; i += 4)
      gray.push(Math.round((data[i] + data[i + 1] + data[i + 2]) / 3));
    return { width: size, height: size, luminance: gray };
  });
  const source = new RGBLuminanceSource(Uint8ClampedArray.from(luminance), width, height);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
}
