import { execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { PlanCreateRpc, PlanDeleteRpc, TenantCreateRpc, TenantPlanAssignRpc } from '@parley/contracts';
import { NatsClient, RpcClient } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import { GatewayProcess, REPO_ROOT } from '../../chat/__tests__/support/gateway-process';
import { tenantApiNamespace } from '../../chat/__tests__/support/tenant-api-test-app';
import { freePort } from '../../http/__tests__/support/dist-gateway';
import { startGateway, testGatewayConfig, type RunningGateway } from '../../http/__tests__/support/gateway-test-app';
import { testPlan } from '../../quota/__tests__/support/test-plan';
import { KeycloakRealm, type RealmKey } from './support/keycloak-realm.server';

// External identity providers (issue 18, ADR 0024) and revocation of staff tokens, with nothing
// faked: provisioning and chat (offline responder) from their dist, the gateway in this process,
// and a local Keycloak-shaped realm serving its JWKS over HTTP with jose-signed RS256/ES256 tokens.
jest.setTimeout(180_000);

const PASSWORD = 'correct horse battery staple';

let provisioning: GatewayProcess;
let chat: GatewayProcess;
let gateway: RunningGateway;
let namespace: string;
let nats: NatsClient;
let realm: KeycloakRealm;
let otherRealm: KeycloakRealm;
let rsa1: RealmKey;
let ec1: RealmKey;
let tenantA: { id: string; adminEmail: string; apiKey: string };
let tenantB: { id: string; adminEmail: string; apiKey: string };
let adminA: string;
let adminB: string;
let providerA: { id: string };

interface Answer {
  status: number;
  contentType: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shapes
  body: any;
}

async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: text ? JSON.parse(text) : undefined,
  } as Answer;
}

function expectProblem(answer: Answer, status: number, code?: string): void {
  expect({ status: answer.status, contentType: answer.contentType?.split(';')[0] }).toEqual({
    status,
    contentType: 'application/problem+json',
  });
  if (code) expect(answer.body.code).toBe(code);
}

function serviceEnv(namespace: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const env = testEnvironment();
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    DATABASE_URL: env.TEST_DATABASE_URL,
    NATS_URL: env.TEST_NATS_URL,
    NATS_NAMESPACE: namespace,
    REDIS_URL: env.TEST_REDIS_URL,
    ...extra,
  };
}

async function createTenant(rpc: RpcClient, name: string) {
  const adminEmail = `admin-${randomUUID().slice(0, 8)}@${name.toLowerCase()}.test`;
  const created = await rpc.request(TenantCreateRpc, {
    version: 1,
    actor: { type: 'owner', id: null },
    displayName: name,
    slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
    kind: 'shop',
    timezone: 'Europe/London',
    domain: `https://${name.toLowerCase()}.example`,
    admin: { email: adminEmail, password: PASSWORD },
  });
  return { id: created.tenant.id, adminEmail, apiKey: created.apiKey.key };
}

