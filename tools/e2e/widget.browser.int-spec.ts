import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient, type PrismaClient } from '@parley/persistence';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/service-process';
import { embeddingPage, launchChromium, seriousAxeViolations, servePage, type TestBrowser } from './browser';
import { buildPlatform, http, startPlatform, type Platform } from './platform';

// Issue 14 (widget slice) in real Chromium on the real services, offline responder: the widget
// on a page of an allowed origin streams an answer from the tenant's knowledge and keeps the
// conversation across a reload; on a foreign origin it says it is not available and no session
// is created; an urgent message shows the urgent notice; axe finds nothing serious; a 375 px
// phone works; the gateway's demo page embeds the versioned file with its SRI hash.
jest.setTimeout(240_000);

const namespace = `${process.env.TEST_RUN_ID}wgt`;
// Screenshots for the README go to docs/screenshots with PARLEY_SCREENSHOTS=1; otherwise to a
// temporary folder, so a test run leaves the working tree as it found it.
const SHOTS =
  process.env.PARLEY_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'parley-shots-'));
const KNOWLEDGE =
  'Opening hours: we are open Monday to Friday from 8am to 6pm, and Saturday mornings. A standard call-out costs 80 pounds.';

let platform: Platform;
let ownerAuth: Record<string, string>;
let apiKey: Record<string, string>;
let chrome: TestBrowser;
let db: PrismaClient;
let allowed: Awaited<ReturnType<typeof servePage>>;
let foreign: Awaited<ReturnType<typeof servePage>>;
const tenant = { id: '', slug: '', siteKey: '' };

