import { UserTokens } from '@parley/auth';
import { testEnvironment } from '@parley/testing';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { InsightsResponder } from './support/insights-responder';
import { startInsightsApi, type RunningInsightsApi } from './support/insights-test-app';

// GET /api/v1/insights through the real auth guard and NATS, against a test-owned
// client-insights responder: own tenant only, staff JWT or API key, 400 on bad parameters.
jest.setTimeout(60_000);

let api: RunningInsightsApi;
let provisioning: ProvisioningResponder;
let insights: InsightsResponder;
let tenant: FakeTenant;
let other: FakeTenant;
let key: FakeKey;
let agentToken: string;
let ownerToken: string;

const portfolio = {
  period: 'week' as const,
  date: '2026-07-06',
  periodStart: '2026-07-06T00:00:00.000Z',
  periodEnd: '2026-07-13T00:00:00.000Z',
  totals: { tenants: 2, activeTenants: 2, sessions: 13, turns: 26, leadSessions: 0, costUsd: 0, red: 0, amber: 0, green: 2 },
  tenants: [],
  benchmarks: [],
  emergingTopics: [],
  configOutcomes: [],
  computedAt: '2026-07-08T00:00:00.000Z',
};

const rollup = (localDate: string, sessions: number) => ({
  period: 'day' as const,
  localDate,
  periodStart: `${localDate}T00:00:00.000Z`,
  periodEnd: `${localDate}T23:00:00.000Z`,
  computedAt: '2026-07-08T00:00:00.000Z',
  metrics: {
    timezone: 'Europe/London',
    volume: { sessions, closedSessions: sessions, turns: sessions * 2, previousSessions: 0, changePct: null },
    topTopics: [],
    sentiment: { average: null, samples: 0, series: [] },
    conversion: { leadSessions: 0, sessions, rate: 0 },
    peakHours: [],
    unmetNeeds: [],
    repeatVisitors: { returningSessions: 0, sessions, rate: 0 },
    escalation: { escalatedSessions: 0, escalatedTurns: 0, sessions, rate: 0 },
    resolution: { resolvedWithoutHuman: 0, summarizedSessions: 0, rate: null },
    feedback: { ratings: 0, positive: 0, negative: 0, score: null },
    usage: { tokensIn: 0, tokensOut: 0, costUsd: 0, byModel: [] },
  },
});

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
  const namespace = tenantApiNamespace('insights');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  insights = await InsightsResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  other = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  insights.rollups.set(tenant.id, rollup('2026-07-06', 4));
  insights.rollups.set(other.id, rollup('2026-07-06', 9));
  api = await startInsightsApi(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }));
  const users = api.app.get(UserTokens);
  agentToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a02', role: 'tenant_agent', tenantId: tenant.id }))
    .token;
  ownerToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a03', role: 'owner' })).token;
  insights.portfolio = portfolio;
});

afterAll(async () => {
  await api?.close();
  await insights?.close();
  await provisioning?.close();
});

