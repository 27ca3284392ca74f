import { randomUUID } from 'node:crypto';
import { SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import { testEnvironment } from '@parley/testing';
import type { RpcServer } from '@parley/messaging';
import { serveAdminRpcs, type ReceivedRequest } from '../../http/__tests__/support/admin-responder';
import {
  startGateway,
  TEST_SIGNING_SECRET,
  testGatewayConfig,
  testNamespace,
  type RunningGateway,
} from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeTenant, type FakeUser } from '../../http/__tests__/support/provisioning-responder';

// Login and the owner/tenant_admin routes through the in-process gateway, with test-owned
// provisioning RPCs on the run's NATS.
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const userTokens = new UserTokens(new TokenSigner(ring), new TokenVerifier(ring));

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let adminServer: RpcServer;
let received: ReceivedRequest[];
let tenant: FakeTenant;
let owner: FakeUser;
let ownerToken: string;

/** The fields these tests read from answers (problem+json or data). */
interface Answer {
  token: string;
  expiresAt: string;
  apiKey: { key: string };
  tenant: { status: string };
  errors: Array<{ path: string }>;
  [field: string]: unknown;
}

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Answer) : undefined };
}

beforeAll(async () => {
  const namespace = testNamespace('adm');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  ({ received, server: adminServer } = serveAdminRpcs(responder));
  tenant = responder.addTenant('active');
  owner = await responder.addUser('owner', null);
  gateway = await startGateway(testGatewayConfig(namespace));
  ownerToken = (await userTokens.issueUserToken({ userId: owner.id, role: 'owner' })).token;
});

afterAll(async () => {
  await gateway?.close();
  await adminServer?.stop();
  await responder?.close();
});

