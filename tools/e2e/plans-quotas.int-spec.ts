import pg from 'pg';
import { buildPlatform, eventually, http, startPlatform, type HttpResult, type Platform } from './platform';

// Plans, quotas and invoice previews (issue 18 point 1, ADR 0025) through the real gateway and
// services from their dist. Counters start from usage_daily (rows seeded sealed, so the
// retention job's refresh keeps them); a tenant over its hard cap gets 429 with Retry-After to
// local midnight of the 1st in its time zone while another tenant is served; a soft cap serves,
// flags and notifies once at 80% and once at 100%; the invoice preview matches hand-computed
// totals, for the tenant admin and the owner only.
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}plq`;
const tag = namespace
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '')
  .slice(-12);
const PASSWORD = 'staff password 123';
let platform: Platform;
let owner: pg.Pool;
let api: (path: string) => string;
let ownerAuth: Record<string, string>;

interface TestTenant {
  id: string;
  key: Record<string, string>;
  admin: Record<string, string>;
}
let hard: TestTenant;
let soft: TestTenant;
let billed: TestTenant;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function expectProblem(res: HttpResult, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  if (code) expect(res.body).toMatchObject({ status, code });
}

async function newTenant(name: string, timezone: string): Promise<TestTenant> {
  const slug = `${name}-${tag}`;
  const adminEmail = `admin-${slug}@example.test`;
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: { displayName: `${name} Ltd`, slug, kind: 'plumber', timezone, domain: null, admin: { email: adminEmail, password: PASSWORD } },
  });
  expect(created.status).toBe(201);
  const login = await http(api('/api/v1/auth/login'), { body: { email: adminEmail, password: PASSWORD } });
  return { id: created.body.tenant.id, key: { 'x-api-key': created.body.apiKey.key }, admin: bearer(login.body.token) };
}

/** A sealed usage_daily row (the retention job never recomputes sealed days). */
async function seedUsage(tenantId: string, day: string, messages: number, tokensIn = 0, tokensOut = 0): Promise<void> {
  await owner.query(
    `INSERT INTO usage_daily (tenant_id, day, provider, model, messages, tokens_in, tokens_out, sealed_at)
     VALUES ($1, $2::date, 'openai', 'gpt-4o-mini', $3, $4, $5, now())`,
    [tenantId, day, messages, tokensIn, tokensOut],
  );
}

async function createPlan(body: Record<string, unknown>): Promise<void> {
  expect((await http(api('/api/v1/admin/plans'), { headers: ownerAuth, body })).status).toBe(201);
}

async function assign(tenantId: string, planKey: string | null): Promise<void> {
  const res = await http(api(`/api/v1/admin/tenants/${tenantId}/plan`), { method: 'PUT', headers: ownerAuth, body: { plan_key: planKey } });
  expect(res.status).toBe(200);
}

async function turn(tenant: TestTenant): Promise<HttpResult> {
  const session = await http(api('/api/v1/sessions'), { headers: tenant.key, body: {} });
  expect(session.status).toBe(201);
  return http(api('/api/v1/chat'), { headers: bearer(session.body.token), body: { message: 'Do you fix boilers?' } });
}

/** `instant` as the wall clock in `timeZone` (`2027-03-01 00:00:00`). */
function wallClock(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(instant));
}

beforeAll(async () => {
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'client-insights', 'notifier', 'gateway']);
  api = (path) => `${platform.gatewayUrl}${path}`;
  owner = new pg.Pool({ connectionString: process.env.TEST_DATABASE_OWNER_URL, max: 2 });
  ownerAuth = bearer((await http(api('/api/v1/auth/login'), { body: platform.owner })).body.token);
  hard = await newTenant('hardcap', 'America/New_York');
  soft = await newTenant('softcap', 'Asia/Kolkata');
  billed = await newTenant('billed', 'Pacific/Auckland');
});

afterAll(async () => {
  await platform?.stop();
  await owner?.end();
});

describe('plans (owner)', () => {
  it('refuses bad plan bodies with 400 problem+json naming the fields, storing nothing', async () => {
    const bad = await http(api('/api/v1/admin/plans'), {
      headers: ownerAuth,
      body: { key: `bad-${tag}`, name: 'Bad', currency: 'euro', monthly_fee: '1.005', cap_mode: 'maybe', extra: 1 },
    });
    expectProblem(bad, 400, 'VALIDATION');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['(body)', 'cap_mode', 'currency', 'monthly_fee'].sort());
    expectProblem(await http(api(`/api/v1/admin/plans/bad-${tag}`), { headers: ownerAuth }), 404, 'NOT_FOUND');
    expectProblem(await http(api('/api/v1/admin/plans/NOT%20A%20KEY'), { headers: ownerAuth }), 400);
  });

  it('creates, reads, changes and deletes a plan; refuses a taken key', async () => {
    const body = { key: `tmp-${tag}`, name: 'Temporary', currency: 'USD', monthly_fee: '10.00', included_messages: 10 };
    const created = await http(api('/api/v1/admin/plans'), { headers: ownerAuth, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: `tmp-${tag}`,
      cap_mode: 'hard',
      monthly_fee: '10.00',
      included_tokens: null,
      allowed_providers: null,
    });
    expectProblem(await http(api('/api/v1/admin/plans'), { headers: ownerAuth, body }), 409, 'CONFLICT');
    const changed = await http(api(`/api/v1/admin/plans/tmp-${tag}`), { method: 'PATCH', headers: ownerAuth, body: { cap_mode: 'soft' } });
    expect(changed.body).toMatchObject({ cap_mode: 'soft', included_messages: 10 });
    expectProblem(await http(api(`/api/v1/admin/plans/tmp-${tag}`), { method: 'PATCH', headers: ownerAuth, body: {} }), 400);
    expect((await http(api('/api/v1/admin/plans'), { headers: ownerAuth })).body.items.map((p: { key: string }) => p.key)).toContain(
      `tmp-${tag}`,
    );
    expect((await http(api(`/api/v1/admin/plans/tmp-${tag}`), { method: 'DELETE', headers: ownerAuth })).status).toBe(204);
  });

  it('keeps the owner routes from tenant admins (403)', async () => {
    expectProblem(await http(api('/api/v1/admin/plans'), { headers: hard.admin }), 403);
    expectProblem(
      await http(api(`/api/v1/admin/tenants/${hard.id}/plan`), { method: 'PUT', headers: hard.admin, body: { plan_key: null } }),
      403,
    );
    expectProblem(await http(api(`/api/v1/admin/tenants/${billed.id}/invoice-preview`), { headers: hard.admin }), 403);
  });
});

describe('quotas at the gateway', () => {
  beforeAll(async () => {
    await createPlan({ key: `hard-${tag}`, name: 'Hard two', currency: 'EUR', included_messages: 2, cap_mode: 'hard' });
    await createPlan({
      key: `soft-${tag}`,
      name: 'Soft five',
      currency: 'EUR',
      included_messages: 5,
      cap_mode: 'soft',
      overage_per_message: '0.01',
    });
    await assign(hard.id, `hard-${tag}`);
    await assign(soft.id, `soft-${tag}`);
    // The counters start from usage_daily: one answer already billed this period for the hard tenant, three for the soft one.
    const hardPeriod = (await http(api(`/api/v1/admin/tenants/${hard.id}/invoice-preview`), { headers: ownerAuth })).body.period;
    const softPeriod = (await http(api(`/api/v1/admin/tenants/${soft.id}/invoice-preview`), { headers: ownerAuth })).body.period;
    await seedUsage(hard.id, hardPeriod.from, 1);
    await seedUsage(soft.id, softPeriod.from, 3);
  });

  it('refuses a turn over the hard cap with 429 quota-exceeded and Retry-After to local midnight of the 1st, before chat runs it', async () => {
    expect((await turn(hard)).status).toBe(200); // 1 billed + this one = 2 of 2
    const session = await http(api('/api/v1/sessions'), { headers: hard.key, body: {} });
    const before = Date.now();
    const refused = await http(api('/api/v1/chat'), { headers: bearer(session.body.token), body: { message: 'And radiators?' } });
    const after = Date.now();
    expectProblem(refused, 429, 'QUOTA_EXCEEDED');
    expect(refused.body.type).toBe('urn:parley:problem:quota-exceeded');

    const period = (await http(api('/api/v1/billing/invoice-preview'), { headers: hard.admin })).body.period;
    expect(wallClock(period.ends_at, 'America/New_York')).toMatch(/^\d{4}-\d{2}-01 00:00:00$/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(Math.ceil((Date.parse(period.ends_at) - after) / 1000));
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil((Date.parse(period.ends_at) - before) / 1000));
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(refused.headers.get('ratelimit-limit')).toBe('2');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    // Chat never ran the refused turn: the session has no messages.
    const history = await http(api(`/api/v1/chat/history?session_id=${session.body.session.id}`), { headers: hard.key });
    expect(history.body.items).toEqual([]);

    // The OpenAI-compatible route is refused too (OpenAI's error shape, same status and headers).
    const completion = await http(api('/v1/chat/completions'), {
      headers: hard.key,
      body: { model: 'parley', messages: [{ role: 'user', content: 'Hello?' }] },
    });
    expect(completion.status).toBe(429);
    expect(completion.body.error).toMatchObject({ type: 'rate_limit_error', code: 'quota_exceeded' });
    expect(Number(completion.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serves another tenant meanwhile, and flags and notifies a soft cap once at 80% and once at 100%', async () => {
    const first = await turn(soft); // 3 + 1 = 4 of 5: 80%
    expect(first.status).toBe(200);
    expect(first.headers.get('parley-quota')).toBeNull();
    expect((await turn(soft)).status).toBe(200); // 5 of 5: 100%
    const over = await turn(soft); // served over the cap, flagged
    expect(over.status).toBe(200);
    expect(over.headers.get('parley-quota')).toBe('soft-exceeded');
    expect((await turn(soft)).headers.get('parley-quota')).toBe('soft-exceeded');
    expectProblem(await turn(hard), 429, 'QUOTA_EXCEEDED');

    const quotaNotices = async () =>
      ((await http(api('/api/v1/notifications?limit=50'), { headers: soft.admin })).body.items as Array<{ title: string }>)
        .map((n) => n.title)
        .filter((t) => t.includes('included in your plan'))
        .sort();
    const titles = await eventually(quotaNotices, (t) => t.length >= 2, 30_000);
    expect(titles).toEqual(['100% of the messages included in your plan used', '80% of the messages included in your plan used']);
  });

  it('lifts the cap at once when the owner moves the tenant to no plan', async () => {
    await assign(hard.id, null);
    expect((await turn(hard)).status).toBe(200);
  });
});

describe('invoice preview', () => {
  beforeAll(async () => {
    await createPlan({
      key: `starter-${tag}`,
      name: 'Starter',
      currency: 'EUR',
      monthly_fee: '49.00',
      included_messages: 1000,
      included_tokens: 500_000,
      cap_mode: 'soft',
      overage_per_message: '0.02',
      overage_per_1k_tokens: '0.0015',
    });
    await assign(billed.id, `starter-${tag}`);
    const last = (await http(api('/api/v1/billing/invoice-preview?period=last'), { headers: billed.admin })).body.period;
    // Two days of the last period, one on each of its ends (Auckland local days).
    await seedUsage(billed.id, last.from, 1000, 400_000, 100_000);
    await seedUsage(billed.id, last.to, 234, 200_000, 112_345);
  });

  it('bills the last period exactly: base fee, included amounts, overage (hand-computed 54.15 EUR)', async () => {
    const preview = await http(api('/api/v1/billing/invoice-preview?period=last'), { headers: billed.admin });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      tenant_id: billed.id,
      invoiced: true,
      plan: { key: `starter-${tag}`, cap_mode: 'soft' },
      currency: 'EUR',
      usage: { messages: 1234, tokens_in: 600_000, tokens_out: 212_345, tokens: 812_345 },
      included: '49.00',
      overage: '5.15',
      total: '54.15',
      total_minor: 5415,
    });
    expect(preview.body.period.timezone).toBe('Pacific/Auckland');
    expect(wallClock(preview.body.period.starts_at, 'Pacific/Auckland')).toMatch(/^\d{4}-\d{2}-01 00:00:00$/);
    expect(preview.body.lines.map((l: { kind: string; quantity: number; amount: string }) => [l.kind, l.quantity, l.amount])).toEqual([
      ['base_fee', 1, '49.00'],
      ['included_messages', 1000, '0.00'],
      ['included_tokens', 500_000, '0.00'],
      ['overage_messages', 234, '4.68'],
      ['overage_tokens', 312_345, '0.47'],
    ]);
    const ownerView = await http(api(`/api/v1/admin/tenants/${billed.id}/invoice-preview?period=last`), { headers: ownerAuth });
    expect(ownerView.body).toEqual(preview.body);
  });

  it('shows each tenant only its own preview, refuses a bad period, and does not invoice a tenant without a plan', async () => {
    const own = await http(api('/api/v1/billing/invoice-preview?period=last'), { headers: hard.admin });
    expect(own.body).toMatchObject({ tenant_id: hard.id, invoiced: false, plan: null, lines: [], total: null });
    expectProblem(await http(api('/api/v1/billing/invoice-preview?period=next'), { headers: billed.admin }), 400, 'VALIDATION');
    expectProblem(await http(api('/api/v1/billing/invoice-preview'), { headers: billed.key }), 403);
  });
});