async function login(email: string, password = PASSWORD): Promise<string> {
  const answer = await call('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(answer.status).toBe(200);
  return answer.body.token as string;
}

function providerBody(r: KeycloakRealm, overrides: Record<string, unknown> = {}) {
  return {
    name: `Keycloak ${r.realm}`,
    issuer: r.issuer,
    audience: r.clientId,
    jwks_url: r.jwksUrl,
    claims: { user_id: 'sub', email: 'email', roles: 'realm_access.roles' },
    role_mapping: { 'shop-admin': 'tenant_admin', 'shop-staff': 'tenant_agent' },
    ...overrides,
  };
}

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [
      'scripts/build.mjs',
      'apps/provisioning',
      'apps/chat',
      'libs/contracts',
      'libs/messaging',
      'libs/persistence',
      'libs/auth',
      'libs/llm',
      'libs/signals',
      'libs/runtime',
      'libs/observability',
      'libs/integrations',
    ],
    { cwd: REPO_ROOT, stdio: 'pipe' },
  );
  namespace = tenantApiNamespace('idp');
  provisioning = new GatewayProcess(
    serviceEnv(namespace, await freePort(), { BCRYPT_COST: '4', INTEGRATION_ALLOW_PRIVATE_TARGETS: 'true' }),
    'provisioning',
  );
  chat = new GatewayProcess(serviceEnv(namespace, await freePort()), 'chat');
  await Promise.all([provisioning.listening(90_000), chat.listening(90_000)]);
  nats = await NatsClient.connect({ url: testEnvironment().TEST_NATS_URL, name: 'idp-int', namespace });
  const rpc = new RpcClient(nats, { timeoutMs: 20_000 });
  [tenantA, tenantB] = await Promise.all([createTenant(rpc, 'Gadgets'), createTenant(rpc, 'Othershop')]);
  // Cooldown 0: a token with a new kid makes the gateway fetch the JWKS again at once.
  gateway = await startGateway(
    testGatewayConfig(namespace, {
      RATE_LIMIT_PER_MINUTE: '10000',
      IDP_JWKS_COOLDOWN_MS: '0',
      RPC_TIMEOUT_MS: '20000',
      // The local realms serve their JWKS on loopback, as integrations' tests allow private targets.
      IDP_JWKS_ALLOW_PRIVATE_TARGETS: 'true',
    }),
  );
  [realm, otherRealm] = await Promise.all([KeycloakRealm.start('gadgets', 'parley-web'), KeycloakRealm.start('other', 'parley-web')]);
  [rsa1, ec1] = await Promise.all([KeycloakRealm.newKey('RS256'), KeycloakRealm.newKey('ES256')]);
  realm.published = [rsa1, ec1];
  otherRealm.published = [await KeycloakRealm.newKey('RS256')];
  [adminA, adminB] = await Promise.all([login(tenantA.adminEmail), login(tenantB.adminEmail)]);
  const created = await call('POST', '/api/v1/identity-providers', { token: adminA, body: providerBody(realm) });
  expect(created.status).toBe(201);
  providerA = created.body.identity_provider;
}, 180_000);

afterAll(async () => {
  await gateway?.close();
  await nats?.drain().catch(() => undefined);
  await chat?.kill();
  await provisioning?.kill();
  await realm?.close();
  await otherRealm?.close();
});