const sessionsOf = async (tenantId: string) =>
  (await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM chat_sessions WHERE tenant_id = ${tenantId}::uuid`)[0].n;

beforeAll(async () => {
  chrome = await launchChromium(); // first: a machine without chromium fails here, with the reason
  buildPlatform();
  // A short settings cache so a rotated site key is refused within the test; 30 widget sessions per IP a minute.
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'gateway'], {
    gateway: { TENANT_CONFIG_CACHE_TTL_MS: '1000', WIDGET_SESSIONS_PER_MINUTE_PER_IP: '30' },
  });
  db = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
  const api = (path: string) => `${platform.gatewayUrl}${path}`;
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };

  // The allowed page's origin must exist before the tenant lists it; its HTML needs the key.
  let html = '';
  allowed = await servePage('');
  await allowed.close();
  tenant.slug = `wgt-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: "Bob's Plumbing",
      slug: tenant.slug,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: null,
      config: { allowedOrigins: [platform.gatewayUrl] },
    },
  });
  expect(created.status).toBe(201);
  tenant.id = created.body.tenant.id;
  const key = { 'x-api-key': created.body.apiKey.key as string };
  apiKey = key;
  await http(api('/api/v1/knowledge/documents'), { headers: key, body: { title: 'Hours and prices', format: 'text', content: KNOWLEDGE } });
  const siteKey = await http(api('/api/v1/site-keys'), { headers: key, body: {} });
  expect(siteKey.status).toBe(201);
  tenant.siteKey = siteKey.body.siteKey.key;
  const theme = await http(api('/api/v1/site-keys/theme'), {
    method: 'PUT',
    headers: key,
    body: { color: '#0f766e', greeting: "Hi, this is Bob's Plumbing. How can we help?" },
  });
  expect(theme.status).toBe(200);

  html = embeddingPage(platform.gatewayUrl, tenant.siteKey, "Bob's Plumbing");
  allowed = await servePage(html);
  foreign = await servePage(embeddingPage(platform.gatewayUrl, tenant.siteKey, 'Someone else’s site'));
  const patch = await http(api(`/api/v1/admin/tenants/${tenant.id}`), {
    method: 'PATCH',
    headers: ownerAuth,
    body: { config: { allowedOrigins: [platform.gatewayUrl, allowed.origin] } },
  });
  expect(patch.status).toBe(200);
  // The gateway caches tenant settings (1 s here): wait until it reads the new allowed origin, or
  // the first page could load the widget against the cached list and be told it is not welcome.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const config = await http(api(`/api/v1/widget/config?siteKey=${tenant.siteKey}`), { headers: { origin: allowed.origin } });
    if (config.status === 200) break;
    if (Date.now() > deadline)
      throw new Error(`widget config still refused for the allowed origin: ${config.status} ${JSON.stringify(config.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 230_000);

afterAll(async () => {
  await chrome?.close();
  await Promise.all([allowed?.close(), foreign?.close()]);
  await platform?.stop();
  await db?.$disconnect();
});

const widget = (page: Page) => page.locator('parley-chat');

async function openWidget(page: Page) {
  await widget(page)
    .getByRole('button', { name: /open chat/i })
    .click();
  await widget(page).getByRole('dialog').waitFor();
}

async function ask(page: Page, question: string) {
  const box = widget(page).getByRole('textbox', { name: 'Your message' });
  await box.fill(question);
  await box.press('Enter');
}

describe('the widget on a page of an allowed origin', () => {
  it('opens from the launcher with the tenant theme, streams an answer from the knowledge, keeps the conversation across a reload', async () => {
    const context = await chrome.context();
    const page = await context.newPage();
    await page.goto(allowed.origin);
    const launcher = widget(page).getByRole('button', { name: /open chat with bob's plumbing/i });
    await launcher.waitFor();
    // The page's `button { background: red !important }` does not reach into the shadow root.
    const computed = (el: unknown) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor;
    expect(await launcher.evaluate(computed)).toBe('rgb(15, 118, 110)');
    const before = await sessionsOf(tenant.id);
    await openWidget(page);
    await widget(page).getByText("Hi, this is Bob's Plumbing. How can we help?").waitFor();
    await ask(page, 'What are your opening hours?');
    const answer = widget(page).locator('.msg.assistant', { hasText: /Monday to Friday/ });
    await answer.waitFor({ timeout: 30_000 });
    expect(await sessionsOf(tenant.id)).toBe(before + 1n);
    await page.screenshot({ path: join(SHOTS, 'widget-answer.png') });

    await page.reload();
    await openWidget(page);
    await widget(page).locator('.msg.user', { hasText: 'What are your opening hours?' }).waitFor();
    await widget(page)
      .locator('.msg.assistant', { hasText: /Monday to Friday/ })
      .waitFor();
    expect(await sessionsOf(tenant.id)).toBe(before + 1n);
    await context.close();
  });

  it('shows the urgent notice for an urgent message, and axe finds no serious or critical violation', async () => {
    const context = await chrome.context();
    const page = await context.newPage();
    await page.goto(allowed.origin);
    await openWidget(page);
    await ask(page, 'Help! A pipe has burst and the kitchen is flooding right now');
    await widget(page)
      .getByRole('alert')
      .filter({ hasText: /looks urgent/i })
      .waitFor({ timeout: 30_000 });
    await widget(page).locator('.msg.assistant').nth(1).waitFor();
    await page.screenshot({ path: join(SHOTS, 'widget-urgent.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('works on a 375 px phone screen', async () => {
    const context = await chrome.context({ width: 375, height: 667 });
    const page = await context.newPage();
    await page.goto(allowed.origin);
    await openWidget(page);
    const box = await widget(page).getByRole('dialog').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await ask(page, 'How much is a call-out?');
    await widget(page)
      .locator('.msg.assistant', { hasText: /80 pounds/ })
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'widget-phone.png') });
    await context.close();
  });
});

describe('the widget on a page of a foreign origin', () => {
  it('says the chat is not available here, and no session is created', async () => {
    const before = await sessionsOf(tenant.id);
    const context = await chrome.context();
    const page = await context.newPage();
    await page.goto(foreign.origin);
    await openWidget(page);
    await widget(page).getByRole('alert').filter({ hasText: 'This chat is not available on this website.' }).waitFor();
    expect(await widget(page).getByRole('textbox').count()).toBe(0);
    expect(await sessionsOf(tenant.id)).toBe(before);
    // And a direct attempt from that origin is refused too.
    const refused = await page.evaluate(
      async ([url, siteKey]) => {
        const res = await fetch(`${url}/api/v1/widget/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ siteKey }),
        });
        return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
      },
      [platform.gatewayUrl, tenant.siteKey],
    );
    expect(refused).toMatchObject({
      status: 403,
      type: expect.stringContaining('application/problem+json'),
      body: { code: 'ORIGIN_NOT_ALLOWED' },
    });
    expect(await sessionsOf(tenant.id)).toBe(before);
    await page.screenshot({ path: join(SHOTS, 'widget-foreign-origin.png') });
    await context.close();
  });
});

describe("the gateway's demo page", () => {
  it('embeds the versioned widget with its SRI hash and the site key (never a secret key), and chats', async () => {
    const html = await http(`${platform.gatewayUrl}/demo/${tenant.slug}`);
    expect(html.status).toBe(200);
    expect(html.text).toMatch(
      /<script src="\/widget\/v1\/widget\.[0-9a-f]+\.js" integrity="sha384-[^"]+" crossorigin="anonymous" data-site-key="pk_live_/,
    );
    expect(html.text).not.toContain('sk_live_');
    const context = await chrome.context();
    const page = await context.newPage();
    await page.goto(`${platform.gatewayUrl}/demo/${tenant.slug}`);
    await openWidget(page);
    await ask(page, 'When are you open on Saturday?');
    await widget(page)
      .locator('.msg.assistant', { hasText: /Saturday/ })
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'demo-page.png') });
    await context.close();
    expect((await http(`${platform.gatewayUrl}/demo/no-such-tenant`)).status).toBe(404);
  });
});

