import { randomUUID } from 'node:crypto';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import { RPC_QUEUE_GROUPS, SiteKeyLookupRpc } from '@parley/contracts';
import { RpcError, RpcServer } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import {
  startGateway,
  TEST_SIGNING_SECRET,
  testGatewayConfig,
  testNamespace,
  type RunningGateway,
} from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { ApiKeyAuthenticator } from '../../auth/api-key.authenticator';
import { testPlan } from '../../quota/__tests__/support/test-plan';
import { LimitsProbeController } from './support/limits-probe.controller';

// Every limit dimension through the in-process gateway and the run's Redis: per API key, session,
// staff user, tenant and client IP; X-Forwarded-For believed only from a trusted proxy; and
// requests let through when Redis cannot answer.
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const sessionTokens = new SessionTokens(new TokenSigner(ring), new TokenVerifier(ring));
const userTokens = new UserTokens(new TokenSigner(ring), new TokenVerifier(ring));
const PATH = '/api/v1/limits/probe';
const LIMITS = { key: 3, user: 2, tenant: 5, ip: 8 };

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let siteKeyServer: RpcServer;
/** Site keys the test serves on provisioning.sitekey.lookup: key -> its id and tenant. */
const siteKeys = new Map<string, { id: string; tenantId: string }>();
let ipCounter = 0;

/** A client address of its own for each test, sent through the trusted proxy (127.0.0.1). */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | undefined;
}

async function probe(headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${gateway.url}${PATH}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

async function statuses(count: number, headers: Record<string, string>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await probe(headers)).status);
  return seen;
}

/** The shape every refusal shares: 429 problem+json, Retry-After, RateLimit headers naming the full limit. */
function expectRefusal(answer: Answer, kind: string, limit: number): void {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ type: 'urn:parley:problem:rate-limited', status: 429, code: 'RATE_LIMITED' });
  const retryAfter = answer.headers.get('retry-after');
  expect(retryAfter).toMatch(/^\d+$/);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  expect(answer.headers.get('ratelimit-reset')).toBe(retryAfter);
  expect(answer.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(answer.headers.get('ratelimit-remaining')).toBe('0');
  expect(answer.headers.get('ratelimit-policy')).toContain(`${limit};w=60;name="${kind}"`);
}

async function metric(url: string, name: string, kind: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(`kind="${kind}"`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

async function staffToken(tenant: FakeTenant): Promise<string> {
  const user = await responder.addUser('tenant_agent', tenant.id);
  return (await userTokens.issueUserToken({ userId: user.id, role: 'tenant_agent', tenantId: tenant.id })).token;
}

async function sessionToken(tenant: FakeTenant): Promise<string> {
  return (await sessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() })).token;
}

beforeAll(async () => {
  const namespace = testNamespace('rld');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  const config = testGatewayConfig(namespace, {
    GATEWAY_TRUSTED_PROXIES: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: String(LIMITS.key),
    RATE_LIMIT_USER_PER_MINUTE: String(LIMITS.user),
    RATE_LIMIT_TENANT_PER_MINUTE: String(LIMITS.tenant),
    RATE_LIMIT_IP_PER_MINUTE: String(LIMITS.ip),
  });
  gateway = await startGateway(config, [LimitsProbeController]);
  siteKeyServer = new RpcServer(responder.nats);
  siteKeyServer.handle(
    SiteKeyLookupRpc,
    async ({ key }) => {
      const found = siteKeys.get(key);
      const tenant = found && responder.tenants.get(found.tenantId);
      if (!found || !tenant) throw new RpcError('NOT_FOUND', 'no such site key');
      return {
        version: 1 as const,
        siteKey: { id: found.id, tenantId: tenant.id, status: 'active' as const },
        tenantStatus: tenant.status,
        tenantSlug: 'limited-shop',
        allowedOrigins: tenant.config.allowedOrigins,
        theme: { color: '#2563eb', name: 'Shop', greeting: 'Hello', position: 'right' as const },
      };
    },
    { queue: RPC_QUEUE_GROUPS.provisioning },
  );
  await responder.nats.nc.flush();
});

afterAll(async () => {
  await siteKeyServer?.stop();
  await gateway?.close();
  await responder?.close();
});