describe('GET /api/v1/insights', () => {
  it("serves the API key's own tenant, passing period and dates through", async () => {
    const res = await get('/api/v1/insights?period=week&from=2026-07-06&to=2026-07-12', { 'x-api-key': key.key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenant_id: tenant.id, timezone: 'Europe/London', period: 'week' });
    expect(res.body!.rollups[0].metrics.volume.sessions).toBe(4);
    expect(insights.requests.at(-1)).toEqual({ version: 1, tenantId: tenant.id, period: 'week', from: '2026-07-06', to: '2026-07-12' });
  });

  it("serves tenant staff their own tenant (default period day), never another tenant's", async () => {
    const res = await get('/api/v1/insights', { authorization: `Bearer ${agentToken}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenant_id: tenant.id, period: 'day' });
    expect(res.body!.rollups[0].metrics.volume.sessions).toBe(4);
    expect(insights.requests.at(-1)).toEqual({ version: 1, tenantId: tenant.id, period: 'day' });
  });

  it('refuses a caller without credentials with 401', async () => {
    const before = insights.requests.length;
    const res = await get('/api/v1/insights?period=day');
    expect(res.status).toBe(401);
    expect(res.type).toContain('application/problem+json');
    expect(insights.requests.length).toBe(before);
  });

  it.each([
    ['period=month', 'period'],
    ['period=day&from=07/06/2026', 'from'],
    ['period=day&to=2026-13-01', 'to'],
    ['period=day&tenant_id=' + '11111111-1111-4111-8111-111111111111', 'tenant_id'],
  ])('answers %s with 400 problem+json naming %s, and asks nothing', async (query, field) => {
    const before = insights.requests.length;
    const res = await get(`/api/v1/insights?${query}`, { 'x-api-key': key.key });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body!.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body!.errors)).toContain(field);
    expect(insights.requests.length).toBe(before);
  });

  it('maps a VALIDATION reply (from after to) to 400 problem+json', async () => {
    const res = await get('/api/v1/insights?period=day&from=2026-07-08&to=2026-07-07', { 'x-api-key': key.key });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
  });
});

describe('GET /api/v1/admin/insights', () => {
  it('serves the owner the portfolio, passing period and date through (default period week)', async () => {
    const res = await get('/api/v1/admin/insights?date=2026-07-08', { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ portfolio, alerts: [] });
    expect(insights.ownerRequests.at(-1)).toEqual({ version: 1, period: 'week', date: '2026-07-08' });
  });

  it.each([
    ['tenant staff', () => ({ authorization: `Bearer ${agentToken}` }), 403],
    ["a tenant's API key", () => ({ 'x-api-key': key.key }), 403],
    ['no credentials', () => ({}), 401],
  ])('refuses %s and asks client-insights nothing', async (_who, headers, status) => {
    const before = insights.ownerRequests.length;
    const res = await get('/api/v1/admin/insights?period=day', headers());
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(insights.ownerRequests.length).toBe(before);
  });

  it.each([
    ['period=month', 'period'],
    ['date=08/07/2026', 'date'],
    ['tenant_id=11111111-1111-4111-8111-111111111111', 'tenant_id'],
  ])('answers %s with 400 problem+json naming %s, and asks nothing', async (query, field) => {
    const before = insights.ownerRequests.length;
    const res = await get(`/api/v1/admin/insights?${query}`, { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.stringify(res.body!.errors)).toContain(field);
    expect(insights.ownerRequests.length).toBe(before);
  });

  it('maps a VALIDATION reply (a period not started) to 400 problem+json', async () => {
    const res = await get('/api/v1/admin/insights?period=day&date=2027-01-05', { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
  });
});

describe('GET /api/v1/admin/tenants/:id/insights', () => {
  it("serves the owner one tenant's insights with the same query and answer as the tenant's own GET /api/v1/insights", async () => {
    const query = 'period=week&from=2026-07-06&to=2026-07-12';
    const owner = await get(`/api/v1/admin/tenants/${other.id}/insights?${query}`, { authorization: `Bearer ${ownerToken}` });
    expect(owner.status).toBe(200);
    expect(insights.requests.at(-1)).toEqual({ version: 1, tenantId: other.id, period: 'week', from: '2026-07-06', to: '2026-07-12' });
    expect(owner.body).toMatchObject({ tenant_id: other.id, timezone: 'Europe/London', period: 'week' });
    expect(owner.body!.rollups[0].metrics.volume.sessions).toBe(9);
    const own = await get(`/api/v1/insights?${query}`, { 'x-api-key': key.key });
    expect(Object.keys(owner.body!).sort()).toEqual(Object.keys(own.body!).sort());
    expect((await get(`/api/v1/admin/tenants/${other.id}/insights`, { authorization: `Bearer ${ownerToken}` })).body).toMatchObject({
      period: 'day',
    });
  });

  it('answers an unknown tenant with 404 problem+json', async () => {
    const res = await get('/api/v1/admin/tenants/5d0f6f4e-3c55-4b8e-9a57-3f0d2b7d9c11/insights', { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['tenant staff', () => ({ authorization: `Bearer ${agentToken}` }), 403],
    ["a tenant's API key", () => ({ 'x-api-key': key.key }), 403],
    ['no credentials', () => ({}), 401],
  ])('refuses %s and asks client-insights nothing', async (_who, headers, status) => {
    const before = insights.requests.length;
    const res = await get(`/api/v1/admin/tenants/${tenant.id}/insights`, headers());
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(insights.requests.length).toBe(before);
  });

  it.each([
    ['not-a-uuid', 'period=day'],
    [null, 'period=month'],
    [null, 'from=07/06/2026'],
  ])('answers a bad id or query (%s, %s) with 400 problem+json and asks nothing', async (id, query) => {
    const before = insights.requests.length;
    const res = await get(`/api/v1/admin/tenants/${id ?? tenant.id}/insights?${query}`, { authorization: `Bearer ${ownerToken}` });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(insights.requests.length).toBe(before);
  });
});
