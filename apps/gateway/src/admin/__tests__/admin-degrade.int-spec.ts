import { randomUUID } from 'node:crypto';
import { SigningKeyRing, TokenSigner, TokenVerifier, UserTokens } from '@parley/auth';
import {
  ChatDegradeStatusRpc,
  DegradeGetRpc,
  DegradeSetRpc,
  NO_DEGRADE,
  RPC_QUEUE_GROUPS,
  type ChatDegradeStatus,
  type DegradeSetting,
  type DegradeSwitches,
} from '@parley/contracts';
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

// The owner's degrade routes over HTTP through the in-process gateway. Provisioning's degrade
// RPCs and chat's status RPC are test stand-ins on the run's NATS that keep what they were asked
// (provisioning's real handlers are tested in apps/provisioning, chat's in apps/chat).
jest.setTimeout(60_000);

const ring = SigningKeyRing.fromConfig({ active: 't1', keys: { t1: TEST_SIGNING_SECRET } });
const userTokens = new UserTokens(new TokenSigner(ring), new TokenVerifier(ring));

let gateway: RunningGateway;
let responder: ProvisioningResponder;
let degradeServer: RpcServer;
let chatServer: RpcServer | null;
let tenant: FakeTenant;
let ownerToken: string;
const settings = new Map<string, DegradeSetting>();
const setRequests: Array<Record<string, unknown>> = [];

const automatic: ChatDegradeStatus = {
  version: 1,
  replica: 'chat-1',
  enabled: true,
  switches: { ...NO_DEGRADE, leanContext: true },
  signals: [
    {
      name: 'in_flight_turns',
      value: 240,
      enterAbove: 200,
      leaveBelow: 100,
      tripped: true,
      since: '2026-12-14T10:00:00.000Z',
      switches: ['lean_context'],
    },
  ],
};

const key = (tenantId: string | null) => tenantId ?? 'platform';
const settingOf = (tenantId: string | null): DegradeSetting =>
  settings.get(key(tenantId)) ?? { tenantId, switches: NO_DEGRADE, reason: null, updatedAt: null, updatedBy: null };

function serveDegrade(nats: ProvisioningResponder['nats']): RpcServer {
  const server = new RpcServer(nats);
  const known = (tenantId: string | null) => {
    if (tenantId !== null && !responder.tenants.has(tenantId)) throw new RpcError('NOT_FOUND', 'tenant not found');
  };
  const degraded = () => [...settings.values()].filter((s) => s.tenantId !== null && Object.values(s.switches).some(Boolean));
  server.handle(
    DegradeGetRpc,
    async ({ tenantId }) => {
      known(tenantId);
      return tenantId === null
        ? { version: 1 as const, setting: settingOf(null), degradedTenants: degraded() }
        : { version: 1 as const, setting: settingOf(tenantId) };
    },
    { queue: RPC_QUEUE_GROUPS.provisioning },
  );
  server.handle(
    DegradeSetRpc,
    async (request) => {
      known(request.tenantId);
      setRequests.push(request as unknown as Record<string, unknown>);
      const setting: DegradeSetting = {
        tenantId: request.tenantId,
        switches: request.switches,
        reason: request.reason,
        updatedAt: new Date().toISOString(),
        updatedBy: request.actor.id,
      };
      settings.set(key(request.tenantId), setting);
      return request.tenantId === null ? { version: 1 as const, setting, degradedTenants: degraded() } : { version: 1 as const, setting };
    },
    { queue: RPC_QUEUE_GROUPS.provisioning },
  );
  return server;
}

function serveChat(nats: ProvisioningResponder['nats']): RpcServer {
  const server = new RpcServer(nats);
  server.handle(ChatDegradeStatusRpc, async () => automatic, { queue: RPC_QUEUE_GROUPS.chat });
  return server;
}

interface Answer {
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

const httpSwitches = (
  patch: Partial<Record<'cheaper_model' | 'lean_context' | 'skip_model_extraction' | 'offline_only', boolean>> = {},
) => ({
  cheaper_model: false,
  lean_context: false,
  skip_model_extraction: false,
  offline_only: false,
  ...patch,
});
const on = (patch: Partial<DegradeSwitches>): DegradeSwitches => ({ ...NO_DEGRADE, ...patch });

beforeAll(async () => {
  const namespace = testNamespace('deg');
  responder = await ProvisioningResponder.start(testEnvironment().TEST_NATS_URL, namespace);
  degradeServer = serveDegrade(responder.nats);
  chatServer = serveChat(responder.nats);
  tenant = responder.addTenant('active');
  const owner = await responder.addUser('owner', null);
  gateway = await startGateway(testGatewayConfig(namespace));
  ownerToken = (await userTokens.issueUserToken({ userId: owner.id, role: 'owner' })).token;
});

afterAll(async () => {
  await gateway?.close();
  await chatServer?.stop();
  await degradeServer?.stop();
  await responder?.close();
});

describe('GET/PUT /api/v1/admin/degrade (platform)', () => {
  it('shows the configured switches, the automatic ones of the answering chat replica and their union', async () => {
    const response = await call('GET', '/api/v1/admin/degrade', { token: ownerToken });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      scope: 'global',
      configured: { tenant_id: null, switches: httpSwitches(), reason: null, updated_at: null, updated_by: null },
      automatic: {
        replica: 'chat-1',
        enabled: true,
        switches: httpSwitches({ lean_context: true }),
        signals: [
          {
            name: 'in_flight_turns',
            value: 240,
            enter_above: 200,
            leave_below: 100,
            tripped: true,
            since: '2026-12-14T10:00:00.000Z',
            switches: ['lean_context'],
          },
        ],
      },
      effective: httpSwitches({ lean_context: true }),
      degraded_tenants: [],
    });
  });