describe('limits per credential', () => {
  it('limits each API key, and counts the refusal', async () => {
    const tenant = responder.addTenant();
    const [key, other] = [await responder.addKey(tenant.id), await responder.addKey(tenant.id)];
    const ip = freshIp();
    const before = await metric(gateway.url, 'parley_rate_limited_total', 'api_key');
    expect(await statuses(LIMITS.key, { 'x-api-key': key.key, 'x-forwarded-for': ip })).toEqual([200, 200, 200]);
    const refused = await probe({ 'x-api-key': key.key, 'x-forwarded-for': ip });
    expectRefusal(refused, 'api_key', LIMITS.key);
    expect(refused.body?.detail).toContain('for this API key');
    expect(await metric(gateway.url, 'parley_rate_limited_total', 'api_key')).toBe(before + 1);
    expect((await probe({ 'x-api-key': other.key, 'x-forwarded-for': ip })).status).toBe(200);
  });

  it('limits each session', async () => {
    const tenant = responder.addTenant();
    const [token, other] = [await sessionToken(tenant), await sessionToken(tenant)];
    const ip = freshIp();
    expect(await statuses(LIMITS.key, { authorization: `Bearer ${token}`, 'x-forwarded-for': ip })).toEqual([200, 200, 200]);
    expectRefusal(await probe({ authorization: `Bearer ${token}`, 'x-forwarded-for': ip }), 'session', LIMITS.key);
    expect((await probe({ authorization: `Bearer ${other}`, 'x-forwarded-for': ip })).status).toBe(200);
  });

  it("limits each staff user, with the tenant's key limit not applying to them", async () => {
    const tenant = responder.addTenant('active', { rateLimitPerMinute: 1 });
    const [token, other] = [await staffToken(tenant), await staffToken(tenant)];
    const ip = freshIp();
    const first = await probe({ authorization: `Bearer ${token}`, 'x-forwarded-for': ip });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe(String(LIMITS.user));
    expect(first.headers.get('ratelimit-policy')).toContain(`${LIMITS.user};w=60;name="user"`);
    expect((await probe({ authorization: `Bearer ${token}`, 'x-forwarded-for': ip })).status).toBe(200);
    const refused = await probe({ authorization: `Bearer ${token}`, 'x-forwarded-for': ip });
    expectRefusal(refused, 'user', LIMITS.user);
    expect(refused.body?.detail).toContain('for this user');
    expect((await probe({ authorization: `Bearer ${other}`, 'x-forwarded-for': ip })).status).toBe(200);
  });
});

describe('limits from the plan', () => {
  const plan = testPlan({ key: 'limited', name: 'Limited', rateLimitPerMinute: 2 });

  it("limits a tenant's keys by its plan, unless the tenant has a limit of its own", async () => {
    const onPlan = Object.assign(responder.addTenant(), { plan });
    const ownLimit = Object.assign(responder.addTenant('active', { rateLimitPerMinute: 4 }), { plan });
    const key = await responder.addKey(onPlan.id);
    const ip = freshIp();
    expect(await statuses(2, { 'x-api-key': key.key, 'x-forwarded-for': ip })).toEqual([200, 200]);
    expectRefusal(await probe({ 'x-api-key': key.key, 'x-forwarded-for': ip }), 'api_key', 2);
    const own = await probe({ 'x-api-key': (await responder.addKey(ownLimit.id)).key, 'x-forwarded-for': freshIp() });
    expect([own.status, own.headers.get('ratelimit-limit')]).toEqual([200, '4']);
  });
});

