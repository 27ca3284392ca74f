import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@parley/persistence';
import { buildPlatform, eventually, http, startPlatform, type HttpResult, type Platform } from './platform';

// The REST routes the web console needs (issue 14), through the real gateway and services from
// their dist: the owner pauses and resumes a tenant (keys, site keys, sessions and logins stop
// and work again), tenant staff read and change their bot settings, read their conversations
// with transcripts, signals and summaries, and list their colleagues. Every refusal is
// problem+json with a request id. (The owner's drill-down into one tenant's insights is
// tested in apps/gateway/src/insights/__tests__/insights-route.int-spec.ts.)
jest.setTimeout(300_000);

const namespace = `${process.env.TEST_RUN_ID}con`;
const PASSWORD = 'staff password 123';
let platform: Platform;
let db: PrismaClient;
let api: (path: string) => string;
let ownerAuth: Record<string, string>;

interface TestTenant {
  id: string;
  key: Record<string, string>;
  origin: string;
  admin: Record<string, string>;
  agent: Record<string, string>;
  adminEmail: string;
}
let a: TestTenant;
let b: TestTenant;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function login(email: string, password = PASSWORD): Promise<HttpResult> {
  return http(api('/api/v1/auth/login'), { body: { email, password } });
}

function expectProblem(res: HttpResult, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.headers.get('x-request-id')).toBeTruthy();
  if (code) expect(res.body).toMatchObject({ status, code });
}

