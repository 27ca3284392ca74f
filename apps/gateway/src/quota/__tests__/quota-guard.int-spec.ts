import { randomUUID } from 'node:crypto';
import { SessionTokens, SigningKeyRing, TokenSigner, TokenVerifier } from '@parley/auth';
import { currentPeriod } from '@parley/contracts/calendar';
import { ServiceMetrics } from '@parley/observability';
import { testEnvironment } from '@parley/testing';
import {
  startGateway,
  TEST_SIGNING_SECRET,
  testGatewayConfig,
  testNamespace,
  type RunningGateway,
} from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { RateLimiter } from '../../rate-limit/rate-limiter.service';
import { QuotaCounters } from '../quota-counters.store';
import { QuotaService } from '../quota.service';
import { QuotaProbeController } from './support/quota-probe.controller';
import { testPlan } from './support/test-plan';

// The turn routes' quota check through the in-process gateway and the run's Redis: AuthGuard starts
// the tenant's quota read beside the rate limits' round trip, QuotaGuard decides on it afterwards,
// so the answers keep their order (401, then 429 rate-limited, then 429 quota-exceeded) and the
// tenant's counters are read once per request.
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const sessionTokens = new SessionTokens(new TokenSigner(ring), new TokenVerifier(ring));
const PATH = '/api/v1/quota/probe';
const SESSION_LIMIT = 3;

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let checks: jest.SpyInstance;

async function probe(token: string): Promise<{ status: number; code: unknown }> {
  const response = await fetch(`${gateway.url}${PATH}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, code: body.code };
}

/** A tenant on a hard-capped plan of 5 messages, `used` of them counted this period (synced, so no usage read). */
async function cappedTenant(used: number): Promise<FakeTenant> {
  const tenant = responder.addTenant();
  tenant.plan = testPlan({ includedMessages: 5, capMode: 'hard' });
  const period = currentPeriod(new Date(), 'Europe/London');
  await gateway.app.get(QuotaCounters).raise(tenant.id, period.key, { messages: used, tokens: 0 }, 3600);
  return tenant;
}

/** parley_quota_refused_total as the gateway's registry has it now. */
async function quotaRefusals(): Promise<number> {
  const metric = gateway.app.get(ServiceMetrics).registry.getSingleMetric('parley_quota_refused_total');
  return (await metric!.get()).values[0]?.value ?? 0;
}

async function sessionToken(tenant: FakeTenant): Promise<string> {
  return (await sessionTokens.issueSessionToken({ tenantId: tenant.id, sessionId: randomUUID() })).token;
}

beforeAll(async () => {
  const namespace = testNamespace('qgd');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  gateway = await startGateway(testGatewayConfig(namespace, { RATE_LIMIT_PER_MINUTE: String(SESSION_LIMIT) }), [QuotaProbeController]);
  checks = jest.spyOn(gateway.app.get(QuotaService), 'check');
});

afterAll(async () => {
  await gateway?.close();
  await responder?.close();
});

beforeEach(() => checks.mockClear());

it('serves a tenant under its cap and refuses one at its hard cap, reading the counters once per request', async () => {
  const under = await sessionToken(await cappedTenant(4));
  const capped = await sessionToken(await cappedTenant(5));
  expect(await probe(under)).toEqual({ status: 200, code: undefined });
  expect(await probe(capped)).toEqual({ status: 429, code: 'QUOTA_EXCEEDED' });
  expect(checks).toHaveBeenCalledTimes(2);
});

it("starts the quota read before the rate limits' answer comes back, and decides on it after", async () => {
  const token = await sessionToken(await cappedTenant(5));
  const order: string[] = [];
  const quota = gateway.app.get(QuotaService);
  const limiter = gateway.app.get(RateLimiter);
  const check = quota.check.bind(quota);
  const limits = limiter.check.bind(limiter);
  checks.mockImplementationOnce(async (tenantId: string) => {
    order.push('quota read started');
    const result = await check(tenantId);
    order.push('quota read answered');
    return result;
  });
  const limitsSpy = jest.spyOn(limiter, 'check').mockImplementationOnce(async (...args: Parameters<RateLimiter['check']>) => {
    const result = await limits(...args);
    order.push('rate limits answered');
    return result;
  });
  try {
    expect(await probe(token)).toEqual({ status: 429, code: 'QUOTA_EXCEEDED' });
  } finally {
    limitsSpy.mockRestore();
  }
  expect(order.indexOf('quota read started')).toBe(0);
  expect(order).toContain('rate limits answered');
  expect(order).toContain('quota read answered');
});

it('answers a full rate-limit bucket before the quota, as before', async () => {
  const token = await sessionToken(await cappedTenant(5));
  const answers = [];
  for (let i = 0; i < SESSION_LIMIT + 1; i++) answers.push(await probe(token));
  expect(answers).toEqual([
    ...Array.from({ length: SESSION_LIMIT }, () => ({ status: 429, code: 'QUOTA_EXCEEDED' })),
    { status: 429, code: 'RATE_LIMITED' },
  ]);
});

it('counts a quota refusal only when the answer is QUOTA_EXCEEDED, not a rate-limited request whose quota read found the cap', async () => {
  const token = await sessionToken(await cappedTenant(5));
  for (let i = 0; i < SESSION_LIMIT - 1; i++) await probe(token);
  const before = await quotaRefusals();
  expect(await probe(token)).toEqual({ status: 429, code: 'QUOTA_EXCEEDED' });
  expect(await quotaRefusals()).toBe(before + 1);
  expect(await probe(token)).toEqual({ status: 429, code: 'RATE_LIMITED' });
  expect(checks).toHaveBeenCalledTimes(SESSION_LIMIT + 1);
  expect(await quotaRefusals()).toBe(before + 1);
});

it('reads no quota for a request refused before the rate limits (401)', async () => {
  const [header, payload, signature] = (await sessionToken(await cappedTenant(5))).split('.') as [string, string, string];
  const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
  expect((await probe(forged)).status).toBe(401);
  expect(checks).not.toHaveBeenCalled();
});