describe('user, tenant and IP limits from the plan', () => {
  const strict = testPlan({ key: 'strict', userRateLimitPerMinute: 1, tenantRateLimitPerMinute: 3, ipRateLimitPerMinute: 2 });
  const roomy = testPlan({ key: 'roomy', userRateLimitPerMinute: 4 });

  it('gives the users of tenants on two plans their own plan’s limit (the default where a plan sets none)', async () => {
    const [onStrict, onRoomy, onNone] = [
      Object.assign(responder.addTenant(), { plan: strict }),
      Object.assign(responder.addTenant(), { plan: roomy }),
      responder.addTenant(),
    ];
    const ip = freshIp();
    const strictUser = { authorization: `Bearer ${await staffToken(onStrict)}`, 'x-forwarded-for': ip };
    const first = await probe(strictUser);
    expect([first.status, first.headers.get('ratelimit-limit')]).toEqual([200, '1']);
    expectRefusal(await probe(strictUser), 'user', 1);
    const roomyUser = { authorization: `Bearer ${await staffToken(onRoomy)}`, 'x-forwarded-for': freshIp() };
    expect(await statuses(4, roomyUser)).toEqual([200, 200, 200, 200]);
    expectRefusal(await probe(roomyUser), 'user', 4);
    const plainUser = { authorization: `Bearer ${await staffToken(onNone)}`, 'x-forwarded-for': freshIp() };
    expect(await statuses(LIMITS.user, plainUser)).toEqual([200, 200]);
    expectRefusal(await probe(plainUser), 'user', LIMITS.user);
  });

  it("sums a tenant's traffic against its plan's tenant limit, while a tenant on another plan keeps the default", async () => {
    const onStrict = Object.assign(responder.addTenant(), { plan: strict });
    const onRoomy = Object.assign(responder.addTenant(), { plan: roomy });
    for (let i = 0; i < 3; i++) {
      const key = await responder.addKey(onStrict.id);
      expect((await probe({ 'x-api-key': key.key, 'x-forwarded-for': freshIp() })).status).toBe(200);
    }
    const refused = await probe({ 'x-api-key': (await responder.addKey(onStrict.id)).key, 'x-forwarded-for': freshIp() });
    expectRefusal(refused, 'tenant', 3);
    expect(refused.body?.detail).toContain('for this tenant');
    const served: number[] = [];
    for (let i = 0; i < LIMITS.tenant; i++) {
      const key = await responder.addKey(onRoomy.id);
      served.push((await probe({ 'x-api-key': key.key, 'x-forwarded-for': freshIp() })).status);
    }
    expect(served).toEqual(Array(LIMITS.tenant).fill(200));
    expectRefusal(
      await probe({ 'x-api-key': (await responder.addKey(onRoomy.id)).key, 'x-forwarded-for': freshIp() }),
      'tenant',
      LIMITS.tenant,
    );
  });

  it("limits a tenant's requests per client IP by its plan, across its keys, and not another address", async () => {
    const onStrict = Object.assign(responder.addTenant(), { plan: strict });
    const onRoomy = Object.assign(responder.addTenant(), { plan: roomy });
    const [one, two] = [await responder.addKey(onStrict.id), await responder.addKey(onStrict.id)];
    const ip = freshIp();
    expect((await probe({ 'x-api-key': one.key, 'x-forwarded-for': ip })).status).toBe(200);
    expect((await probe({ 'x-api-key': two.key, 'x-forwarded-for': ip })).status).toBe(200);
    const refused = await probe({ 'x-api-key': one.key, 'x-forwarded-for': ip });
    expectRefusal(refused, 'tenant_ip', 2);
    expect(refused.body?.detail).toContain("from this client address for this tenant's plan");
    // The refused request gave its tokens back: the tenant has one request left (3 - 2), from another address.
    expect((await probe({ 'x-api-key': two.key, 'x-forwarded-for': freshIp() })).status).toBe(200);
    // A tenant on a plan without an IP limit is counted per IP only before authentication (LIMITS.ip).
    const roomyKey = await responder.addKey(onRoomy.id);
    const roomyIp = freshIp();
    expect(await statuses(LIMITS.key, { 'x-api-key': roomyKey.key, 'x-forwarded-for': roomyIp })).toEqual([200, 200, 200]);
  });
});

