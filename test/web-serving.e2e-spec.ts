/**
 * The web app at `/`: a second gateway over the shared suite's services,
 * serving a small build made here (WEB_ROOT), so these tests do not depend on
 * the real app being built. Hashed assets are cached for a year, index.html is
 * revalidated on every load, deep links reload into the app, and the API's
 * 404 stays a problem.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchSuite, Suite } from '../scripts/launcher';
import { api, apiFor, ApiResponse, sharedBaseUrl } from './support/http';
import { expectProblem } from './support/problems';
import { freePort, SERVICE_START_MS, TEST_SETTINGS } from './support/suite';

const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>时间银行</title>' +
  '<script type="module" crossorigin src="/assets/index-3f9a1c2e.js"></script></head>' +
  '<body><div id="app"></div></body></html>';
const ENTRY_JS = 'document.getElementById("app").textContent = "时间银行";\n';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let webRoot: string;
let gateway: Suite;
let origin: string;
let gatewayApi: typeof api;

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'timebank-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-3f9a1c2e.js'), ENTRY_JS);
  fs.writeFileSync(path.join(webRoot, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  fs.writeFileSync(path.join(webRoot, '.env'), 'SECRET=1\n');
  gateway = await launchSuite({
    env: {
      ...TEST_SETTINGS,
      DATABASE_URL: process.env.TB_DATABASE_URL ?? '',
      NATS_URL: process.env.TB_NATS_URL ?? '',
      NATS_SUBJECT_PREFIX: process.env.TB_NATS_SUBJECT_PREFIX ?? '',
      PORT: String(await freePort()),
      WEB_ROOT: webRoot,
    },
    services: ['gateway'],
    startTimeoutMs: SERVICE_START_MS,
  });
  await gateway.waitHealthy(SERVICE_START_MS);
  origin = new URL(gateway.baseUrl).origin;
  gatewayApi = apiFor(gateway.baseUrl);
}, 2 * SERVICE_START_MS);

afterAll(async () => {
  await gateway?.stop();
  if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
});

/** A GET outside /api/v1, as a browser (Accept: text/html) unless told otherwise. */
function page(pathname: string, headers: Record<string, string> = {}): Promise<ApiResponse> {
  return gatewayApi('GET', `${origin}${pathname}`, { headers: { accept: HTML, ...headers } });
}

function expectIndex(res: ApiResponse): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.body).toBe(INDEX_HTML);
}

describe('the web app at /', () => {
  it('serves index.html, revalidated on every load, under a policy that lets the app run', async () => {
    const res = await page('/');
    expectIndex(res);
    expect(res.headers.etag).toBeTruthy();
    const csp = Object.fromEntries(
      res.headers['content-security-policy']
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
    });
    expect(csp['upgrade-insecure-requests']).toBeUndefined();

    // As a browser revalidates (fetch() would add Cache-Control: no-cache, which forbids a 304).
    const again = await page('/', {
      'if-none-match': res.headers.etag,
      'cache-control': 'max-age=0',
    });
    expect(again.status).toBe(304);
  });

  it('serves a hashed asset to be kept for a year', async () => {
    const res = await page('/assets/index-3f9a1c2e.js', { accept: '*/*' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe(ENTRY_JS);
  });

  it('serves a file beside index.html, revalidated like it', async () => {
    const res = await page('/favicon.ico', { accept: 'image/*' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/requests/123', '/c/ABC123', '/index.html'])(
    'answers the deep link %s with the app, so a reload stays on its page',
    async (link) => {
      expectIndex(await page(link));
    },
  );

  it('answers a missing asset of an older build with 404, not with the app', async () => {
    expectProblem(await page('/assets/index-00000000.js', { accept: '*/*' }), 404, 'NOT_FOUND');
    expectProblem(await page('/assets/index-00000000.js'), 404, 'NOT_FOUND');
  });

  it('answers a client that does not ask for a page with the 404 problem', async () => {
    expectProblem(await page('/requests/123', { accept: 'application/json' }), 404, 'NOT_FOUND');
  });

  it('never serves a dot file or a file outside the build', async () => {
    for (const probe of [
      '/.env',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const res = await page(probe, { accept: '*/*' });
      expect({ probe, status: res.status }).toEqual({ probe, status: 404 });
      expect(JSON.stringify(res.body)).not.toMatch(/SECRET|community-time-bank/);
    }
  });

  it('keeps an unknown API path the API problem 404, even for a browser', async () => {
    expectProblem(await page('/api/v1/nope'), 404, 'NOT_FOUND');
    expectProblem(await page('/api/v1/nope', { accept: 'application/json' }), 404, 'NOT_FOUND');
    expectProblem(await page('/api/nope'), 404, 'NOT_FOUND');
    // The router's own refusals stay theirs.
    expectProblem(await page(`/api/v1/requests/${'x'.repeat(500)}`), 400, 'VALIDATION_FAILED');
  });

  it('keeps the API reference at /api/docs', async () => {
    const ui = await page('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toMatch(/swagger-ui/);
    const document = await page('/api/docs-json', { accept: 'application/json' });
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
  });

  it('says the web app is not built when its build is missing, and the API goes on', async () => {
    const index = path.join(webRoot, 'index.html');
    fs.renameSync(index, `${index}.away`);
    try {
      const res = await page('/');
      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toMatch(/not built/);
      expect((await page('/', { 'accept-language': 'zh-CN' })).body.detail).toMatch(/网页应用/);
      expect((await gatewayApi('GET', '/health')).status).toBe(200);
    } finally {
      fs.renameSync(`${index}.away`, index);
    }
    expectIndex(await page('/'));
  });
});

describe('GET /api/v1', () => {
  it('links to the docs and health and says what a client needs first', async () => {
    const res = await api('GET', '');
    expect(res.status).toBe(200);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8'));
    expect(res.body).toEqual({
      links: { docs: '/api/docs', docsJson: '/api/docs-json', health: '/api/v1/health' },
      cityTimeZone: 'Asia/Shanghai',
      defaultLocale: 'zh-CN',
      version: pkg.version,
    });
    const { origin: shared } = new URL(sharedBaseUrl());
    for (const link of Object.values(res.body.links as Record<string, string>)) {
      expect({ link, status: (await api('GET', `${shared}${link}`)).status }).toEqual({
        link,
        status: 200,
      });
    }
  });

  it('is described in the OpenAPI document, with its answer', async () => {
    const { origin: shared } = new URL(sharedBaseUrl());
    const document = (await api('GET', `${shared}/api/docs-json`)).body;
    const answer = document.paths['/api/v1'].get.responses['200'].content['application/json'];
    expect(answer.schema.$ref).toBe('#/components/schemas/ApiIndexView');
    expect(Object.keys(document.components.schemas.ApiIndexView.properties).sort()).toEqual([
      'cityTimeZone',
      'defaultLocale',
      'links',
      'version',
    ]);
  });
});