async function newTenant(name: string): Promise<TestTenant> {
  const slug = `${name}-${namespace.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 60);
  const origin = `https://${name}.example`;
  const adminEmail = `admin-${slug}@example.test`;
  const created = await http(api('/api/v1/admin/tenants'), {
    headers: ownerAuth,
    body: {
      displayName: `${name} Plumbing`,
      slug,
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: origin,
      config: { escalation: { handoffEnabled: true, handoffMessage: null, notifyOnEscalation: false } },
      admin: { email: adminEmail, password: PASSWORD },
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.tenant.id as string;
  const agentEmail = `agent-${slug}@example.test`;
  expect(
    (
      await http(api(`/api/v1/admin/tenants/${id}/users`), {
        headers: ownerAuth,
        body: { email: agentEmail, password: PASSWORD, role: 'tenant_agent' },
      })
    ).status,
  ).toBe(201);
  const admin = bearer((await login(adminEmail)).body.token);
  const agent = bearer((await login(agentEmail)).body.token);
  return { id, key: { 'x-api-key': created.body.apiKey.key as string }, origin, admin, agent, adminEmail };
}

beforeAll(async () => {
  buildPlatform();
  platform = await startPlatform(namespace, ['provisioning', 'chat', 'tenant-intelligence', 'gateway']);
  db = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_OWNER_URL as string, poolMax: 2 });
  api = (path) => `${platform.gatewayUrl}${path}`;
  ownerAuth = bearer((await login(platform.owner.email, platform.owner.password)).body.token);
  a = await newTenant('alpha');
  b = await newTenant('beta');
}, 290_000);

afterAll(async () => {
  await platform?.stop();
  await db?.$disconnect();
});

describe('owner pause and resume (POST /api/v1/admin/tenants/:id/deactivate, /reactivate)', () => {
  it('a paused tenant answers 403 TENANT_DEACTIVATED to its keys, site key, sessions and staff; resumed, all work again', async () => {
    const siteKey = (await http(api('/api/v1/site-keys'), { headers: a.key, body: {} })).body.siteKey.key as string;
    const session = await http(api('/api/v1/sessions'), { headers: a.key, body: {} });
    expect(session.status).toBe(201);
    const visitor = bearer(session.body.token);
    const widgetConfig = () => http(api(`/api/v1/widget/config?siteKey=${siteKey}`), { headers: { origin: a.origin } });
    const widgetSession = () => http(api('/api/v1/widget/sessions'), { headers: { origin: a.origin }, body: { siteKey } });
    const history = () => http(api(`/api/v1/chat/history?session_id=${session.body.session.id}`), { headers: visitor });

    const paused = await http(api(`/api/v1/admin/tenants/${a.id}/deactivate`), {
      headers: ownerAuth,
      body: { reason: 'paused by the owner' },
    });
    expect(paused.status).toBe(200);
    expect(paused.body.tenant).toMatchObject({ status: 'deactivated' });
    // The site key is first resolved while the tenant is paused: its cache entry must not keep it paused later.
    for (const refused of [await widgetConfig(), await widgetSession()]) {
      expectProblem(refused, 403, 'TENANT_DEACTIVATED');
      expect(refused.headers.get('access-control-allow-origin')).toBe(a.origin);
    }
    expectProblem(await http(api('/api/v1/sessions'), { headers: a.key, body: {} }), 403, 'TENANT_DEACTIVATED');
    expectProblem(await history(), 403, 'TENANT_DEACTIVATED');
    expectProblem(await http(api('/api/v1/settings'), { headers: a.admin }), 403, 'TENANT_DEACTIVATED');
    expectProblem(await login(a.adminEmail), 403, 'TENANT_DEACTIVATED');

    const resumed = await http(api(`/api/v1/admin/tenants/${a.id}/reactivate`), { method: 'POST', headers: ownerAuth });
    expect(resumed.status).toBe(200);
    expect(resumed.body.tenant).toMatchObject({ id: a.id, status: 'active', deactivatedAt: null });
    expect((await widgetConfig()).status).toBe(200);
    expect((await widgetSession()).status).toBe(201);
    expect((await http(api('/api/v1/sessions'), { headers: a.key, body: {} })).status).toBe(201);
    expect((await history()).status).toBe(200);
    expect((await login(a.adminEmail)).status).toBe(200);

    const audit = await db.auditLog.findMany({
      where: { tenantId: a.id, action: { in: ['tenant.deactivated', 'tenant.reactivated'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((row) => [row.action, row.actorType])).toEqual([
      ['tenant.deactivated', 'owner'],
      ['tenant.reactivated', 'owner'],
    ]);
    const events = await db.outbox.findMany({
      where: { subject: { in: [`evt.tenant.deactivated.${a.id}`, `evt.tenant.updated.${a.id}`] } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((row) => row.subject)).toEqual([`evt.tenant.deactivated.${a.id}`, `evt.tenant.updated.${a.id}`]);
    expect(events[1].payload).toMatchObject({ changedFields: ['status'] });
  });

  it('answers 409 for an active tenant, 404 for an unknown one, 400 for a bad id, 403 for staff and 401 without a token', async () => {
    expectProblem(await http(api(`/api/v1/admin/tenants/${b.id}/reactivate`), { method: 'POST', headers: ownerAuth }), 409, 'CONFLICT');
    expectProblem(
      await http(api(`/api/v1/admin/tenants/${randomUUID()}/reactivate`), { method: 'POST', headers: ownerAuth }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await http(api('/api/v1/admin/tenants/not-a-uuid/reactivate'), { method: 'POST', headers: ownerAuth }), 400);
    expectProblem(
      await http(api(`/api/v1/admin/tenants/${b.id}/reactivate`), { method: 'POST', headers: b.admin }),
      403,
      'CREDENTIAL_NOT_ACCEPTED',
    );
    expectProblem(await http(api(`/api/v1/admin/tenants/${b.id}/reactivate`), { method: 'POST' }), 401);
    expect(await db.auditLog.count({ where: { tenantId: b.id, action: 'tenant.reactivated' } })).toBe(0);
  });
});

describe('tenant settings (GET/PATCH /api/v1/settings)', () => {
  it('every staff role reads them; a tenant_admin and the API key change what the tenant may set, audited', async () => {
    const read = await http(api('/api/v1/settings'), { headers: b.agent });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      tenant: { id: b.id, displayName: 'beta Plumbing', config: { tone: 'friendly', allowedOrigins: [b.origin] } },
    });
    expect(read.body.ownerManaged).toEqual(
      expect.arrayContaining(['kind', 'config.llm', 'config.retentionDays', 'config.rateLimitPerMinute']),
    );

    const extraOrigin = 'https://shop.beta.example';
    const patch = {
      displayName: 'Beta Plumbing & Heating',
      config: {
        persona: 'You are Bea, the office manager.',
        tone: 'professional',
        emergencyText: 'If you smell gas, call 0800 111 999.',
        escalation: { handoffEnabled: true, handoffMessage: 'A person will reply here.', notifyOnEscalation: true },
        allowedOrigins: [b.origin, extraOrigin],
        derivedDataRetention: 'with_messages',
      },
    };
    expect(read.body.tenant.config.derivedDataRetention).toBe('keep');
    const changed = await http(api('/api/v1/settings'), { method: 'PATCH', headers: b.admin, body: patch });
    expect(changed.status).toBe(200);
    expect(changed.body.tenant).toMatchObject({ displayName: patch.displayName, config: patch.config });
    expect((await http(api('/api/v1/settings'), { headers: b.agent })).body.tenant).toMatchObject({ config: patch.config });
    // This gateway dropped its cached settings: the new origin is allowed at once.
    const siteKey = (await http(api('/api/v1/site-keys'), { headers: b.key, body: {} })).body.siteKey.key as string;
    expect((await http(api(`/api/v1/widget/config?siteKey=${siteKey}`), { headers: { origin: extraOrigin } })).status).toBe(200);

    expect(
      (await http(api('/api/v1/settings'), { method: 'PATCH', headers: b.key, body: { config: { tone: 'casual' } } })).body.tenant.config
        .tone,
    ).toBe('casual');
    const audit = await db.auditLog.findMany({ where: { tenantId: b.id, action: 'tenant.updated' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.actorType)).toEqual(['tenant_user', 'api_key']);
    expect(audit[0].data).toMatchObject({
      changedFields: expect.arrayContaining(['displayName', 'config.persona', 'config.allowedOrigins']),
    });
  });

  it('refuses agents (403), the owner (403), bad fields and owner-managed fields (400, listed) and stores nothing', async () => {
    expectProblem(
      await http(api('/api/v1/settings'), { method: 'PATCH', headers: b.agent, body: { config: { tone: 'formal' } } }),
      403,
      'INSUFFICIENT_ROLE',
    );
    expectProblem(await http(api('/api/v1/settings'), { headers: ownerAuth }), 403, 'CREDENTIAL_NOT_ACCEPTED');
    const before = (await http(api('/api/v1/settings'), { headers: b.admin })).body.tenant;

    const bad = await http(api('/api/v1/settings'), {
      method: 'PATCH',
      headers: b.admin,
      body: { config: { tone: 'shouty', allowedOrigins: ['https://x.example/path'], persona: 'ok', derivedDataRetention: 'never' } },
    });
    expectProblem(bad, 400, 'VALIDATION');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'config.allowedOrigins.0',
      'config.derivedDataRetention',
      'config.tone',
    ]);
    const ownerOnly = await http(api('/api/v1/settings'), {
      method: 'PATCH',
      headers: b.admin,
      body: { config: { retentionDays: 365, llm: { primary: { provider: 'openai', model: 'gpt-4o' }, fallbacks: [] } } },
    });
    expectProblem(ownerOnly, 400, 'VALIDATION');
    expect(JSON.stringify(ownerOnly.body.errors)).toMatch(/retentionDays/);
    expectProblem(await http(api('/api/v1/settings'), { method: 'PATCH', headers: b.admin, body: { kind: 'dentist' } }), 400, 'VALIDATION');
    expectProblem(await http(api('/api/v1/settings'), { method: 'PATCH', headers: b.admin, body: {} }), 400, 'VALIDATION');
    expect((await http(api('/api/v1/settings'), { headers: b.admin })).body.tenant).toEqual(before);
  });
});

describe('conversations (GET /api/v1/conversations[/:id])', () => {
  let urgentId: string;
  let handoffId: string;
  let closedId: string;

  beforeAll(async () => {
    const open = async (body: Record<string, unknown> = {}) => {
      const res = await http(api('/api/v1/sessions'), { headers: a.key, body });
      return { id: res.body.session.id as string, auth: bearer(res.body.token) };
    };
    const say = (auth: Record<string, string>, message: string) => http(api('/api/v1/chat'), { headers: auth, body: { message } });
    const closed = await open({ externalUserId: 'customer-7' });
    expect((await say(closed.auth, 'Hi, I am Dana Smith, my email is dana@example.test. Do you fix boilers?')).status).toBe(200);
    expect((await http(api(`/api/v1/sessions/${closed.id}/close`), { method: 'POST', headers: closed.auth })).status).toBe(200);
    const urgent = await open();
    await say(urgent.auth, 'Help! A pipe has burst and the kitchen is flooding right now');
    const handoff = await open();
    await say(handoff.auth, 'Can I speak to a real person please, not a bot');
    expect(
      (
        await http(api(`/api/v1/handoff/sessions/${handoff.id}/reply`), {
          headers: a.agent,
          body: { content: 'Sam here, what is the address?' },
        })
      ).status,
    ).toBe(201);
    [urgentId, handoffId, closedId] = [urgent.id, handoff.id, closed.id];
  });

  it('lists the tenant’s conversations newest first with status, signals, contact and summary marker, filtered and paged', async () => {
    const list = await eventually(
      () => http(api('/api/v1/conversations?limit=100'), { headers: a.agent }),
      // L2 (on close) and L1b (which links the contact, per turn) run asynchronously, in either order.
      (res) => {
        const closed = res.body.items?.find((c: { id: string }) => c.id === closedId);
        return closed?.hasSummary === true && closed?.contact !== null;
      },
      60_000,
    );
    expect(list.status).toBe(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids.slice(0, 3)).toEqual([handoffId, urgentId, closedId]);
    const byId = new Map(list.body.items.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(handoffId)).toMatchObject({ status: 'open', needsHuman: true, mode: 'human', messageCount: 3, hasSummary: false });
    expect(byId.get(closedId)).toMatchObject({ status: 'closed', hasSummary: true, contact: { email: 'dana@example.test' } });
    expect(JSON.stringify(byId.get(urgentId))).toContain('"kind":"urgency"');

    expect(
      (await http(api('/api/v1/conversations?signal=urgency'), { headers: a.agent })).body.items.map((c: { id: string }) => c.id),
    ).toEqual([urgentId]);
    expect(
      (await http(api('/api/v1/conversations?status=handoff'), { headers: a.agent })).body.items.map((c: { id: string }) => c.id),
    ).toEqual([handoffId]);
    const contactId = (byId.get(closedId) as { contact: { id: string } }).contact.id;
    expect(
      (await http(api(`/api/v1/conversations?contact_id=${contactId}`), { headers: a.key })).body.items.map((c: { id: string }) => c.id),
    ).toEqual([closedId]);
    const first = await http(api('/api/v1/conversations?limit=1'), { headers: a.admin });
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([handoffId]);
    const second = await http(api(`/api/v1/conversations?limit=1&cursor=${encodeURIComponent(first.body.next_cursor)}`), {
      headers: a.admin,
    });
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([urgentId]);
  });

  it('returns one transcript with staff messages, per-message signals and the L2 summary', async () => {
    const handoff = await http(api(`/api/v1/conversations/${handoffId}`), { headers: a.agent });
    expect(handoff.status).toBe(200);
    expect(handoff.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'staff']);
    expect(JSON.stringify(handoff.body.messages[0].signals)).toContain('escalation');
    expect(handoff.body).toMatchObject({ conversation: { id: handoffId }, summary: null, next_cursor: null });
    const closed = await http(api(`/api/v1/conversations/${closedId}`), { headers: a.key });
    expect(closed.body.summary).toMatchObject({ sessionId: closedId });
    expect(closed.body.messages).toHaveLength(2);
  });

  it("keeps tenants apart (404 for another tenant's session) and answers bad input with problem+json", async () => {
    expectProblem(await http(api(`/api/v1/conversations/${handoffId}`), { headers: b.admin }), 404, 'NOT_FOUND');
    expectProblem(await http(api(`/api/v1/conversations/${randomUUID()}`), { headers: a.admin }), 404, 'NOT_FOUND');
    expect((await http(api('/api/v1/conversations'), { headers: b.admin })).body.items).toEqual([]);
    const bad = await http(api('/api/v1/conversations?status=pending&limit=1000'), { headers: a.admin });
    expectProblem(bad, 400, 'VALIDATION');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'status']);
    expectProblem(
      await http(api('/api/v1/conversations?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z'), { headers: a.admin }),
      400,
      'VALIDATION',
    );
    expectProblem(await http(api('/api/v1/conversations/not-a-uuid'), { headers: a.admin }), 400);
    expectProblem(await http(api('/api/v1/conversations'), { headers: ownerAuth }), 403);
  });
});

describe('staff list (GET /api/v1/users)', () => {
  it("lists the tenant admin's own tenant's staff without password hashes; agents, other tenants and the owner are refused", async () => {
    const list = await http(api('/api/v1/users'), { headers: b.admin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { role: string; tenantId: string }) => [u.role, u.tenantId])).toEqual([
      ['tenant_admin', b.id],
      ['tenant_agent', b.id],
    ]);
    expect(list.body.items[0]).toMatchObject({ email: b.adminEmail, status: 'active', lastLoginAt: expect.any(String) });
    expect(list.text).not.toMatch(/password|\$2[aby]\$/i);
    expectProblem(await http(api('/api/v1/users'), { headers: b.agent }), 403, 'INSUFFICIENT_ROLE');
    expectProblem(await http(api('/api/v1/users'), { headers: ownerAuth }), 403, 'CREDENTIAL_NOT_ACCEPTED');
    expectProblem(await http(api('/api/v1/users'), { headers: b.key }), 403, 'CREDENTIAL_NOT_ACCEPTED');
  });
});

describe("owner's staff list (GET /api/v1/admin/tenants/:id/users)", () => {
  it("lists one tenant's staff without password hashes; an unknown tenant is 404, staff are refused", async () => {
    const list = await http(api(`/api/v1/admin/tenants/${b.id}/users`), { headers: ownerAuth });
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { role: string; tenantId: string }) => [u.role, u.tenantId])).toEqual([
      ['tenant_admin', b.id],
      ['tenant_agent', b.id],
    ]);
    expect(list.text).not.toMatch(/password|\$2[aby]\$/i);
    expectProblem(await http(api('/api/v1/admin/tenants/00000000-0000-4000-8000-000000000000/users'), { headers: ownerAuth }), 404);
    expectProblem(await http(api(`/api/v1/admin/tenants/${b.id}/users`), { headers: b.admin }), 403);
  });
});