describe('limit per tenant', () => {
  it('sums all the tenant’s traffic, does not count refused requests, and serves other tenants', async () => {
    const tenant = responder.addTenant();
    const neighbour = responder.addTenant();
    const [first, second] = [await responder.addKey(tenant.id), await responder.addKey(tenant.id)];
    const ip = freshIp();
    // 3 served by the first key, 2 refused by its own limit: those two are not the tenant's.
    expect(await statuses(5, { 'x-api-key': first.key, 'x-forwarded-for': ip })).toEqual([200, 200, 200, 429, 429]);
    expect(await statuses(2, { 'x-api-key': second.key, 'x-forwarded-for': freshIp() })).toEqual([200, 200]);
    // Five requests served: the tenant is full for its keys, sessions and staff alike.
    const byKey = await probe({ 'x-api-key': second.key, 'x-forwarded-for': freshIp() });
    expectRefusal(byKey, 'tenant', LIMITS.tenant);
    expect(byKey.body?.detail).toContain('for this tenant');
    expectRefusal(
      await probe({ authorization: `Bearer ${await sessionToken(tenant)}`, 'x-forwarded-for': freshIp() }),
      'tenant',
      LIMITS.tenant,
    );
    expectRefusal(
      await probe({ authorization: `Bearer ${await staffToken(tenant)}`, 'x-forwarded-for': freshIp() }),
      'tenant',
      LIMITS.tenant,
    );
    const key = await responder.addKey(neighbour.id);
    expect((await probe({ 'x-api-key': key.key, 'x-forwarded-for': freshIp() })).status).toBe(200);
  });

  it("counts the widget's config reads too, answering the page with CORS headers", async () => {
    const origin = 'https://limited-shop.example';
    const tenant = responder.addTenant('active', { allowedOrigins: [origin] });
    const siteKey = `pk_live_${randomUUID().replaceAll('-', '')}`;
    siteKeys.set(siteKey, { id: randomUUID(), tenantId: tenant.id });
    const read = async () => {
      const response = await fetch(`${gateway.url}/api/v1/widget/config?siteKey=${siteKey}`, {
        headers: { origin, 'x-forwarded-for': freshIp() },
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> };
    };
    const served = [];
    for (let i = 0; i < LIMITS.tenant; i++) served.push((await read()).status);
    expect(served).toEqual(Array(LIMITS.tenant).fill(200));
    const refused = await read();
    expectRefusal(refused, 'tenant', LIMITS.tenant);
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    // The same tenant's backend shares that budget.
    const key = await responder.addKey(tenant.id);
    expectRefusal(await probe({ 'x-api-key': key.key, 'x-forwarded-for': freshIp() }), 'tenant', LIMITS.tenant);
  });
});

describe('limit per client IP', () => {
  it('counts every API request of an address before authentication, and serves other addresses', async () => {
    const ip = freshIp();
    expect(await statuses(LIMITS.ip, { 'x-forwarded-for': ip })).toEqual(Array(LIMITS.ip).fill(401));
    const refused = await probe({ 'x-forwarded-for': ip });
    expectRefusal(refused, 'ip', LIMITS.ip);
    expect(refused.body?.detail).toContain('from this client address');
    // The OpenAI-compatible endpoint answers the same refusal in OpenAI's error shape.
    const completion = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'x-forwarded-for': ip, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(completion.status).toBe(429);
    expect(completion.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await completion.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
    expect((await probe({ 'x-forwarded-for': freshIp() })).status).toBe(401);
    // Health probes are never counted.
    expect((await fetch(`${gateway.url}/api/v1/health`, { headers: { 'x-forwarded-for': ip } })).status).toBe(200);
  });

  it('believes X-Forwarded-For only as far as the trusted proxy: a prefix the client wrote changes nothing', async () => {
    const ip = freshIp();
    const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}, ${ip}` });
    for (let i = 0; i < LIMITS.ip; i++) expect((await probe(spoofed(i))).status).toBe(401);
    expectRefusal(await probe(spoofed(99)), 'ip', LIMITS.ip);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const inject = (forwardedFor: string) =>
      gateway.app.inject({ method: 'GET', url: PATH, remoteAddress: '192.0.2.77', headers: { 'x-forwarded-for': forwardedFor } });
    for (let i = 0; i < LIMITS.ip; i++) expect((await inject(`198.51.200.${i}`)).statusCode).toBe(401);
    const refused = await inject('198.51.200.250');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json()).toMatchObject({ type: 'urn:parley:problem:rate-limited' });
    // The same forwarded addresses through the trusted proxy are their own clients.
    expect((await probe({ 'x-forwarded-for': '198.51.200.250' })).status).toBe(401);
  });
});

describe('limit per client IP, for requests with a credential (counted by AuthGuard with the rest)', () => {
  const wrongKeys = (ip: string) => ({
    'x-api-key': `sk_live_${randomUUID().replaceAll('-', '')}${randomUUID().replaceAll('-', '')}`,
    'x-forwarded-for': ip,
  });

  it('counts the IP in the same check as the key and tenant, across tenants, and refuses the address once it is full', async () => {
    const ip = freshIp();
    // Two requests per tenant stay under each key's (3) and tenant's (5) limit: only the IP fills.
    for (let i = 0; i < LIMITS.ip / 2; i++) {
      const key = await responder.addKey(responder.addTenant().id);
      expect(await statuses(2, { 'x-api-key': key.key, 'x-forwarded-for': ip })).toEqual([200, 200]);
    }
    const key = await responder.addKey(responder.addTenant().id);
    const refused = await probe({ 'x-api-key': key.key, 'x-forwarded-for': ip });
    expectRefusal(refused, 'ip', LIMITS.ip);
    // The refused request took nothing from the key: it has its three requests from another address.
    expect(await statuses(3, { 'x-api-key': key.key, 'x-forwarded-for': freshIp() })).toEqual([200, 200, 200]);
  });

  it('answers 429 before 401 for wrong keys and tokens, without a key lookup once the address is full', async () => {
    const ip = freshIp();
    expect(await statuses(LIMITS.ip, wrongKeys(ip))).toEqual(Array(LIMITS.ip).fill(401));
    const authenticator = gateway.app.get(ApiKeyAuthenticator);
    const lookups = authenticator.lookupCount;
    expectRefusal(await probe(wrongKeys(ip)), 'ip', LIMITS.ip);
    expect(authenticator.lookupCount).toBe(lookups);
    expectRefusal(await probe({ authorization: 'Bearer not-a-token', 'x-forwarded-for': ip }), 'ip', LIMITS.ip);
    expectRefusal(await probe({ authorization: 'Basic dXNlcjpwdw==', 'x-forwarded-for': ip }), 'ip', LIMITS.ip);
  });

  it('answers 429 before 403 (a valid credential of a kind the route does not take)', async () => {
    const ip = freshIp();
    const owner = (await userTokens.issueUserToken({ userId: randomUUID(), role: 'owner' })).token;
    expect(await statuses(LIMITS.ip, { authorization: `Bearer ${owner}`, 'x-forwarded-for': ip })).toEqual(Array(LIMITS.ip).fill(403));
    expectRefusal(await probe({ authorization: `Bearer ${owner}`, 'x-forwarded-for': ip }), 'ip', LIMITS.ip);
  });

  it('counts requests with a credential to routes without @Auth, to unknown routes and with refused bodies', async () => {
    const ip = freshIp();
    const key = await responder.addKey(responder.addTenant().id);
    const headers = { 'x-api-key': key.key, 'x-forwarded-for': ip };
    const config = await fetch(`${gateway.url}/api/v1/widget/config?siteKey=pk_live_${'0'.repeat(32)}`, { headers });
    expect(config.status).toBe(401);
    await config.text();
    const unknown = await fetch(`${gateway.url}/api/v1/no-such-route`, { headers });
    expect(unknown.status).toBe(404);
    await unknown.text();
    for (let i = 0; i < LIMITS.ip - 2; i++) {
      const malformed = await fetch(`${gateway.url}/api/v1/chat`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"message": ',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
      await malformed.text();
    }
    const refused = await fetch(`${gateway.url}/api/v1/widget/config?siteKey=pk_live_${'0'.repeat(32)}`, { headers });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ type: 'urn:parley:problem:rate-limited' });
    expectRefusal(await probe(headers), 'ip', LIMITS.ip);
  });
});

describe('when Redis cannot answer', () => {
  it('lets requests through without RateLimit headers and counts the checks it could not make', async () => {
    const namespace = testNamespace('rlo');
    const localResponder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
    // Nothing listens on port 1: every check fails at once (the client is never ready).
    const offline = await startGateway(
      testGatewayConfig(namespace, { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_IP_PER_MINUTE: '1' }),
      [LimitsProbeController],
    );
    try {
      const tenant = localResponder.addTenant();
      const token = (await sessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() })).token;
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${offline.url}${PATH}`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        expect(response.headers.get('ratelimit-limit')).toBeNull();
        await response.text();
      }
      for (const kind of ['ip', 'session', 'tenant']) {
        expect(await metric(offline.url, 'parley_rate_limiter_unavailable_total', kind)).toBe(3);
      }
      expect(await metric(offline.url, 'parley_rate_limited_total', 'session')).toBe(0);
    } finally {
      await offline.close();
      await localResponder.close();
    }
  });
});
