import { randomUUID } from 'node:crypto';
import {
  TenantConfigGetRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  TenantGetRpc,
  TenantListRpc,
  TenantReactivateRpc,
  TenantUpdateRpc,
  type Actor,
} from '@parley/contracts';
import { isWellFormedApiKey, verifySecret } from '@parley/auth';
import { decodeJson, encodeJson, NatsClient } from '@parley/messaging';
import { rejection, startProvisioning, type ProvisioningTestApp } from './provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };
const slug = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

describe('provisioning tenant RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  beforeAll(async () => (t = await startProvisioning()));
  afterAll(() => t.close());

  const auditOf = async (tenantId: string) =>
    (
      await t.owner.query(
        'SELECT actor_type, actor_id, action, target_type, target_id, data FROM audit_log WHERE tenant_id = $1 ORDER BY created_at, action',
        [tenantId],
      )
    ).rows;
  const outboxOf = async (tenantId: string) =>
    (await t.owner.query(`SELECT subject, payload FROM outbox WHERE subject LIKE '%' || $1 ORDER BY seq`, [tenantId])).rows as Array<{
      subject: string;
      payload: Record<string, unknown>;
    }>;

  const create = (overrides: Partial<Parameters<ProvisioningTestApp['rpc']['request']>[1]> = {}) =>
    t.rpc.request(TenantCreateRpc, {
      version: 1,
      actor: owner,
      displayName: 'Bob’s Plumbing',
      slug: slug('bob'),
      kind: 'plumber',
      timezone: 'Europe/London',
      domain: 'https://bob.example',
      ...overrides,
    } as Parameters<typeof t.rpc.request<typeof TenantCreateRpc>>[1]);

  it('creates a tenant with defaults, its domain as the only origin, a first key shown once, audit and outbox rows', async () => {
    const res = await create({ config: { persona: 'You are Bob.', emergencyText: 'Call 0800 111 999' } });
    const { tenant, apiKey } = res;
    expect(tenant).toMatchObject({ displayName: 'Bob’s Plumbing', kind: 'plumber', status: 'active', deactivatedAt: null });
    expect(tenant.config).toMatchObject({
      persona: 'You are Bob.',
      emergencyText: 'Call 0800 111 999',
      tone: 'friendly',
      allowedOrigins: ['https://bob.example'],
      retentionDays: 30,
    });
    expect(isWellFormedApiKey(apiKey.key)).toBe(true);
    expect(apiKey.key.startsWith(apiKey.prefix)).toBe(true);

    const stored = (await t.owner.query('SELECT prefix, key_hash FROM api_keys WHERE tenant_id = $1', [tenant.id])).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0].key_hash).not.toContain(apiKey.key.slice(apiKey.prefix.length));
    await expect(verifySecret(apiKey.key, stored[0].key_hash)).resolves.toBe(true);

    const audit = await auditOf(tenant.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['api_key.created', 'tenant.created']);
    expect(audit.every((a) => a.actor_type === 'owner' && a.actor_id === owner.id)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(apiKey.key);

    const outbox = await outboxOf(tenant.id);
    expect(outbox).toEqual([
      {
        subject: `evt.tenant.created.${tenant.id}`,
        payload: expect.objectContaining({ version: 1, tenantId: tenant.id, slug: tenant.slug, kind: 'plumber' }),
      },
    ]);
  });

  it('keeps config.allowedOrigins over the domain, and creates the optional admin', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@Example.test`;
    const { tenant } = await create({
      config: { allowedOrigins: ['https://a.example', 'http://localhost:5173'] },
      admin: { email, password: 'correct horse battery' },
    });
    expect(tenant.config.allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    const users = (await t.owner.query('SELECT email, role FROM tenant_users WHERE tenant_id = $1', [tenant.id])).rows;
    expect(users).toEqual([{ email: email.toLowerCase(), role: 'tenant_admin' }]);
    expect((await auditOf(tenant.id)).map((a) => a.action)).toContain('user.created');
  });

  it('answers CONFLICT for a taken slug or admin email and writes nothing', async () => {
    const first = await create();
    const before = (
      await t.owner.query(
        'SELECT (SELECT count(*) FROM tenants) AS t, (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM audit_log) AS a',
      )
    ).rows[0];
    const err = await rejection(create({ slug: first.tenant.slug, displayName: 'Someone else' }));
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(err.details?.issues?.[0].path).toBe('slug');

    const adminEmail = `taken-${randomUUID().slice(0, 8)}@example.test`;
    await create({ admin: { email: adminEmail, password: 'correct horse battery' } });
    const mid = (
      await t.owner.query(
        'SELECT (SELECT count(*) FROM tenants) AS t, (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM audit_log) AS a',
      )
    ).rows[0];
    const emailErr = await rejection(create({ admin: { email: adminEmail.toUpperCase(), password: 'correct horse battery' } }));
    expect(emailErr).toMatchObject({ code: 'CONFLICT' });
    expect(emailErr.details?.issues?.[0].path).toBe('admin.email');
    const after = (
      await t.owner.query(
        'SELECT (SELECT count(*) FROM tenants) AS t, (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM audit_log) AS a',
      )
    ).rows[0];
    expect(Number(mid.t)).toBe(Number(before.t) + 1);
    expect(after).toEqual(mid);
  });

  it('answers VALIDATION with the offending fields for a malformed request that reaches the service, and writes nothing', async () => {
    const nats = t.app.get(NatsClient);
    const before = (await t.owner.query('SELECT count(*)::int AS n FROM tenants')).rows[0].n;
    const bad = {
      version: 1,
      actor: owner,
      displayName: 'Bad',
      slug: 'Not A Slug',
      kind: 'plumber',
      timezone: 'Mars/Olympus',
      domain: 'https://x.example/path',
    };
    const reply = decodeJson((await nats.nc.request(nats.namer.subject(TenantCreateRpc.subject), encodeJson(bad), { timeout: 5000 })).data);
    expect(reply.ok && reply.value).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const issues = (reply.ok ? (reply.value as { error: { details: { issues: Array<{ path: string }> } } }).error.details.issues : []).map(
      (i) => i.path,
    );
    expect(issues).toEqual(expect.arrayContaining(['slug', 'timezone', 'domain']));
    expect((await t.owner.query('SELECT count(*)::int AS n FROM tenants')).rows[0].n).toBe(before);
  });

  it('gets, reads config, updates (audit + outbox with changed fields) and ignores a no-op update', async () => {
    const { tenant } = await create();
    expect((await t.rpc.request(TenantGetRpc, { version: 1, tenantId: tenant.id })).tenant).toEqual(tenant);
    const updated = await t.rpc.request(TenantUpdateRpc, {
      version: 1,
      actor: owner,
      tenantId: tenant.id,
      patch: {
        displayName: 'Bob & Sons',
        config: {
          tone: 'professional',
          llm: { primary: { provider: 'openai', model: 'gpt-4o-mini' }, fallbacks: [{ provider: 'offline', model: 'retrieval' }] },
          escalation: { handoffEnabled: true, handoffMessage: 'Passing you to Bob.', notifyOnEscalation: true },
          retentionDays: 7,
        },
      },
    });
    expect(updated.tenant).toMatchObject({
      displayName: 'Bob & Sons',
      config: { tone: 'professional', retentionDays: 7, escalation: { handoffEnabled: true } },
    });
    const config = await t.rpc.request(TenantConfigGetRpc, { version: 1, tenantId: tenant.id });
    expect(config).toMatchObject({ tenantId: tenant.id, status: 'active', displayName: 'Bob & Sons', config: updated.tenant.config });
    expect(config.config.llm.fallbacks).toEqual([{ provider: 'offline', model: 'retrieval' }]);

    const events = (await outboxOf(tenant.id)).filter((o) => o.subject.startsWith('evt.tenant.updated'));
    expect(events).toHaveLength(1);
    expect(events[0].payload.changedFields).toEqual([
      'displayName',
      'config.tone',
      'config.escalation',
      'config.llm',
      'config.retentionDays',
    ]);
    const audit = (await auditOf(tenant.id)).filter((a) => a.action === 'tenant.updated');
    expect(audit).toEqual([
      expect.objectContaining({ actor_id: owner.id, target_id: tenant.id, data: { changedFields: events[0].payload.changedFields } }),
    ]);

    await t.rpc.request(TenantUpdateRpc, { version: 1, actor: owner, tenantId: tenant.id, patch: { displayName: 'Bob & Sons' } });
    expect((await outboxOf(tenant.id)).filter((o) => o.subject.startsWith('evt.tenant.updated'))).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown tenant', async () => {
    const tenantId = randomUUID();
    await expect(rejection(t.rpc.request(TenantGetRpc, { version: 1, tenantId }))).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      rejection(t.rpc.request(TenantUpdateRpc, { version: 1, actor: owner, tenantId, patch: { displayName: 'x' } })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rejection(t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId, reason: 'x' }))).resolves.toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('deactivates once (status, deactivated_at, audit, outbox); again is a no-op', async () => {
    const { tenant } = await create();
    const res = await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: tenant.id, reason: 'unpaid invoices' });
    expect(res.tenant.status).toBe('deactivated');
    expect(res.tenant.deactivatedAt).not.toBeNull();
    await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: tenant.id, reason: 'again' });
    const events = (await outboxOf(tenant.id)).filter((o) => o.subject === `evt.tenant.deactivated.${tenant.id}`);
    expect(events).toEqual([
      { subject: `evt.tenant.deactivated.${tenant.id}`, payload: expect.objectContaining({ reason: 'unpaid invoices' }) },
    ]);
    expect((await auditOf(tenant.id)).filter((a) => a.action === 'tenant.deactivated')).toHaveLength(1);
  });

  it('reactivates a deactivated tenant once (status, deactivated_at cleared, audit, evt.tenant.updated); an active or unknown tenant is refused', async () => {
    const { tenant } = await create();
    await expect(rejection(t.rpc.request(TenantReactivateRpc, { version: 1, actor: owner, tenantId: tenant.id }))).resolves.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      rejection(t.rpc.request(TenantReactivateRpc, { version: 1, actor: owner, tenantId: randomUUID() })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: tenant.id, reason: 'paused' });
    const res = await t.rpc.request(TenantReactivateRpc, { version: 1, actor: owner, tenantId: tenant.id });
    expect(res.tenant).toMatchObject({ status: 'active', deactivatedAt: null });
    expect((await t.rpc.request(TenantConfigGetRpc, { version: 1, tenantId: tenant.id })).status).toBe('active');
    await expect(rejection(t.rpc.request(TenantReactivateRpc, { version: 1, actor: owner, tenantId: tenant.id }))).resolves.toMatchObject({
      code: 'CONFLICT',
    });
    const updated = (await outboxOf(tenant.id)).filter((o) => o.subject === `evt.tenant.updated.${tenant.id}`);
    expect(updated).toEqual([
      { subject: `evt.tenant.updated.${tenant.id}`, payload: expect.objectContaining({ changedFields: ['status'] }) },
    ]);
    const audit = (await auditOf(tenant.id)).filter((a) => a.action === 'tenant.reactivated');
    expect(audit).toEqual([expect.objectContaining({ actor_type: 'owner', actor_id: owner.id, target_id: tenant.id })]);
  });

  it('refuses owner-only fields from tenant staff and API keys (FORBIDDEN, fields listed) and stores nothing; the rest is theirs', async () => {
    const { tenant } = await create();
    const admin: Actor = { type: 'tenant_user', id: randomUUID() };
    const refused = await rejection(
      t.rpc.request(TenantUpdateRpc, {
        version: 1,
        actor: admin,
        tenantId: tenant.id,
        patch: {
          kind: 'dentist',
          config: { persona: 'x', retentionDays: 90, llm: { primary: { provider: 'openai', model: 'gpt-4o' }, fallbacks: [] } },
        },
      }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect((refused as { details?: { issues?: Array<{ path: string }> } }).details?.issues?.map((i) => i.path)).toEqual([
      'kind',
      'config.llm',
      'config.retentionDays',
    ]);
    expect((await t.rpc.request(TenantGetRpc, { version: 1, tenantId: tenant.id })).tenant).toMatchObject({
      kind: 'plumber',
      config: { persona: '', retentionDays: 30 },
    });
    const ok = await t.rpc.request(TenantUpdateRpc, {
      version: 1,
      actor: admin,
      tenantId: tenant.id,
      patch: { config: { persona: 'You are Bob.', tone: 'formal' } },
    });
    expect(ok.tenant.config).toMatchObject({ persona: 'You are Bob.', tone: 'formal' });
    const apiKey: Actor = { type: 'api_key', id: randomUUID() };
    await expect(
      rejection(
        t.rpc.request(TenantUpdateRpc, { version: 1, actor: apiKey, tenantId: tenant.id, patch: { config: { rateLimitPerMinute: 5 } } }),
      ),
    ).resolves.toMatchObject({ code: 'FORBIDDEN' });
    // System jobs (the demo seeder) and the owner may.
    const system: Actor = { type: 'system', id: null };
    expect(
      (await t.rpc.request(TenantUpdateRpc, { version: 1, actor: system, tenantId: tenant.id, patch: { kind: 'heating' } })).tenant.kind,
    ).toBe('heating');
    expect((await auditOf(tenant.id)).filter((a) => a.action === 'tenant.updated').map((a) => a.actor_type)).toEqual([
      'tenant_user',
      'system',
    ]);
  });

  it('lists with opaque cursors, filters by status and search', async () => {
    const marker = randomUUID().slice(0, 8);
    const created = [];
    for (let i = 0; i < 3; i++) created.push((await create({ displayName: `Paged ${marker} ${i}` })).tenant);
    const page1 = await t.rpc.request(TenantListRpc, { version: 1, limit: 2, cursor: null, search: marker });
    expect(page1.items.map((x) => x.id)).toEqual([created[2].id, created[1].id]);
    expect(page1.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const page2 = await t.rpc.request(TenantListRpc, { version: 1, limit: 2, cursor: page1.nextCursor, search: marker });
    expect(page2).toEqual({ version: 1, items: [expect.objectContaining({ id: created[0].id })], nextCursor: null });

    await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: created[1].id, reason: 'test' });
    const active = await t.rpc.request(TenantListRpc, { version: 1, limit: 10, cursor: null, search: marker, status: 'active' });
    expect(active.items.map((x) => x.id)).toEqual([created[2].id, created[0].id]);
    await expect(
      rejection(t.rpc.request(TenantListRpc, { version: 1, limit: 2, cursor: 'bm9wZQ', search: marker })),
    ).resolves.toMatchObject({ code: 'VALIDATION' });
  });
});
