import { UserTokens } from '@parley/auth';
import { DEFAULT_CLASSIFIER_THRESHOLDS } from '@parley/signals';
import { testEnvironment } from '@parley/testing';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { SignalSettingsResponder } from './support/signal-settings-responder';
import { startSignalSettingsApi, type RunningSignalSettingsApi } from './support/signal-settings-test-app';

// GET/PUT /api/v1/settings/signals through the real auth guard and NATS, against a test-owned
// provisioning stand-in that validates with libs/signals as provisioning does.
jest.setTimeout(60_000);

let api: RunningSignalSettingsApi;
let provisioning: ProvisioningResponder;
let signals: SignalSettingsResponder;
let tenant: FakeTenant;
let other: FakeTenant;
let key: FakeKey;
let otherKey: FakeKey;
let adminToken: string;
let agentToken: string;
let ownerToken: string;
const adminId = '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a11';

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are what the assertions check
    body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
  };
}
const put = (headers: Record<string, string>, body: unknown) => call('/api/v1/settings/signals', { method: 'PUT', headers, body });
const apiKey = (k: FakeKey) => ({ 'x-api-key': k.key });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const DEFAULTS = { thresholds: { ...DEFAULT_CLASSIFIER_THRESHOLDS } };
const EMPTY = { rules: [], extend: {}, disable: [], figurative: [], classifier: { enabled: true, thresholds: {}, ruleVetoes: true } };

beforeAll(async () => {
  const namespace = tenantApiNamespace('sigset');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  signals = await SignalSettingsResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  other = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  otherKey = await provisioning.addKey(other.id);
  api = await startSignalSettingsApi(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }));
  const users = api.app.get(UserTokens);
  adminToken = (await users.issueUserToken({ userId: adminId, role: 'tenant_admin', tenantId: tenant.id })).token;
  agentToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a12', role: 'tenant_agent', tenantId: tenant.id }))
    .token;
  ownerToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a13', role: 'owner' })).token;
});

afterAll(async () => {
  await api?.close();
  await signals?.close();
  await provisioning?.close();
});

describe('GET /api/v1/settings/signals', () => {
  it.each([
    ['the API key', () => apiKey(key)],
    ['a tenant admin', () => bearer(adminToken)],
    ['a tenant agent', () => bearer(agentToken)],
  ])("serves %s its own tenant's settings (camelCase) and the model defaults", async (_who, headers) => {
    const res = await call('/api/v1/settings/signals', { headers: headers() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ settings: EMPTY, valid: true, defaults: DEFAULTS });
    expect(signals.gets.at(-1)).toEqual({ version: 1, tenantId: tenant.id });
  });

  it.each([
    ['no credentials', () => ({}), 401],
    ['the owner (no tenant)', () => bearer(ownerToken), 403],
  ])('refuses %s with problem+json', async (_who, headers, status) => {
    const res = await call('/api/v1/settings/signals', { headers: headers() });
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
  });
});

describe('PUT /api/v1/settings/signals', () => {
  it('replaces the settings for a tenant admin (actor tenant_user) and the API key (actor api_key), own tenant only', async () => {
    const body = { disable: ['locked_out'], classifier: { thresholds: { urgency: 0.7 }, ruleVetoes: false } };
    const res = await put(bearer(adminToken), body);
    expect(res.status).toBe(200);
    const expected = { ...EMPTY, disable: ['locked_out'], classifier: { enabled: true, thresholds: { urgency: 0.7 }, ruleVetoes: false } };
    expect(res.body).toEqual({ settings: expected, valid: true, defaults: DEFAULTS });
    expect(signals.sets.at(-1)).toEqual({
      version: 1,
      actor: { type: 'tenant_user', id: adminId },
      tenantId: tenant.id,
      settings: expected,
    });

    const byKey = await put(apiKey(key), { classifier: { thresholds: { escalation: 1 } } });
    expect(byKey.status).toBe(200);
    expect(byKey.body!.settings.classifier.thresholds).toEqual({ escalation: 1 });
    expect(signals.sets.at(-1)).toMatchObject({ actor: { type: 'api_key', id: key.id }, tenantId: tenant.id });
    expect((await call('/api/v1/settings/signals', { headers: bearer(agentToken) })).body!.settings.classifier.thresholds).toEqual({
      escalation: 1,
    });
    expect((await call('/api/v1/settings/signals', { headers: apiKey(otherKey) })).body!.settings).toEqual(EMPTY);
  });

  it.each([
    ['a tenant agent', () => bearer(agentToken), 403],
    ['the owner (no tenant)', () => bearer(ownerToken), 403],
    ['no credentials', () => ({}), 401],
  ])('refuses %s with problem+json and stores nothing', async (_who, headers, status) => {
    const before = signals.sets.length;
    const res = await put(headers(), { classifier: { enabled: false } });
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(signals.sets.length).toBe(before);
  });

  it.each([
    [{ classifier: { thresholds: { urgency: 0 } } }, ['classifier.thresholds.urgency']],
    [{ classifier: { thresholds: { urgency: 0.5, safety: 1.5 } }, figurative: ['x'] }, ['classifier.thresholds.safety', 'figurative.0']],
    [{ rules: [{ id: 'pet_poisoning', type: 'urgency', severity: 'high', terms: [] }] }, ['rules.0.terms']],
    [{ classifier: { rule_vetoes: false } }, ['classifier']],
  ])('answers %j with 400 problem+json listing %j, and asks provisioning nothing', async (body, paths) => {
    const before = signals.sets.length;
    const res = await put(apiKey(key), body);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body!.errors.map((e: { path: string }) => e.path).sort()).toEqual(paths);
    expect(signals.sets.length).toBe(before);
  });

  it("passes provisioning's VALIDATION (an unknown rule id) on as 400 listing the field; nothing is stored", async () => {
    const stored = signals.settings.get(tenant.id);
    const res = await put(bearer(adminToken), { disable: ['locked_out', 'no_such_rule'] });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'disable.1' }] });
    expect(signals.settings.get(tenant.id)).toEqual(stored);
  });
});
