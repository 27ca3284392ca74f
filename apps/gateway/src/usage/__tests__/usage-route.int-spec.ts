import { UserTokens } from '@parley/auth';
import { testEnvironment } from '@parley/testing';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { UsageResponder } from './support/usage-responder';
import { startUsageApi, type RunningUsageApi } from './support/usage-test-app';

// The usage routes through the real auth guard and NATS, against a test-owned client-insights
// responder: a tenant reads only its own usage (the tenant comes from the credential and no
// query can name another), the owner reads any tenant and the total, bad ranges are 400.
jest.setTimeout(60_000);

let api: RunningUsageApi;
let provisioning: ProvisioningResponder;
let usage: UsageResponder;
let tenant: FakeTenant;
let other: FakeTenant;
let key: FakeKey;
let adminToken: string;
let otherAdminToken: string;
let ownerToken: string;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are what the assertions check
    body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
  };
}

beforeAll(async () => {
  const namespace = tenantApiNamespace('usage');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  usage = await UsageResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  other = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  usage.messages.set(tenant.id, 4);
  usage.messages.set(other.id, 9);
  api = await startUsageApi(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }));
  const users = api.app.get(UserTokens);
  const issue = async (role: 'tenant_admin' | 'owner', tenantId?: string) =>
    (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a0' + (tenantId === other.id ? '4' : '2'), role, tenantId }))
      .token;
  adminToken = await issue('tenant_admin', tenant.id);
  otherAdminToken = await issue('tenant_admin', other.id);
  ownerToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a03', role: 'owner' })).token;
});

afterAll(async () => {
  await api?.close();
  await usage?.close();
  await provisioning?.close();
});

describe('GET /api/v1/usage', () => {
  it("serves tenant staff their own tenant's usage, passing the range through", async () => {
    const res = await get('/api/v1/usage?from=2026-07-01&to=2026-07-31', { authorization: `Bearer ${adminToken}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenant_id: tenant.id, from: '2026-07-01', to: '2026-07-31', totals: { messages: 4 } });
    expect(res.body!.days).toHaveLength(1);
    expect(usage.requests.at(-1)).toEqual({ version: 1, tenantId: tenant.id, from: '2026-07-01', to: '2026-07-31' });
  });

  it("serves the API key's tenant with the default range", async () => {
    const res = await get('/api/v1/usage', { 'x-api-key': key.key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenant_id: tenant.id, from: '2026-07-02', to: '2026-07-31' });
    expect(usage.requests.at(-1)).toEqual({ version: 1, tenantId: tenant.id });
  });

  it("never serves another tenant's usage: each credential reads its own, and no query can name a tenant", async () => {
    const mine = await get('/api/v1/usage', { authorization: `Bearer ${otherAdminToken}` });
    expect(mine.body).toMatchObject({ tenant_id: other.id, totals: { messages: 9 } });
    const before = usage.requests.length;
    for (const query of [`tenant_id=${tenant.id}`, `tenantId=${tenant.id}`]) {
      const res = await get(`/api/v1/usage?${query}`, { authorization: `Bearer ${otherAdminToken}` });
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
    }
    const admin = await get(`/api/v1/admin/tenants/${tenant.id}/usage`, { authorization: `Bearer ${otherAdminToken}` });
    expect(admin.status).toBe(403);
    expect(usage.requests.length).toBe(before);
  });

  it('refuses a caller without credentials with 401', async () => {
    const res = await get('/api/v1/usage');
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
  });

  it.each([
    ['from=07/01/2026', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=2026-07-31&to=2026-07-01', 'from'],
    ['from=2025-01-01&to=2026-07-01', 'from'],
    ['period=day', 'period'],
  ])('answers %s with 400 problem+json naming %s, and asks nothing', async (query, field) => {
    const before = usage.requests.length;
    const res = await get(`/api/v1/usage?${query}`, { authorization: `Bearer ${adminToken}` });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body!.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body!.errors)).toContain(field);
    expect(usage.requests.length).toBe(before);
  });

  it('maps a VALIDATION reply (a range too long from the default end) to 400 problem+json', async () => {
    const res = await get('/api/v1/usage?from=2024-01-01', { authorization: `Bearer ${adminToken}` });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('GET /api/v1/admin/usage and /api/v1/admin/tenants/:id/usage', () => {
  it('serves the owner the platform total and every tenant', async () => {
    const res = await get('/api/v1/admin/usage?from=2026-07-01&to=2026-07-31', { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-07-01', to: '2026-07-31', totals: { messages: 13 } });
    expect(res.body!.tenants).toHaveLength(2);
    expect(usage.ownerRequests.at(-1)).toEqual({ version: 1, from: '2026-07-01', to: '2026-07-31' });
  });

  it("serves the owner any tenant's usage exactly as the tenant reads it", async () => {
    const owner = await get(`/api/v1/admin/tenants/${other.id}/usage?to=2026-07-31`, { authorization: `Bearer ${ownerToken}` });
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ tenant_id: other.id, totals: { messages: 9 } });
    const own = await get('/api/v1/usage?to=2026-07-31', { authorization: `Bearer ${otherAdminToken}` });
    expect(owner.body).toEqual(own.body);
  });

  it('answers an unknown tenant with 404 problem+json', async () => {
    const res = await get('/api/v1/admin/tenants/5d0f6f4e-3c55-4b8e-9a57-3f0d2b7d9c11/usage', { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['tenant staff', () => ({ authorization: `Bearer ${adminToken}` }), 403],
    ["a tenant's API key", () => ({ 'x-api-key': key.key }), 403],
    ['no credentials', () => ({}), 401],
  ])('refuses %s and asks client-insights nothing', async (_who, headers, status) => {
    const before = usage.ownerRequests.length;
    const res = await get('/api/v1/admin/usage', headers());
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(usage.ownerRequests.length).toBe(before);
  });

  it.each([
    ['/api/v1/admin/usage?from=2026-08-01&to=2026-07-01', 'from'],
    ['/api/v1/admin/usage?to=yesterday', 'to'],
    ['/api/v1/admin/tenants/not-a-uuid/usage', 'id'],
  ])('answers %s with 400 problem+json naming %s', async (path, field) => {
    const res = await get(path, { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain(field);
  });
});
