import { randomUUID } from 'node:crypto';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import { TenantDeactivatedEvent, TenantKeyRotatedEvent } from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import { ProbeController } from '../../http/__tests__/support/probe.controller';
import { ProvisioningResponder, type FakeKey, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import {
  startGateway,
  TEST_SIGNING_SECRET,
  testGatewayConfig,
  testNamespace,
  type RunningGateway,
} from '../../http/__tests__/support/gateway-test-app';

// The gateway's auth against real NATS and Redis, with a test-owned provisioning responder
// built from real bcrypt hashes.
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const sessionTokens = new SessionTokens(new TokenSigner(ring), new TokenVerifier(ring));
const userTokens = new UserTokens(new TokenSigner(ring), new TokenVerifier(ring));
const pastClock = () => new Date(Date.now() - 2 * 86_400_000);
const expiredSessionTokens = new SessionTokens(new TokenSigner(ring, { clock: pastClock }), new TokenVerifier(ring));

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let tenant: FakeTenant;
let deactivated: FakeTenant;
let key: FakeKey;

async function call(path: string, headers: Record<string, string> = {}, init: RequestInit = {}) {
  const response = await fetch(`${gateway.url}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

beforeAll(async () => {
  const namespace = testNamespace('auth');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  tenant = responder.addTenant('active');
  deactivated = responder.addTenant('deactivated');
  key = await responder.addKey(tenant.id);
  gateway = await startGateway(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '1000' }), [ProbeController]);
});

afterAll(async () => {
  await gateway?.close();
  await responder?.close();
});

describe('API keys', () => {
  it('accepts a valid key in X-API-Key and as Bearer', async () => {
    const viaHeader = await call('/api/v1/chat/probe', { 'x-api-key': key.key });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body).toEqual({ kind: 'api_key', tenantId: tenant.id, apiKeyId: key.id });
    const viaBearer = await call('/api/v1/chat/probe', { authorization: `Bearer ${key.key}` });
    expect(viaBearer.status).toBe(200);
  });

  it('answers a wrong key with 401 problem+json and a stable type', async () => {
    const wrong = `${key.prefix}${'x'.repeat(key.key.length - key.prefix.length)}`;
    const response = await call('/api/v1/chat/probe', { 'x-api-key': wrong });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:invalid-api-key', status: 401, code: 'INVALID_API_KEY' });
    expect(response.body?.requestId).toEqual(response.headers.get('x-request-id'));
  });

  it('answers an unknown prefix and a malformed key with the same 401', async () => {
    const unknown = await call('/api/v1/chat/probe', { 'x-api-key': `sk_live_${'Z'.repeat(40)}` });
    const malformed = await call('/api/v1/chat/probe', { 'x-api-key': 'sk_live_short' });
    expect([unknown.body?.type, malformed.body?.type]).toEqual([
      'urn:parley:problem:invalid-api-key',
      'urn:parley:problem:invalid-api-key',
    ]);
  });

  it('refuses a revoked key and a key past its grace period with 401', async () => {
    const revoked = await responder.addKey(tenant.id, { status: 'revoked' });
    const expired = await responder.addKey(tenant.id, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await call('/api/v1/chat/probe', { 'x-api-key': revoked.key })).body).toMatchObject({ status: 401, code: 'API_KEY_REVOKED' });
    expect((await call('/api/v1/chat/probe', { 'x-api-key': expired.key })).body).toMatchObject({ status: 401, code: 'API_KEY_EXPIRED' });
  });

  it('accepts a key still in its grace period', async () => {
    const grace = await responder.addKey(tenant.id, { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await call('/api/v1/chat/probe', { 'x-api-key': grace.key })).status).toBe(200);
  });

  it('answers a key of a deactivated tenant with 403', async () => {
    const deactivatedKey = await responder.addKey(deactivated.id);
    const response = await call('/api/v1/chat/probe', { 'x-api-key': deactivatedKey.key });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:tenant-deactivated' });
  });

  it('verifies a key once: later requests hit the cache', async () => {
    const fresh = await responder.addKey(tenant.id);
    const before = responder.calls.apiKeyLookup;
    for (let i = 0; i < 3; i++) expect((await call('/api/v1/chat/probe', { 'x-api-key': fresh.key })).status).toBe(200);
    expect(responder.calls.apiKeyLookup - before).toBe(1);
  });

  it('drops a cached key on evt.tenant.key_rotated and then refuses it once revoked', async () => {
    const rotated = await responder.addKey(tenant.id);
    expect((await call('/api/v1/chat/probe', { 'x-api-key': rotated.key })).status).toBe(200);
    rotated.status = 'revoked';
    // Still cached: the change is not visible until the event arrives.
    expect((await call('/api/v1/chat/probe', { 'x-api-key': rotated.key })).status).toBe(200);
    const event = {
      version: 1,
      tenantId: tenant.id,
      newKeyId: randomUUID(),
      newKeyPrefix: 'sk_live_abcdefghij',
      revokedKeyIds: [rotated.id],
      occurredAt: new Date().toISOString(),
    };
    responder.nats.nc.publish(responder.nats.namer.subject(TenantKeyRotatedEvent.subjectFor(tenant.id)), encodeJson(event));
    await responder.nats.nc.flush();
    await expect(waitForStatus(() => call('/api/v1/chat/probe', { 'x-api-key': rotated.key }), 401)).resolves.toMatchObject({
      code: 'API_KEY_REVOKED',
    });
  });

  it('drops cached keys and settings on evt.tenant.deactivated', async () => {
    const other = responder.addTenant('active');
    const otherKey = await responder.addKey(other.id);
    expect((await call('/api/v1/chat/probe', { 'x-api-key': otherKey.key })).status).toBe(200);
    other.status = 'deactivated';
    const event = { version: 1, tenantId: other.id, reason: 'test', occurredAt: new Date().toISOString() };
    responder.nats.nc.publish(responder.nats.namer.subject(TenantDeactivatedEvent.subjectFor(other.id)), encodeJson(event));
    await responder.nats.nc.flush();
    await expect(waitForStatus(() => call('/api/v1/chat/probe', { 'x-api-key': otherKey.key }), 403)).resolves.toMatchObject({
      code: 'TENANT_DEACTIVATED',
    });
  });

  it('answers missing credentials with 401 and two different credentials with 400', async () => {
    expect((await call('/api/v1/chat/probe')).body).toMatchObject({ status: 401, code: 'MISSING_CREDENTIALS' });
    const both = await call('/api/v1/chat/probe', { 'x-api-key': key.key, authorization: 'Bearer abc.def.ghi' });
    expect(both.body).toMatchObject({ status: 400, code: 'AMBIGUOUS_CREDENTIALS' });
    expect((await call('/api/v1/chat/probe', { authorization: 'Basic dXNlcjpwdw==' })).body).toMatchObject({
      status: 401,
      code: 'UNSUPPORTED_AUTH_SCHEME',
    });
  });
});

describe('session and user tokens', () => {
  it('accepts a session token on a session route for its own session', async () => {
    const sessionId = randomUUID();
    const { token } = await sessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId });
    const response = await call(`/api/v1/sessions/${sessionId}/probe`, { authorization: `Bearer ${token}` }, { method: 'POST' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ kind: 'session', tenantId: tenant.id, sessionId });
  });

  it('answers a session token for another session with 403', async () => {
    const { token } = await sessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() });
    const response = await call(`/api/v1/sessions/${randomUUID()}/probe`, { authorization: `Bearer ${token}` }, { method: 'POST' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:session-mismatch' });
  });

  it('answers an expired, tampered or foreign-key token with 401', async () => {
    const { token: expired } = await expiredSessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() });
    expect((await call('/api/v1/chat/probe', { authorization: `Bearer ${expired}` })).body).toMatchObject({
      status: 401,
      code: 'EXPIRED_TOKEN',
    });
    const { token } = await sessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() });
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await call('/api/v1/chat/probe', { authorization: `Bearer ${tampered}` })).body).toMatchObject({
      status: 401,
      code: 'INVALID_TOKEN',
    });
    const otherRing = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: 'another-secret-of-at-least-32-bytes!!' } });
    const forged = await new SessionTokens(new TokenSigner(otherRing), new TokenVerifier(otherRing)).issueSessionToken({
      tenantId: tenant.id,
      sessionId: randomUUID(),
    });
    expect((await call('/api/v1/chat/probe', { authorization: `Bearer ${forged.token}` })).body).toMatchObject({
      status: 401,
      code: 'INVALID_TOKEN',
    });
  });

  it('answers a session token of a deactivated tenant with 403', async () => {
    const { token } = await sessionTokens.issueSessionToken({ tenantId: deactivated.id, sessionId: randomUUID() });
    expect((await call('/api/v1/chat/probe', { authorization: `Bearer ${token}` })).body).toMatchObject({
      status: 403,
      code: 'TENANT_DEACTIVATED',
    });
  });

  it('lets the owner reach owner routes and refuses staff and API keys there with 403', async () => {
    const owner = await userTokens.issueUserToken({ userId: randomUUID(), role: 'owner' });
    const staff = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_admin', tenantId: tenant.id });
    expect((await call('/probe/owner', { authorization: `Bearer ${owner.token}` })).status).toBe(200);
    expect((await call('/probe/owner', { authorization: `Bearer ${staff.token}` })).body).toMatchObject({
      status: 403,
      code: 'CREDENTIAL_NOT_ACCEPTED',
    });
    expect((await call('/probe/owner', { 'x-api-key': key.key })).body).toMatchObject({ status: 403, code: 'CREDENTIAL_NOT_ACCEPTED' });
  });

  it('applies @StaffRoles to staff only', async () => {
    const admin = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_admin', tenantId: tenant.id });
    const agent = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_agent', tenantId: tenant.id });
    const owner = await userTokens.issueUserToken({ userId: randomUUID(), role: 'owner' });
    expect((await call('/probe/tenant-admin', { authorization: `Bearer ${admin.token}` })).status).toBe(200);
    expect((await call('/probe/tenant-admin', { authorization: `Bearer ${owner.token}` })).status).toBe(200);
    expect((await call('/probe/tenant-admin', { authorization: `Bearer ${agent.token}` })).body).toMatchObject({
      status: 403,
      code: 'INSUFFICIENT_ROLE',
    });
  });
});

describe('validation', () => {
  it('answers invalid JSON with 400 problem+json', async () => {
    const response = await call(
      '/probe/body',
      { 'x-api-key': key.key, 'content-type': 'application/json' },
      { method: 'POST', body: '{"name":' },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:invalid-json', code: 'INVALID_JSON' });
  });

  it('lists missing and mistyped fields', async () => {
    const response = await call(
      '/probe/body',
      { 'x-api-key': key.key, 'content-type': 'application/json' },
      { method: 'POST', body: JSON.stringify({ count: 'three', extra: 1 }) },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'urn:parley:problem:validation', code: 'VALIDATION' });
    const paths = (response.body?.errors as Array<{ path: string }>).map((error) => error.path).sort();
    expect(paths).toEqual(['(body)', 'count', 'name']);
  });

  it('rejects invalid UTF-8 with 400', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","count":1}')]);
    const response = await call(
      '/probe/body',
      { 'x-api-key': key.key, 'content-type': 'application/json' },
      { method: 'POST', body: bytes },
    );
    expect(response.body).toMatchObject({ status: 400, code: 'INVALID_UTF8' });
  });

  it('accepts a valid body', async () => {
    const response = await call(
      '/probe/body',
      { 'x-api-key': key.key, 'content-type': 'application/json' },
      { method: 'POST', body: JSON.stringify({ name: 'é ok', count: 2 }) },
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ received: { name: 'é ok', count: 2 } });
  });
});

/** Polls until the request answers `status` (events arrive asynchronously); returns its body. */
async function waitForStatus(
  request: () => Promise<{ status: number; body?: Record<string, unknown> }>,
  status: number,
): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await request();
    if (response.status === status) return response.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never answered ${status}`);
}
