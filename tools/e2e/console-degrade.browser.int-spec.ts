import type { Page } from 'playwright-core';
import { startMockLlm, type MockLlm } from '@parley/testing';
import { freePort } from '../support/service-process';
import { launchChromium, seriousAxeViolations, type TestBrowser } from './browser';
import { buildPlatform, eventually, http, startPlatform, type Platform } from './platform';

// Issue 18 point 6 in real Chromium on the real services, with the mock OpenAI-compatible model:
// the owner turns degrade switches on and off on the console's Degrade page; provisioning stores
// and audits them, its outbox relay announces them (evt.tenant.updated), and chat's next turns
// change at once: a tenant switched to offline_only answers without calling the model, the
// platform's cheaper_model sends every tenant's turn to its first fallback model; chat's metrics
// show the switches. axe finds nothing serious or critical on the page.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}dgr`;
const BIG = 'mock-big';
const SMALL = 'mock-small';

let platform: Platform;
let chrome: TestBrowser;
let mock: MockLlm;
let page: Page;
let chatPort: number;
let ownerAuth: Record<string, string>;
const tenants: Array<{ id: string; apiKey: string }> = [];

const api = (path: string) => `${platform.gatewayUrl}${path}`;

async function createTenant(slug: string): Promise<{ id: string; apiKey: string }> {
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: `Degrade ${slug}`,
      slug,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: null,
      config: { llm: { primary: { provider: 'openai', model: BIG }, fallbacks: [{ provider: 'openai', model: SMALL }] } },
    },
  });
  expect(created.status).toBe(201);
  return { id: created.body.tenant.id as string, apiKey: created.body.apiKey.key as string };
}

/** One JSON turn of a new session of `tenant`: the answering provider and model. */
async function turn(tenant: { apiKey: string }): Promise<{ provider: string; model: string }> {
  const session = await http(api('/api/v1/sessions'), { headers: { 'x-api-key': tenant.apiKey }, body: {} });
  expect(session.status).toBe(201);
  const answer = await http(api('/api/v1/chat'), {
    headers: { authorization: `Bearer ${session.body.token}` },
    body: { message: 'Do you repair boilers?', stream: false },
  });
  expect(answer.status).toBe(200);
  return answer.body.usage as { provider: string; model: string };
}

const chatMetrics = async () => (await fetch(`http://127.0.0.1:${chatPort}/metrics`)).text();

beforeAll(async () => {
  chrome = await launchChromium();
  buildPlatform();
  mock = await startMockLlm();
  chatPort = await freePort();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'gateway'], {
    chat: {
      PORT: String(chatPort),
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: mock.url,
      CHAT_DEGRADE_EVALUATE_INTERVAL_MS: '500',
    },
    gateway: { TENANT_CONFIG_CACHE_TTL_MS: '1000' },
  });
  const login = await http(api('/api/v1/auth/login'), { body: platform.owner });
  ownerAuth = { authorization: `Bearer ${login.body.token}` };
  const tag = namespace
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(-12);
  tenants.push(await createTenant(`dgr-a-${tag}`), await createTenant(`dgr-b-${tag}`));

  page = await (await chrome.context({ width: 1200, height: 900 })).newPage();
  await page.goto(api('/console/'));
  await page.getByLabel('Email').fill(platform.owner.email);
  await page.getByLabel('Password').fill(platform.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Degrade', exact: true }).click();
  await page.getByRole('heading', { name: 'Degrade', level: 1 }).waitFor();
}, 240_000);

afterAll(async () => {
  // When start-up failed there is no platform: api() would throw before chrome and the mock close,
  // and their handles would keep jest from exiting.
  if (platform) {
    await http(api('/api/v1/admin/degrade'), { method: 'PUT', headers: ownerAuth, body: { switches: {} } }).catch(() => undefined);
  }
  await chrome?.close();
  await platform?.stop();
  await mock?.close();
});

it('shows nothing degraded and the automatic state of the answering chat replica', async () => {
  await page.getByTestId('degrade-effective').getByText('none').waitFor();
  await page.getByText(/Automatic on replica/).waitFor();
  expect(await page.getByRole('table', { name: 'Overload signals' }).getByRole('row').count()).toBe(3);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await turn(tenants[0])).toMatchObject({ provider: 'openai', model: BIG });
});

it("a tenant's offline_only, ticked on the page, answers that tenant's turns without the model; others keep it", async () => {
  const [a, b] = tenants;
  await page.getByLabel('Tenant id').fill(a.id);
  await page.getByRole('button', { name: 'Show its switches' }).click();
  const section = page.getByRole('region', { name: /^Tenant / });
  await section.getByLabel(/Offline only/).check();
  await section.getByLabel(/Reason/).fill('provider outage drill');
  await section.getByRole('button', { name: 'Save switches' }).click();
  await page
    .getByTestId('degrade-tenant-effective')
    .getByText(/In effect for its turns: Offline only/)
    .waitFor();

  // Through provisioning's outbox relay and chat's event listener: eventually at once.
  expect(
    await eventually(
      () => turn(a),
      (usage) => usage.provider === 'offline',
      15_000,
    ),
  ).toMatchObject({ provider: 'offline' });
  mock.reset();
  expect(await turn(a)).toMatchObject({ provider: 'offline' });
  expect(mock.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
  expect(await turn(b)).toMatchObject({ provider: 'openai', model: BIG });
  await page.getByRole('region', { name: 'Tenants degraded on their own' }).getByText(a.id).waitFor({ timeout: 20_000 });
});

it("the platform's cheaper_model sends every tenant to its first fallback model, shows in chat's metrics, and clears", async () => {
  const [, b] = tenants;
  const platformForm = page.getByRole('region', { name: 'Platform' });
  await platformForm.getByLabel(/Cheaper model/).check();
  await platformForm.getByRole('button', { name: 'Save switches' }).click();
  await page.getByTestId('degrade-effective').getByText('Cheaper model').waitFor();
  expect(
    await eventually(
      () => turn(b),
      (usage) => usage.model === SMALL,
      15_000,
    ),
  ).toMatchObject({ provider: 'openai', model: SMALL });
  const metrics = await eventually(
    chatMetrics,
    (text) => /parley_degrade_active\{[^}]*switch="cheaper_model"[^}]*scope="global"[^}]*\} 1/.test(text),
    15_000,
  );
  expect(metrics).toMatch(/parley_degrade_active\{[^}]*switch="cheaper_model"[^}]*scope="global"[^}]*\} 1/);
  // The number of tenants with the switch on, in the run's shared database: at least this test's.
  expect(await chatMetrics()).toMatch(/parley_degrade_active\{[^}]*switch="offline_only"[^}]*scope="tenant"[^}]*\} [1-9]\d*\n/);

  await platformForm.getByLabel(/Cheaper model/).uncheck();
  await platformForm.getByRole('button', { name: 'Save switches' }).click();
  await page.getByTestId('degrade-effective').getByText('none').waitFor();
  expect(
    await eventually(
      () => turn(b),
      (usage) => usage.model === BIG,
      15_000,
    ),
  ).toMatchObject({ model: BIG });
});