describe('POST /api/v1/auth/login', () => {
  it('signs a user JWT for the owner and records the login', async () => {
    const response = await call('POST', '/api/v1/auth/login', { body: { email: owner.email, password: owner.password } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({ role: 'owner', tenantId: null });
    const claims = await userTokens.verifyUserToken(response.body!.token);
    expect(claims).toMatchObject({ userId: owner.id, role: 'owner' });
    expect(Date.parse(response.body!.expiresAt)).toBe(claims.expiresAt.getTime());
    expect(responder.calls.loginRecorded).toContain(owner.id);
  });

  it('carries the tenant and role of staff', async () => {
    const admin = await responder.addUser('tenant_admin', tenant.id);
    const response = await call('POST', '/api/v1/auth/login', { body: { email: admin.email, password: admin.password } });
    expect(response.body).toMatchObject({ role: 'tenant_admin', tenantId: tenant.id });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await call('POST', '/api/v1/auth/login', { body: { email: owner.email, password: 'not-the-password' } });
    const unknownEmail = await call('POST', '/api/v1/auth/login', {
      body: { email: `nobody-${randomUUID()}@example.com`, password: 'whatever-it-is' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const strip = (body?: Answer) => ({ ...body, requestId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body).toMatchObject({ type: 'urn:parley:problem:invalid-credentials' });
  });

  it('answers a disabled user and a deactivated tenant with 403 once the password is right', async () => {
    const disabled = await responder.addUser('tenant_agent', tenant.id, 'disabled');
    expect((await call('POST', '/api/v1/auth/login', { body: { email: disabled.email, password: disabled.password } })).body).toMatchObject(
      { status: 403, code: 'USER_DISABLED' },
    );
    const gone = responder.addTenant('deactivated');
    const staff = await responder.addUser('tenant_admin', gone.id);
    expect((await call('POST', '/api/v1/auth/login', { body: { email: staff.email, password: staff.password } })).body).toMatchObject({
      status: 403,
      code: 'TENANT_DEACTIVATED',
    });
    expect((await call('POST', '/api/v1/auth/login', { body: { email: staff.email, password: 'wrong-password' } })).status).toBe(401);
  });

  it('lists the offending fields of a bad body', async () => {
    const response = await call('POST', '/api/v1/auth/login', { body: { email: 'not-an-email' } });
    expect(response.status).toBe(400);
    expect(response.body!.errors.map((e) => e.path).sort()).toEqual(['email', 'password']);
  });
});

describe('owner admin routes', () => {
  it('creates a tenant as the owner and shows the key once (no-store)', async () => {
    const body = {
      displayName: 'Pat the Plumber',
      slug: `pat-${randomUUID().slice(0, 6)}`,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: 'https://pat.example',
    };
    const response = await call('POST', '/api/v1/admin/tenants', { token: ownerToken, body });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body!.apiKey.key).toMatch(/^sk_live_/);
    expect(received.at(-1)).toMatchObject({
      subject: 'provisioning.tenant.create',
      request: { actor: { type: 'owner', id: owner.id }, ...body },
    });
  });

  it('lists with a cursor and limit', async () => {
    const response = await call('GET', '/api/v1/admin/tenants?limit=2&cursor=abc', { token: ownerToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ nextCursor: 'next-page' });
    expect(received.at(-1)).toMatchObject({ subject: 'provisioning.tenant.list', request: { limit: 2, cursor: 'abc' } });
    expect((await call('GET', '/api/v1/admin/tenants?limit=500', { token: ownerToken })).body).toMatchObject({
      status: 400,
      errors: [{ path: 'limit' }],
    });
  });

  it('maps NOT_FOUND to 404 and a malformed id to 400', async () => {
    expect((await call('GET', `/api/v1/admin/tenants/${randomUUID()}`, { token: ownerToken })).body).toMatchObject({
      status: 404,
      type: 'urn:parley:problem:not-found',
    });
    expect((await call('GET', '/api/v1/admin/tenants/not-a-uuid', { token: ownerToken })).status).toBe(400);
  });

  it('updates, rotates with grace, lists keys and deactivates with the owner as actor', async () => {
    const target = responder.addTenant('active');
    expect(
      (await call('PATCH', `/api/v1/admin/tenants/${target.id}`, { token: ownerToken, body: { config: { rateLimitPerMinute: 30 } } }))
        .status,
    ).toBe(200);
    expect((await call('PATCH', `/api/v1/admin/tenants/${target.id}`, { token: ownerToken, body: {} })).status).toBe(400);
    const rotated = await call('POST', `/api/v1/admin/tenants/${target.id}/keys/rotate`, {
      token: ownerToken,
      body: { graceSeconds: 3600 },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body!.apiKey.key).toMatch(/^sk_live_/);
    expect(received.at(-1)).toMatchObject({
      subject: 'provisioning.tenant.rotate_key',
      request: { tenantId: target.id, graceSeconds: 3600, actor: { type: 'owner', id: owner.id } },
    });
    expect((await call('GET', `/api/v1/admin/tenants/${target.id}/keys`, { token: ownerToken })).body).toEqual({ version: 1, items: [] });
    const deactivated = await call('POST', `/api/v1/admin/tenants/${target.id}/deactivate`, {
      token: ownerToken,
      body: { reason: 'closed down' },
    });
    expect(deactivated.body!.tenant.status).toBe('deactivated');
  });

  it('refuses staff tokens and API keys on owner routes with 403, and no token with 401', async () => {
    const staff = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_admin', tenantId: tenant.id });
    expect((await call('GET', '/api/v1/admin/tenants', { token: staff.token })).body).toMatchObject({
      status: 403,
      code: 'CREDENTIAL_NOT_ACCEPTED',
    });
    expect((await call('GET', '/api/v1/admin/tenants')).status).toBe(401);
  });

  it('creates staff users for a tenant and maps CONFLICT to 409', async () => {
    const body = { email: `new-${randomUUID().slice(0, 8)}@example.com`, password: 'a-long-password-1', role: 'tenant_agent' };
    expect((await call('POST', `/api/v1/admin/tenants/${tenant.id}/users`, { token: ownerToken, body })).status).toBe(201);
    expect(
      (await call('POST', `/api/v1/admin/tenants/${tenant.id}/users`, { token: ownerToken, body: { ...body, email: owner.email } })).body,
    ).toMatchObject({ status: 409, code: 'CONFLICT' });
    const blank = await call('POST', `/api/v1/admin/tenants/${tenant.id}/users`, {
      token: ownerToken,
      body: { ...body, password: ' '.repeat(14) },
    });
    expect(blank.body).toMatchObject({ status: 400, errors: [{ path: 'password', message: 'password must not be blank' }] });
    const tooManyBytes = await call('POST', `/api/v1/admin/tenants/${tenant.id}/users`, {
      token: ownerToken,
      body: { ...body, password: 'é'.repeat(40) },
    });
    expect(tooManyBytes.body).toMatchObject({ status: 400, errors: [{ path: 'password' }] });
  });
});

describe('tenant_admin staff management', () => {
  it("creates staff in the admin's own tenant only", async () => {
    const admin = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_admin', tenantId: tenant.id });
    const body = { email: `agent-${randomUUID().slice(0, 8)}@example.com`, password: 'a-long-password-2', role: 'tenant_agent' };
    expect((await call('POST', '/api/v1/users', { token: admin.token, body })).status).toBe(201);
    expect(received.at(-1)!.request).toMatchObject({ tenantId: tenant.id, actor: { type: 'tenant_user' } });
    expect((await call('POST', '/api/v1/users', { token: admin.token, body: { ...body, tenantId: randomUUID() } })).body).toMatchObject({
      status: 400,
    });
  });

  it('refuses tenant agents with 403', async () => {
    const agent = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_agent', tenantId: tenant.id });
    const body = { email: `x-${randomUUID().slice(0, 8)}@example.com`, password: 'a-long-password-3', role: 'tenant_agent' };
    expect((await call('POST', '/api/v1/users', { token: agent.token, body })).body).toMatchObject({
      status: 403,
      code: 'INSUFFICIENT_ROLE',
    });
  });
});
