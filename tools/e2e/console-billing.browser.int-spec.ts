import type { Page } from 'playwright-core';
import pg from 'pg';
import { launchChromium, seriousAxeViolations, type TestBrowser } from './browser';
import { buildPlatform, http, startPlatform, type Platform } from './platform';

// Issue 18 point 1 in real Chromium on the real services: a tenant admin reads last month's
// invoice preview on the console's Billing page (hand-computed total), and the owner changes
// the tenant's plan on its page and sees the preview follow. axe finds nothing serious.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}bil`;
const tag = namespace
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')
  .slice(-12);
const PASSWORD = 'staff password 123';

let platform: Platform;
let chrome: TestBrowser;
let owner: pg.Pool;
let ownerAuth: Record<string, string>;
let tenantId: string;
let adminEmail: string;

const api = (path: string) => `${platform.gatewayUrl}${path}`;

async function signIn(email: string, password: string): Promise<Page> {
  const page = await (await chrome.context({ width: 1200, height: 900 })).newPage();
  await page.goto(api('/console/'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

beforeAll(async () => {
  chrome = await launchChromium();
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'client-insights', 'gateway']);
  owner = new pg.Pool({ connectionString: process.env.TEST_DATABASE_OWNER_URL, max: 1 });
  ownerAuth = { authorization: `Bearer ${(await http(api('/api/v1/auth/login'), { body: platform.owner })).body.token}` };
  const plan = await http(api('/api/v1/admin/plans'), {
    headers: ownerAuth,
    body: {
      key: `starter-${tag}`,
      name: 'Starter',
      currency: 'EUR',
      monthly_fee: '49.00',
      included_messages: 1000,
      included_tokens: 500_000,
      cap_mode: 'soft',
      overage_per_message: '0.02',
      overage_per_1k_tokens: '0.0015',
    },
  });
  expect(plan.status).toBe(201);
  adminEmail = `admin-bil-${tag}@example.test`;
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: 'Billed Plumbing',
      slug: `bil-${tag}`,
      kind: 'plumber',
      timezone: 'Asia/Kolkata',
      domain: null,
      admin: { email: adminEmail, password: PASSWORD },
    },
  });
  expect(created.status).toBe(201);
  tenantId = created.body.tenant.id;
  const put = await http(api(`/api/v1/admin/tenants/${tenantId}/plan`), {
    method: 'PUT',
    headers: ownerAuth,
    body: { plan_key: `starter-${tag}` },
  });
  expect(put.status).toBe(200);
  const last = (await http(api(`/api/v1/admin/tenants/${tenantId}/invoice-preview?period=last`), { headers: ownerAuth })).body.period;
  // Sealed rows: the retention job never recomputes them.
  await owner.query(
    `INSERT INTO usage_daily (tenant_id, day, provider, model, messages, tokens_in, tokens_out, sealed_at)
     VALUES ($1, $2::date, 'openai', 'gpt-4o-mini', 1234, 600000, 212345, now())`,
    [tenantId, last.to],
  );
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await platform?.stop();
  await owner?.end();
});

it("shows a tenant admin last month's invoice preview with its line items and exact total", async () => {
  const page = await signIn(adminEmail, PASSWORD);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Billing', exact: true }).click();
  await page.getByRole('heading', { name: 'Billing', level: 1 }).waitFor();
  await page.getByTestId('invoice-total').waitFor();
  await page.getByLabel('Last month').check();
  await page.getByTestId('invoice-total').getByText('54.15 EUR').waitFor();
  expect(await page.getByTestId('invoice-line-overage_messages').innerText()).toMatch(/234\s+0\.02 per message\s+4\.68/);
  expect(await page.getByTestId('invoice-line-overage_tokens').innerText()).toMatch(/312,345\s+0\.0015 per 1,000 tokens\s+0\.47/);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

it("lets the owner change the tenant's plan on its page, and the preview follows", async () => {
  const page = await signIn(platform.owner.email, platform.owner.password);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Tenants', exact: true }).click();
  await page.getByRole('link', { name: 'Billed Plumbing' }).click();
  const card = page.getByRole('region', { name: 'Plan and invoice' });
  await card.getByTestId('invoice-total').waitFor();
  expect(await card.getByLabel('Plan').inputValue()).toBe(`starter-${tag}`);
  await card.getByLabel('Plan').selectOption('');
  await card.getByRole('button', { name: 'Change plan' }).click();
  await card.getByTestId('invoice-not-invoiced').waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  const stored = await http(api(`/api/v1/admin/tenants/${tenantId}/invoice-preview`), { headers: ownerAuth });
  expect(stored.body).toMatchObject({ invoiced: false, plan: null });
});