describe('site key rules over HTTP (what a pk_live_ key can and cannot do)', () => {
  const open = (headers: Record<string, string>, siteKey: unknown = tenant.siteKey) =>
    http(`${platform.gatewayUrl}/api/v1/widget/sessions`, { headers, body: { siteKey } });

  it('opens a session only with an allowed Origin; no Origin, a foreign one, a malformed or unknown key are refused with problem+json', async () => {
    const ok = await open({ origin: allowed.origin });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(ok.body).toMatchObject({ session: { channel: 'widget' }, token: expect.any(String) });

    const cases: Array<[Record<string, string>, unknown, number, string]> = [
      [{}, tenant.siteKey, 403, 'ORIGIN_REQUIRED'],
      [{ origin: foreign.origin }, tenant.siteKey, 403, 'ORIGIN_NOT_ALLOWED'],
      [{ origin: allowed.origin }, 'pk_live_short', 400, 'VALIDATION'],
      [{ origin: allowed.origin }, `pk_live_${'x'.repeat(32)}`, 401, 'INVALID_SITE_KEY'],
    ];
    for (const [headers, siteKey, status, code] of cases) {
      const refused = await open(headers, siteKey);
      expect([refused.status, refused.body?.code]).toEqual([status, code]);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const preflight = await fetch(`${platform.gatewayUrl}/api/v1/widget/sessions`, {
      method: 'OPTIONS',
      headers: { origin: allowed.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    const config = await http(`${platform.gatewayUrl}/api/v1/widget/config?siteKey=${tenant.siteKey}`, {
      headers: { origin: foreign.origin },
    });
    expect([config.status, config.body.code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
  });

  it('is no credential anywhere else: the tenant API refuses it', async () => {
    const presented: Array<Record<string, string>> = [{ 'x-api-key': tenant.siteKey }, { authorization: `Bearer ${tenant.siteKey}` }];
    for (const headers of presented) {
      const res = await http(`${platform.gatewayUrl}/api/v1/contacts`, { headers: { ...headers, origin: allowed.origin } });
      expect(res.status).toBe(401);
    }
  });

  it('is listed for the tenant and the owner; a rotation stops the old key', async () => {
    const listed = await http(`${platform.gatewayUrl}/api/v1/site-keys`, { headers: apiKey });
    expect(listed.body.items.map((k: { key: string }) => k.key)).toEqual([tenant.siteKey]);
    const byOwner = await http(`${platform.gatewayUrl}/api/v1/admin/tenants/${tenant.id}/site-keys`, { headers: ownerAuth });
    expect(byOwner.body.items).toEqual(listed.body.items);
    // Both name the served widget's versioned file and its SRI hash, for the embed snippet.
    expect(listed.body.widget).toEqual(byOwner.body.widget);
    expect(listed.body.widget).toEqual({
      src: expect.stringMatching(/^\/widget\/v1\/widget\.[0-9a-f]+\.js$/),
      integrity: expect.stringMatching(/^sha384-/),
    });
    expect((await fetch(`${platform.gatewayUrl}${listed.body.widget.src}`)).status).toBe(200);
    const rotated = await http(`${platform.gatewayUrl}/api/v1/site-keys`, { headers: apiKey, body: { revokeOthers: true } });
    expect(rotated.status).toBe(201);
    expect(rotated.body.revokedKeyIds).toEqual([listed.body.items[0].id]);
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the gateway's lookup cache (1 s here)
    const old = await open({ origin: allowed.origin });
    expect([old.status, old.body.code]).toEqual([401, 'SITE_KEY_REVOKED']);
    expect((await open({ origin: allowed.origin }, rotated.body.siteKey.key)).status).toBe(201);
    tenant.siteKey = rotated.body.siteKey.key;
  });

  it('is revoked by the owner one key at a time; an unknown key is 404 problem+json and staff are refused', async () => {
    const spare = await http(`${platform.gatewayUrl}/api/v1/admin/tenants/${tenant.id}/site-keys`, { headers: ownerAuth, body: {} });
    expect(spare.status).toBe(201);
    const revoke = (keyId: string, headers: Record<string, string> = ownerAuth) =>
      http(`${platform.gatewayUrl}/api/v1/admin/tenants/${tenant.id}/site-keys/${keyId}/revoke`, { headers, body: {} });
    const revoked = await revoke(spare.body.siteKey.id);
    expect([revoked.status, revoked.body.siteKey.status]).toEqual([200, 'revoked']);
    expect((await revoke(spare.body.siteKey.id)).status).toBe(200); // idempotent
    const unknown = await revoke('00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.headers.get('content-type')]).toEqual([404, expect.stringContaining('application/problem+json')]);
    expect((await revoke(spare.body.siteKey.id, apiKey)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the gateway's lookup cache (1 s here)
    expect((await open({ origin: allowed.origin }, spare.body.siteKey.key)).status).toBe(401);
    expect((await open({ origin: allowed.origin })).status).toBe(201); // the tenant's current key still works
  });

  it('is rate limited per client IP: 429 problem+json with Retry-After, readable by the page (CORS)', async () => {
    let limited: Awaited<ReturnType<typeof open>> | undefined;
    for (let i = 0; i < 32 && !limited; i += 1) {
      const res = await open({ origin: allowed.origin });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(201);
    }
    expect(limited?.body.code).toBe('RATE_LIMITED');
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited?.headers.get('access-control-allow-origin')).toBe(allowed.origin);
  });
});
