import { randomUUID } from 'node:crypto';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier } from '@parley/auth';
import { TenantUpdatedEvent } from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import { ProbeController } from '../../http/__tests__/support/probe.controller';
import { ProvisioningResponder, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import {
  startGateway,
  TEST_SIGNING_SECRET,
  testGatewayConfig,
  testNamespace,
  type RunningGateway,
} from '../../http/__tests__/support/gateway-test-app';

// Rate limits in the run's Redis and CORS on the browser routes, through the in-process gateway.
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const sessionTokens = new SessionTokens(new TokenSigner(ring), new TokenVerifier(ring));
const ORIGIN = 'https://shop.example';
const PLATFORM_LIMIT = 5;

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let limited: FakeTenant;
let open: FakeTenant;

async function probe(headers: Record<string, string>, method = 'GET') {
  const response = await fetch(`${gateway.url}/api/v1/chat/probe`, { method, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

async function rateLimitedTotal(kind: string): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('parley_rate_limited_total{') && l.includes(`kind="${kind}"`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

beforeAll(async () => {
  const namespace = testNamespace('rl');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  limited = responder.addTenant('active', { rateLimitPerMinute: 2, allowedOrigins: [ORIGIN] });
  open = responder.addTenant('active', { allowedOrigins: [] });
  gateway = await startGateway(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: String(PLATFORM_LIMIT) }), [ProbeController]);
});

afterAll(async () => {
  await gateway?.close();
  await responder?.close();
});

describe('rate limits', () => {
  it('answers 429 past the tenant limit, with RateLimit headers throughout, and counts it', async () => {
    const key = await responder.addKey(limited.id);
    const before = await rateLimitedTotal('api_key');
    const first = await probe({ 'x-api-key': key.key });
    const second = await probe({ 'x-api-key': key.key });
    const third = await probe({ 'x-api-key': key.key });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect([
      first.headers.get('ratelimit-remaining'),
      second.headers.get('ratelimit-remaining'),
      third.headers.get('ratelimit-remaining'),
    ]).toEqual(['1', '0', '0']);
    const reset = Number(third.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(61);
    expect(third.headers.get('retry-after')).toBe(String(reset));
    expect(third.headers.get('content-type')).toContain('application/problem+json');
    expect(third.body).toMatchObject({ type: 'urn:parley:problem:rate-limited', status: 429 });
    expect(await rateLimitedTotal('api_key')).toBe(before + 1);
  });

  it('counts each session separately from the keys', async () => {
    const { token } = await sessionTokens.issueSessionToken({ tenantId: limited.id, sessionId: randomUUID() });
    const { token: other } = await sessionTokens.issueSessionToken({ tenantId: limited.id, sessionId: randomUUID() });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await probe({ authorization: `Bearer ${token}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await probe({ authorization: `Bearer ${other}` })).status).toBe(200);
  });

  it('uses RATE_LIMIT_PER_MINUTE when the tenant sets none, and re-reads the tenant on evt.tenant.updated', async () => {
    const key = await responder.addKey(open.id);
    expect((await probe({ 'x-api-key': key.key })).headers.get('ratelimit-limit')).toBe(String(PLATFORM_LIMIT));
    open.config = { ...open.config, rateLimitPerMinute: 7 };
    const event = { version: 1, tenantId: open.id, changedFields: ['config.rateLimitPerMinute'], occurredAt: new Date().toISOString() };
    responder.nats.nc.publish(responder.nats.namer.subject(TenantUpdatedEvent.subjectFor(open.id)), encodeJson(event));
    await responder.nats.nc.flush();
    let limit: string | null = null;
    for (let attempt = 0; attempt < 100 && limit !== '7'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      limit = (await probe({ 'x-api-key': key.key })).headers.get('ratelimit-limit');
    }
    expect(limit).toBe('7');
  });
});

describe('CORS', () => {
  it('answers an allowed origin with Access-Control-Allow-Origin', async () => {
    const key = await responder.addKey(limited.id);
    const response = await probe({ 'x-api-key': key.key, origin: ORIGIN });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('access-control-expose-headers')).toContain('ratelimit-remaining');
  });

  it('refuses a foreign origin with 403, no CORS header, and no side effect', async () => {
    const { token } = await sessionTokens.issueSessionToken({ tenantId: limited.id, sessionId: randomUUID() });
    const refused = await probe({ authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: 'urn:parley:problem:origin-not-allowed' });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // The refused request was not counted against the session's limit.
    expect((await probe({ authorization: `Bearer ${token}`, origin: ORIGIN })).headers.get('ratelimit-remaining')).toBe('1');
  });

  it('does not treat requests without Origin as CORS', async () => {
    const key = await responder.addKey(open.id);
    const response = await probe({ 'x-api-key': key.key });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflight for a valid origin and refuses a malformed one', async () => {
    const preflight = await fetch(`${gateway.url}/api/v1/chat/probe`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://any.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://any.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    for (const origin of ['null', 'https://any.example/path', 'ftp://any.example']) {
      const refused = await fetch(`${gateway.url}/api/v1/chat/probe`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      await refused.text();
    }
  });
});
