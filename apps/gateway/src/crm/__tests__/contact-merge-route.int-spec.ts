import { UserTokens } from '@parley/auth';
import { testEnvironment } from '@parley/testing';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { testGatewayConfig } from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { CrmResponder } from './support/crm-responder';
import { startCrmApi, type RunningCrmApi } from './support/crm-test-app';

// POST /api/v1/contacts/:id/merge (and a contact's possibleDuplicates) through the real auth
// guard, rate limiter and NATS, against a test-owned tenant-intelligence CRM responder.
jest.setTimeout(60_000);

let api: RunningCrmApi;
let provisioning: ProvisioningResponder;
let crm: CrmResponder;
let tenant: FakeTenant;
let other: FakeTenant;
let key: FakeKey;
let adminToken: string;
let agentToken: string;
let ownerToken: string;
const adminId = '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a11';
const agentId = '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a12';

async function call(path: string, init: { headers?: Record<string, string>; body?: object } = {}) {
  const response = await fetch(`${api.url}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are what the assertions check
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const merge = (id: string, body: object, headers: Record<string, string>) => call(`/api/v1/contacts/${id}/merge`, { headers, body });

beforeAll(async () => {
  const namespace = tenantApiNamespace('crmmerge');
  const nats = testEnvironment().TEST_NATS_URL;
  provisioning = await ProvisioningResponder.start(nats, namespace);
  crm = await CrmResponder.start(nats, namespace);
  tenant = provisioning.addTenant('active');
  other = provisioning.addTenant('active');
  key = await provisioning.addKey(tenant.id);
  api = await startCrmApi(
    testGatewayConfig(namespace, {
      RATE_LIMIT_PER_MINUTE: '10000',
      RATE_LIMIT_USER_PER_MINUTE: '5000',
      RATE_LIMIT_TENANT_PER_MINUTE: '100000',
      // Above the others, so RateLimit-Limit names the key's or user's limit (every request is also counted per client IP).
      RATE_LIMIT_IP_PER_MINUTE: '1000000',
    }),
  );
  const users = api.app.get(UserTokens);
  adminToken = (await users.issueUserToken({ userId: adminId, role: 'tenant_admin', tenantId: tenant.id })).token;
  agentToken = (await users.issueUserToken({ userId: agentId, role: 'tenant_agent', tenantId: tenant.id })).token;
  ownerToken = (await users.issueUserToken({ userId: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a13', role: 'owner' })).token;
});

afterAll(async () => {
  await api?.close();
  await crm?.close();
  await provisioning?.close();
});

describe('POST /api/v1/contacts/:id/merge', () => {
  it("shows a contact's possible duplicates in camelCase like its other fields", async () => {
    const alice = crm.addContact(tenant.id, 'Alice Smith');
    const bob = crm.addContact(tenant.id, 'Bob Jones', alice.id);
    const res = await call(`/api/v1/contacts/${alice.id}`, { headers: bearer(agentToken) });
    expect(res.status).toBe(200);
    expect(res.body!.contact).toMatchObject({
      id: alice.id,
      firstSeenAt: expect.any(String),
      possibleDuplicates: [{ contactId: bob.id, name: 'Bob Jones', email: bob.email, phone: null, reason: expect.any(String) }],
    });
  });

  it.each([
    ['a tenant admin', () => bearer(adminToken), { type: 'tenant_user', id: adminId }],
    ['a tenant agent', () => bearer(agentToken), { type: 'tenant_user', id: agentId }],
    ['the API key', () => ({ 'x-api-key': key.key }), undefined],
  ])('merges for %s, with the caller as actor', async (_who, headers, actor) => {
    const kept = crm.addContact(tenant.id, 'Carol White');
    const duplicate = crm.addContact(tenant.id, 'Carol W', kept.id);
    const res = await merge(kept.id, { duplicate_id: duplicate.id }, headers());
    expect(res.status).toBe(200);
    // The route is rate limited like the other CRM routes: per API key or staff user (and tenant).
    expect(res.headers.get('ratelimit-limit')).toBe(actor ? '5000' : '10000');
    expect(res.body).toEqual({
      contact: expect.objectContaining({ id: kept.id, possibleDuplicates: [] }),
      duplicate_id: duplicate.id,
      moved: { sessions: 1, interactions: 1, summaries: 0 },
    });
    expect(crm.merges.at(-1)).toEqual({
      version: 1,
      actor: actor ?? { type: 'api_key', id: key.id },
      tenantId: tenant.id,
      contactId: kept.id,
      duplicateId: duplicate.id,
    });
  });

  it("refuses the owner with 403 and no credentials with 401; another tenant's staff find no such contact (404)", async () => {
    const kept = crm.addContact(tenant.id, 'Dan Brown');
    const duplicate = crm.addContact(tenant.id, 'Dan B', kept.id);
    const before = crm.merges.length;
    expect((await merge(kept.id, { duplicate_id: duplicate.id }, bearer(ownerToken))).status).toBe(403);
    expect((await merge(kept.id, { duplicate_id: duplicate.id }, {})).status).toBe(401);
    const users = api.app.get(UserTokens);
    const otherStaff = await users.issueUserToken({ userId: agentId, role: 'tenant_agent', tenantId: other.id });
    expect((await merge(kept.id, { duplicate_id: duplicate.id }, bearer(otherStaff.token))).status).toBe(404);
    expect(crm.contacts.has(duplicate.id)).toBe(true);
    expect(crm.merges.slice(before).every((m) => m.tenantId === other.id)).toBe(true);
  });

  it.each([
    ['no body field', {}, 'duplicate_id'],
    ['a duplicate id that is no uuid', { duplicate_id: 'bob' }, 'duplicate_id'],
    ['an unknown field', { duplicate_id: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a99', keep: 'both' }, ''],
  ])('answers 400 problem+json listing the fields for %s', async (_case, body, path) => {
    const kept = crm.addContact(tenant.id, 'Erin Green');
    const before = crm.merges.length;
    const res = await merge(kept.id, body, bearer(adminToken));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION', status: 400 });
    expect(res.body!.errors.length).toBeGreaterThan(0);
    if (path) expect(res.body!.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(crm.merges.length).toBe(before);
  });

  it('answers 400 for a contact merged into itself and for a path id that is no uuid', async () => {
    const kept = crm.addContact(tenant.id, 'Frank Hill');
    const self = await merge(kept.id, { duplicate_id: kept.id }, bearer(adminToken));
    expect(self.status).toBe(400);
    expect(self.body!.errors).toEqual([expect.objectContaining({ path: 'duplicate_id' })]);
    expect((await merge('not-a-uuid', { duplicate_id: kept.id }, bearer(adminToken))).status).toBe(400);
  });

  it("answers 404 problem+json for an unknown contact or another tenant's", async () => {
    const kept = crm.addContact(tenant.id, 'Gina Ivy');
    const theirs = crm.addContact(other.id, 'Gina Ivy');
    const unknown = await merge(kept.id, { duplicate_id: '0b5e7d0c-7a53-4a58-9d8a-1d6f3c1e2a98' }, bearer(adminToken));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await merge(kept.id, { duplicate_id: theirs.id }, bearer(adminToken))).status).toBe(404);
    expect((await merge(theirs.id, { duplicate_id: kept.id }, { 'x-api-key': key.key })).status).toBe(404);
    expect(crm.contacts.has(theirs.id)).toBe(true);
    expect(crm.contacts.has(kept.id)).toBe(true);
  });
});