describe('identity provider routes', () => {
  it('creates, reads, lists and changes a provider as snake_case documents', async () => {
    expect(providerA).toMatchObject({
      tenant_id: tenantA.id,
      issuer: realm.issuer,
      audience: 'parley-web',
      jwks_url: realm.jwksUrl,
      claims: { user_id: 'sub', email: 'email', roles: 'realm_access.roles' },
      role_mapping: { 'shop-admin': 'tenant_admin', 'shop-staff': 'tenant_agent' },
      status: 'active',
    });
    expect((await call('GET', `/api/v1/identity-providers/${providerA.id}`, { token: adminA })).body.identity_provider).toEqual(providerA);
    expect((await call('GET', '/api/v1/identity-providers', { token: adminA })).body.items).toEqual([providerA]);
    const renamed = await call('PATCH', `/api/v1/identity-providers/${providerA.id}`, { token: adminA, body: { name: 'Gadgets SSO' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.identity_provider).toMatchObject({ name: 'Gadgets SSO', issuer: realm.issuer });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an issuer that is not a URL', { issuer: 'not a url' }, 'issuer'],
    ['a JWKS URL that is not http(s)', { jwks_url: 'ftp://127.0.0.1/certs' }, 'jwks_url'],
    ['an unknown field', { tenant_id: randomUUID() }, ''],
    ['an unknown role', { role_mapping: { 'shop-admin': 'owner' } }, 'role_mapping.shop-admin'],
    ['a claim path with spaces', { claims: { roles: 'realm access' } }, 'claims.roles'],
    ['an unknown claim name', { claims: { user_id: 'sub', group: 'groups' } }, 'claims'],
  ])('refuses %s with 400 problem+json and creates nothing', async (_label, overrides, path) => {
    const before = (await call('GET', '/api/v1/identity-providers', { token: adminB })).body.items;
    const answer = await call('POST', '/api/v1/identity-providers', { token: adminB, body: providerBody(otherRealm, overrides) });
    expectProblem(answer, 400);
    if (path) expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await call('GET', '/api/v1/identity-providers', { token: adminB })).body.items).toEqual(before);
  });

  it('refuses an issuer another tenant registered with 409, and another tenant’s provider id with 404', async () => {
    expectProblem(await call('POST', '/api/v1/identity-providers', { token: adminB, body: providerBody(realm) }), 409);
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'mine now' }],
      ['DELETE', undefined],
    ] as const) {
      expectProblem(await call(method, `/api/v1/identity-providers/${providerA.id}`, { token: adminB, body }), 404, 'NOT_FOUND');
    }
    expectProblem(await call('GET', '/api/v1/identity-providers/not-a-uuid', { token: adminA }), 400);
    expectProblem(await call('PATCH', `/api/v1/identity-providers/${providerA.id}`, { token: adminA, body: {} }), 400);
    expect((await call('GET', `/api/v1/identity-providers/${providerA.id}`, { token: adminA })).body.identity_provider.name).toBe(
      'Gadgets SSO',
    );
  });

  it('is for tenant admins only', async () => {
    expectProblem(await call('GET', '/api/v1/identity-providers', { headers: { 'x-api-key': tenantA.apiKey } }), 403);
    const agent = await realm.token({ username: 'ann', roles: ['shop-staff'] });
    expectProblem(await call('GET', '/api/v1/identity-providers', { token: agent }), 403, 'INSUFFICIENT_ROLE');
  });
});