  it('replaces the switches (a switch left out is off) with the owner as actor', async () => {
    setRequests.length = 0;
    const response = await call('PUT', '/api/v1/admin/degrade', {
      token: ownerToken,
      body: { switches: { offline_only: true }, reason: '  provider outage ' },
    });
    expect(response.status).toBe(200);
    expect(setRequests).toEqual([
      expect.objectContaining({
        tenantId: null,
        switches: on({ offlineOnly: true }),
        reason: 'provider outage',
        actor: expect.objectContaining({ type: 'owner' }),
      }),
    ]);
    expect(response.body).toMatchObject({
      scope: 'global',
      configured: { switches: httpSwitches({ offline_only: true }), reason: 'provider outage' },
      effective: httpSwitches({ offline_only: true, lean_context: true }),
    });
    expect((await call('PUT', '/api/v1/admin/degrade', { token: ownerToken, body: { switches: {} } })).body).toMatchObject({
      configured: { switches: httpSwitches(), reason: null },
    });
  });

  it.each([
    ['an unknown switch', { switches: { turbo: true } }, 'switches'],
    ['a switch that is not a boolean', { switches: { offline_only: 'yes' } }, 'switches.offline_only'],
    ['no switches', {}, 'switches'],
    ['a reason over 500 characters', { switches: {}, reason: 'x'.repeat(501) }, 'reason'],
    ['an unknown field', { switches: {}, extra: 1 }, ''],
  ])('refuses %s with a 400 problem naming the field, and forwards nothing', async (_label, body, path) => {
    setRequests.length = 0;
    const response = await call('PUT', '/api/v1/admin/degrade', { token: ownerToken, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const errors = (response.body?.errors ?? []) as Array<{ path: string }>;
    expect(errors.some((e) => e.path.startsWith(path))).toBe(true);
    expect(setRequests).toEqual([]);
  });

  it('is for the owner only', async () => {
    expect((await call('GET', '/api/v1/admin/degrade')).status).toBe(401);
    const staff = await userTokens.issueUserToken({ userId: randomUUID(), role: 'tenant_admin', tenantId: tenant.id });
    const refused = await call('PUT', '/api/v1/admin/degrade', { token: staff.token, body: { switches: { offline_only: true } } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('GET/PUT /api/v1/admin/tenants/:id/degrade', () => {
  it("sets a tenant's switches and shows them with the platform's and the union in effect", async () => {
    await call('PUT', '/api/v1/admin/degrade', { token: ownerToken, body: { switches: { skip_model_extraction: true } } });
    const put = await call('PUT', `/api/v1/admin/tenants/${tenant.id}/degrade`, {
      token: ownerToken,
      body: { switches: { cheaper_model: true }, reason: 'noisy tenant' },
    });
    expect(put.status).toBe(200);
    const got = await call('GET', `/api/v1/admin/tenants/${tenant.id}/degrade`, { token: ownerToken });
    expect(got.body).toMatchObject({
      scope: 'tenant',
      configured: { tenant_id: tenant.id, switches: httpSwitches({ cheaper_model: true }), reason: 'noisy tenant' },
      global: { tenant_id: null, switches: httpSwitches({ skip_model_extraction: true }) },
      effective: httpSwitches({ cheaper_model: true, skip_model_extraction: true, lean_context: true }),
    });
    const global = await call('GET', '/api/v1/admin/degrade', { token: ownerToken });
    expect(global.body?.degraded_tenants).toEqual([
      expect.objectContaining({ tenant_id: tenant.id, switches: httpSwitches({ cheaper_model: true }) }),
    ]);
    await call('PUT', '/api/v1/admin/degrade', { token: ownerToken, body: { switches: {} } });
  });

  it('answers 404 for an unknown tenant and 400 for a malformed id, as problem+json', async () => {
    const missing = await call('GET', `/api/v1/admin/tenants/${randomUUID()}/degrade`, { token: ownerToken });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await call('PUT', `/api/v1/admin/tenants/${randomUUID()}/degrade`, { token: ownerToken, body: { switches: {} } })).status).toBe(
      404,
    );
    expect((await call('GET', '/api/v1/admin/tenants/not-a-uuid/degrade', { token: ownerToken })).status).toBe(400);
  });

  it('shows automatic as null when no chat replica answers', async () => {
    await chatServer?.stop();
    chatServer = null;
    const response = await call('GET', `/api/v1/admin/tenants/${tenant.id}/degrade`, { token: ownerToken });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ automatic: null, effective: httpSwitches({ cheaper_model: true }) });
  });
});