describe('OpenAPI', () => {
  it('documents the new routes with their response schemas', async () => {
    const doc = (await http(api('/docs/openapi.json'))).body;
    for (const [path, method] of [
      ['/api/v1/admin/tenants/{id}/reactivate', 'post'],
      ['/api/v1/admin/tenants/{id}/insights', 'get'],
      ['/api/v1/settings', 'get'],
      ['/api/v1/settings', 'patch'],
      ['/api/v1/conversations', 'get'],
      ['/api/v1/conversations/{id}', 'get'],
      ['/api/v1/users', 'get'],
      ['/api/v1/admin/tenants', 'get'],
      ['/api/v1/admin/tenants/{id}', 'get'],
      ['/api/v1/admin/tenants/{id}', 'patch'],
      ['/api/v1/admin/tenants/{id}/keys', 'get'],
      ['/api/v1/admin/tenants/{id}/keys/rotate', 'post'],
      ['/api/v1/admin/tenants/{id}/users', 'get'],
    ]) {
      const operation = doc.paths[path]?.[method];
      expect(operation).toBeDefined();
      const ok = operation.responses['200'];
      expect(JSON.stringify(ok?.content?.['application/json']?.schema ?? {})).not.toBe('{}');
    }
    const created = doc.paths['/api/v1/admin/tenants/{id}/users'].post.responses['201'];
    expect(JSON.stringify(created?.content?.['application/json']?.schema ?? {})).not.toBe('{}');
    const listParameters = doc.paths['/api/v1/admin/tenants'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(listParameters).toEqual(expect.arrayContaining(['query:limit', 'query:cursor', 'query:status', 'query:search']));
  });
});