describe('tokens of the tenant’s identity provider', () => {
  it('gives a mapped staff role: an IdP admin reads tenant admin routes of its own tenant only', async () => {
    for (const key of [rsa1, ec1]) {
      const token = await realm.token(
        { username: 'boss', email: 'boss@gadgets.example', roles: ['shop-admin', 'offline_access'] },
        { key },
      );
      const answer = await call('GET', '/api/v1/identity-providers', { token });
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((p: { id: string }) => p.id)).toEqual([providerA.id]);
    }
  });

  it('lets an end user (no staff role) open a session, chat in it and read its history; nobody else can', async () => {
    const sub = randomUUID();
    const token = await realm.token({ sub, username: 'carol', email: 'carol@example.com', roles: ['offline_access'] });
    expectProblem(await call('GET', '/api/v1/identity-providers', { token }), 403, 'CREDENTIAL_NOT_ACCEPTED');

    const opened = await call('POST', '/api/v1/sessions', { token, body: {} });
    expect(opened.status).toBe(201);
    expect(opened.body.session).toMatchObject({ tenantId: tenantA.id, externalUserId: `idp:${providerA.id}:${sub}` });
    const sessionId = opened.body.session.id as string;

    const answer = await call('POST', '/api/v1/chat', { token, body: { message: 'Hello, do you sell chargers?', session_id: sessionId } });
    expect(answer.status).toBe(200);
    expect(answer.body.content).toEqual(expect.any(String));
    const history = await call('GET', `/api/v1/chat/history?session_id=${sessionId}`, { token });
    expect(history.status).toBe(200);
    expect(history.body.items.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);

    // The session token it was given works as a visitor's does.
    const viaSessionToken = await call('GET', '/api/v1/chat/history', { token: opened.body.token });
    expect(viaSessionToken.body.items).toHaveLength(2);

    const stranger = await realm.token({ username: 'mallory', roles: [] });
    expectProblem(await call('GET', `/api/v1/chat/history?session_id=${sessionId}`, { token: stranger }), 403, 'SESSION_MISMATCH');
    expectProblem(
      await call('POST', '/api/v1/chat', { token: stranger, body: { message: 'hi', session_id: sessionId } }),
      403,
      'SESSION_MISMATCH',
    );
    expectProblem(await call('POST', '/api/v1/chat', { token, body: { message: 'hi' } }), 400);
    expectProblem(await call('POST', '/api/v1/sessions', { token, body: { externalUserId: 'someone-else' } }), 400);
    // A staff IdP user reads the same history as staff; the staff assistant needs a Parley login (its sessions belong to tenant_users).
    const idpAdmin = await realm.token({ username: 'boss', roles: ['shop-admin'] });
    expectProblem(
      await call('POST', '/api/v1/assistant/chat', { token: idpAdmin, body: { message: 'Summarise today' } }),
      403,
      'CREDENTIAL_NOT_ACCEPTED',
    );

    const agent = await realm.token({ username: 'ann', roles: ['shop-staff'] });
    expect((await call('GET', `/api/v1/chat/history?session_id=${sessionId}`, { token: agent })).body.items).toHaveLength(2);
  });

  it('follows a key rotation at the IdP (new kid fetched again) and refuses a kid still unknown after the refetch', async () => {
    const rsa2 = await KeycloakRealm.newKey('RS256');
    realm.published = [rsa2, ec1];
    const fetchesBefore = realm.fetches;
    const rotated = await realm.token({ username: 'boss', roles: ['shop-admin'] }, { key: rsa2 });
    expect((await call('GET', '/api/v1/identity-providers', { token: rotated })).status).toBe(200);
    expect(realm.fetches).toBeGreaterThan(fetchesBefore);
    const retired = await realm.token({ username: 'boss', roles: ['shop-admin'] }, { key: rsa1 });
    expectProblem(await call('GET', '/api/v1/identity-providers', { token: retired }), 401, 'INVALID_TOKEN');
    const neverPublished = await realm.token({ username: 'boss', roles: ['shop-admin'] }, { key: await KeycloakRealm.newKey('RS256') });
    expectProblem(await call('GET', '/api/v1/identity-providers', { token: neverPublished }), 401, 'INVALID_TOKEN');
    realm.published = [rsa1, rsa2, ec1];
  });

  it('fetches the JWKS only through the SSRF guard: a gateway without private targets refuses the loopback JWKS before connecting (401)', async () => {
    const guarded = await startGateway(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000' }));
    try {
      const token = await realm.token({ username: 'boss', roles: ['shop-admin'] });
      const fetchesBefore = realm.fetches;
      const answer = await fetch(`${guarded.url}/api/v1/identity-providers`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await answer.json()) as Record<string, unknown>;
      expect([answer.status, answer.headers.get('content-type'), body.code]).toEqual([
        401,
        'application/problem+json; charset=utf-8',
        'INVALID_TOKEN',
      ]);
      expect(realm.fetches).toBe(fetchesBefore);
      // The gateway that allows private targets (tests only) still verifies the same token.
      expect((await call('GET', '/api/v1/identity-providers', { token })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('accepts a matching X-Tenant-ID and refuses another tenant’s', async () => {
    const token = await realm.token({ username: 'boss', roles: ['shop-admin'] });
    expect((await call('GET', '/api/v1/identity-providers', { token, headers: { 'x-tenant-id': tenantA.id } })).status).toBe(200);
    expectProblem(
      await call('GET', '/api/v1/identity-providers', { token, headers: { 'x-tenant-id': tenantB.id } }),
      401,
      'TENANT_MISMATCH',
    );
    // Our own tokens too: the header never chooses the tenant.
    expectProblem(
      await call('GET', '/api/v1/identity-providers', { token: adminA, headers: { 'x-tenant-id': tenantB.id } }),
      401,
      'TENANT_MISMATCH',
    );
  });

  it.each<[string, () => Promise<string>, string]>([
    [
      'an expired token',
      () => realm.token({ username: 'boss', roles: ['shop-admin'] }, { issuedAtOffsetSeconds: -600, expiresInSeconds: 60 }),
      'EXPIRED_TOKEN',
    ],
    [
      'a token for another audience',
      () => realm.token({ username: 'boss', roles: ['shop-admin'] }, { audience: 'account' }),
      'INVALID_TOKEN',
    ],
    [
      'a token of an issuer nobody registered',
      () => realm.token({ username: 'boss', roles: ['shop-admin'] }, { issuer: `${realm.baseUrl}/realms/unknown` }),
      'INVALID_TOKEN',
    ],
    [
      'a token of another realm signed with its own keys',
      () => otherRealm.token({ username: 'boss', roles: ['shop-admin'] }, { issuer: realm.issuer }),
      'INVALID_TOKEN',
    ],
    [
      'alg none',
      async () => {
        const [, payload] = (await realm.token({ username: 'boss', roles: ['shop-admin'] })).split('.');
        return `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: rsa1.kid })).toString('base64url')}.${payload}.`;
      },
      'INVALID_TOKEN',
    ],
    [
      'HS256 signed with the public key (HS/RS confusion)',
      async () => {
        const [, payload] = (await realm.token({ username: 'boss', roles: ['shop-admin'] })).split('.');
        const input = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: rsa1.kid })).toString('base64url')}.${payload}`;
        return `${input}.${createHmac('sha256', rsa1.publicPem).update(input).digest('base64url')}`;
      },
      'INVALID_TOKEN',
    ],
  ])('refuses %s with 401 problem+json', async (_label, make, code) => {
    expectProblem(await call('GET', '/api/v1/identity-providers', { token: await make() }), 401, code);
  });

  it('refuses its users while the tenant’s plan lacks identity_providers (403 plan-feature), and serves them again once it has it', async () => {
    const rpc = new RpcClient(nats, { timeoutMs: 20_000 });
    const actor = { type: 'owner' as const, id: randomUUID() };
    const key = `no-idp-${Date.now().toString(36)}`;
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...plan
    } = testPlan({ key, name: 'No identity providers', features: ['knowledge', 'tools'] });
    await rpc.request(PlanCreateRpc, { version: 1, actor, plan });
    const endUser = await realm.token({ sub: randomUUID(), username: 'dora', roles: ['offline_access'] });
    const staff = await realm.token({ username: 'boss', roles: ['shop-admin'] });
    try {
      await rpc.request(TenantPlanAssignRpc, { version: 1, actor, tenantId: tenantA.id, planKey: key });
      // The assignment's evt.tenant.updated drops the gateway's cached plan; wait for it to arrive.
      await eventually(async () => (await call('POST', '/api/v1/sessions', { token: endUser, body: {} })).status === 403, 10_000);
      expectProblem(await call('POST', '/api/v1/sessions', { token: endUser, body: {} }), 403, 'PLAN_FEATURE');
      expectProblem(await call('GET', '/api/v1/knowledge/documents', { token: staff }), 403, 'PLAN_FEATURE');
      // The tenant's own logins are not identity-provider users: served.
      expect((await call('GET', '/api/v1/knowledge/documents', { token: adminA })).status).toBe(200);
    } finally {
      await rpc.request(TenantPlanAssignRpc, { version: 1, actor, tenantId: tenantA.id, planKey: null });
      await rpc.request(PlanDeleteRpc, { version: 1, actor, key });
    }
    await eventually(async () => (await call('POST', '/api/v1/sessions', { token: endUser, body: {} })).status === 201, 10_000);
  });

  it('refuses every token of a disabled provider, and accepts them again once enabled', async () => {
    const token = await realm.token({ username: 'boss', roles: ['shop-admin'] });
    expect(
      (await call('PATCH', `/api/v1/identity-providers/${providerA.id}`, { token: adminA, body: { status: 'disabled' } })).status,
    ).toBe(200);
    expectProblem(await call('GET', '/api/v1/identity-providers', { token }), 401, 'INVALID_TOKEN');
    expect((await call('PATCH', `/api/v1/identity-providers/${providerA.id}`, { token: adminA, body: { status: 'active' } })).status).toBe(
      200,
    );
    expect((await call('GET', '/api/v1/identity-providers', { token })).status).toBe(200);
  });
});

describe('revocation of staff tokens', () => {
  async function newStaff(role: 'tenant_admin' | 'tenant_agent') {
    const email = `staff-${randomUUID().slice(0, 8)}@gadgets.test`;
    const created = await call('POST', '/api/v1/users', { token: adminA, body: { email, password: PASSWORD, role } });
    expect(created.status).toBe(201);
    return { id: created.body.user.id as string, email, token: await login(email) };
  }

  it('refuses a disabled user’s token on its next request', async () => {
    const staff = await newStaff('tenant_admin');
    expect((await call('GET', '/api/v1/users', { token: staff.token })).status).toBe(200);
    const disabled = await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { status: 'disabled' } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user).toMatchObject({ id: staff.id, status: 'disabled' });
    expect(disabled.body.user).not.toHaveProperty('tokenVersion');
    expectProblem(await call('GET', '/api/v1/users', { token: staff.token }), 401, 'TOKEN_REVOKED');
    expectProblem(await call('POST', '/api/v1/auth/login', { body: { email: staff.email, password: PASSWORD } }), 403, 'USER_DISABLED');
  });

  it('refuses the old token after a password change; a login with the new password works', async () => {
    const staff = await newStaff('tenant_admin');
    const newPassword = 'another horse battery staple';
    expect((await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { password: newPassword } })).status).toBe(200);
    expectProblem(await call('GET', '/api/v1/users', { token: staff.token }), 401, 'TOKEN_REVOKED');
    expect((await call('GET', '/api/v1/users', { token: await login(staff.email, newPassword) })).status).toBe(200);
  });

  it('refuses the old token after a role is removed; the new login carries the new role', async () => {
    const staff = await newStaff('tenant_admin');
    expect((await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { role: 'tenant_agent' } })).status).toBe(200);
    expectProblem(await call('GET', '/api/v1/users', { token: staff.token }), 401, 'TOKEN_REVOKED');
    expectProblem(await call('GET', '/api/v1/users', { token: await login(staff.email) }), 403, 'INSUFFICIENT_ROLE');
  });

  it('is refused by another gateway once the change’s evt.tenant.updated arrives (its cache TTL set to 60 s)', async () => {
    const other = await startGateway(
      testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: '10000', USER_TOKEN_STATE_CACHE_TTL_MS: '60000' }),
    );
    try {
      const staff = await newStaff('tenant_admin');
      const viaOther = () => fetch(`${other.url}/api/v1/users`, { headers: { authorization: `Bearer ${staff.token}` } });
      expect((await viaOther()).status).toBe(200);
      expect((await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { status: 'disabled' } })).status).toBe(200);
      // The event travels through provisioning's outbox relay and JetStream; well within the 60 s TTL.
      let status = (await viaOther()).status;
      for (let tries = 0; status === 200 && tries < 100; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await viaOther()).status;
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('keeps a token valid through a change that revokes nothing (display name)', async () => {
    const staff = await newStaff('tenant_admin');
    expect((await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { displayName: 'Dee' } })).status).toBe(200);
    expect((await call('GET', '/api/v1/users', { token: staff.token })).status).toBe(200);
  });

  it('answers bad input and another tenant’s user with problem+json and changes nothing', async () => {
    const staff = await newStaff('tenant_agent');
    expectProblem(await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminB, body: { status: 'disabled' } }), 404, 'NOT_FOUND');
    expectProblem(await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { role: 'owner' } }), 400);
    expectProblem(await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { email: 'x@y.test' } }), 400);
    expectProblem(await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: {} }), 400);
    expectProblem(await call('PATCH', `/api/v1/users/${staff.id}`, { token: adminA, body: { password: 'short' } }), 400);
    const listed = (await call('GET', '/api/v1/users', { token: adminA })).body.items.find((u: { id: string }) => u.id === staff.id);
    expect(listed).toMatchObject({ role: 'tenant_agent', status: 'active' });
  });
});

async function eventually(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
