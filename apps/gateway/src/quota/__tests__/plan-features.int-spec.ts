import { SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import { PLAN_FEATURES, TenantUpdatedEvent, type Plan, type PlanFeature } from '@parley/contracts';
import { encodeJson } from '@parley/messaging';
import { testEnvironment } from '@parley/testing';
import {
  startGateway,
  TEST_SIGNING_SECRET,
  testGatewayConfig,
  testNamespace,
  type RunningGateway,
} from '../../http/__tests__/support/gateway-test-app';
import { ProvisioningResponder, type FakeTenant } from '../../http/__tests__/support/provisioning-responder';
import { FeatureProbeController } from './support/feature-probe.controller';
import { testPlan } from './support/test-plan';

// Plan features at the gateway (ADR 0025): a tenant whose plan lacks a feature gets 403
// problem+json `plan-feature` from each of the feature's APIs before any handler runs; the plan
// is read from the cached tenant settings and re-read on evt.tenant.updated.
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const userTokens = new UserTokens(new TokenSigner(ring), new TokenVerifier(ring));

let gateway: RunningGateway;
let responder: ProvisioningResponder;

function planWith(features: PlanFeature[]): Plan {
  return testPlan({ key: `f-${features.length}`, features });
}

async function call(method: string, path: string, headers: Record<string, string>) {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { ...headers, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function staffHeaders(tenant: FakeTenant): Promise<Record<string, string>> {
  const user = await responder.addUser('tenant_admin', tenant.id);
  const { token } = await userTokens.issueUserToken({ userId: user.id, role: 'tenant_admin', tenantId: tenant.id });
  return { authorization: `Bearer ${token}` };
}

beforeAll(async () => {
  const namespace = testNamespace('pfe');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  gateway = await startGateway(testGatewayConfig(namespace), [FeatureProbeController]);
});

afterAll(async () => {
  await gateway?.close();
  await responder?.close();
});

describe('plan features', () => {
  it.each([
    ['knowledge', 'GET', '/api/v1/knowledge/documents'],
    ['knowledge', 'POST', '/api/v1/knowledge/search'],
    ['tools', 'GET', '/api/v1/tools'],
    ['tools', 'GET', '/api/v1/tool-executions'],
    ['integrations', 'GET', '/api/v1/integrations'],
    ['notification_channels', 'GET', '/api/v1/notification-channels'],
    ['notification_channels', 'GET', '/api/v1/notification-deliveries'],
    ['identity_providers', 'GET', '/api/v1/identity-providers'],
  ] as const)('refuses %s (%s %s) to a tenant whose plan lacks it, with 403 problem+json plan-feature', async (feature, method, path) => {
    const others = PLAN_FEATURES.filter((name) => name !== feature);
    const tenant = Object.assign(responder.addTenant(), { plan: planWith(others) });
    const answer = await call(method, path, await staffHeaders(tenant));
    expect(answer.status).toBe(403);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'urn:parley:problem:plan-feature',
      status: 403,
      code: 'PLAN_FEATURE',
      title: 'Not included in the plan',
      detail: `The plan f-4 does not include the feature ${feature}; the platform owner can change the tenant's plan.`,
    });
  });

  it('runs no handler on a refusal; serves a plan with the feature, no plan, and the owner', async () => {
    const served = FeatureProbeController.served;
    const without = Object.assign(responder.addTenant(), { plan: planWith(['tools']) });
    const withKey = await responder.addKey(without.id);
    expect((await call('POST', '/api/v1/features/probe', { 'x-api-key': withKey.key })).status).toBe(403);
    expect(FeatureProbeController.served).toBe(served);

    const including = Object.assign(responder.addTenant(), { plan: planWith(['knowledge']) });
    const noPlan = responder.addTenant();
    for (const tenant of [including, noPlan]) {
      const key = await responder.addKey(tenant.id);
      expect(await call('POST', '/api/v1/features/probe', { 'x-api-key': key.key })).toMatchObject({
        status: 200,
        body: { kind: 'api_key' },
      });
    }
    const owner = await userTokens.issueUserToken({ userId: (await responder.addUser('owner', null)).id, role: 'owner' });
    expect(await call('POST', '/api/v1/features/probe', { authorization: `Bearer ${owner.token}` })).toMatchObject({
      status: 200,
      body: { kind: 'owner' },
    });
    expect(FeatureProbeController.served).toBe(served + 3);
  });

  it('follows a plan change at once: evt.tenant.updated drops the cached plan', async () => {
    const tenant = Object.assign(responder.addTenant(), { plan: planWith([]) });
    const key = await responder.addKey(tenant.id);
    expect((await call('POST', '/api/v1/features/probe', { 'x-api-key': key.key })).status).toBe(403);
    tenant.plan = planWith(['knowledge']);
    const event = { version: 1, tenantId: tenant.id, changedFields: ['plan'], occurredAt: new Date().toISOString() };
    responder.nats.nc.publish(responder.nats.namer.subject(TenantUpdatedEvent.subjectFor(tenant.id)), encodeJson(event));
    await responder.nats.nc.flush();
    let status = 403;
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      status = (await call('POST', '/api/v1/features/probe', { 'x-api-key': key.key })).status;
    }
    expect(status).toBe(200);
  });
});
