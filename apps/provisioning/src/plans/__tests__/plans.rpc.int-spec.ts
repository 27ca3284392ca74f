import { randomUUID } from 'node:crypto';
import {
  PlanCreateRpc,
  PlanDeleteRpc,
  PlanGetRpc,
  PlanListRpc,
  PlanUpdateRpc,
  TenantConfigGetRpc,
  TenantCreateRpc,
  TenantPlanAssignRpc,
  TenantUpdateRpc,
  type Actor,
  type PlanInput,
} from '@parley/contracts';
import { rejection, startProvisioning, type ProvisioningTestApp } from '../../__tests__/provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };

function planInput(key: string, overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    key,
    name: 'Starter',
    currency: 'EUR',
    monthlyFee: '49.00',
    includedMessages: 1000,
    includedTokens: 500_000,
    capMode: 'hard',
    overagePerMessage: '0.02',
    overagePer1kTokens: '0.0015',
    rateLimitPerMinute: 120,
    userRateLimitPerMinute: 40,
    tenantRateLimitPerMinute: null,
    ipRateLimitPerMinute: 90,
    features: ['knowledge', 'tools'],
    allowedProviders: ['offline', 'openai'],
    ...overrides,
  };
}

describe('provisioning plan RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  let tenantId: string;
  const key = `starter-${randomUUID().slice(0, 8)}`;

  const updatesOf = async (id: string) =>
    (
      await t.owner.query(`SELECT payload FROM outbox WHERE subject = $1 AND payload->'changedFields' ? 'plan' ORDER BY seq`, [
        `evt.tenant.updated.${id}`,
      ])
    ).rows.map((r: { payload: Record<string, unknown> }) => r.payload);
  const auditOf = async (action: string, targetId: string) =>
    (
      await t.owner.query(`SELECT tenant_id, actor_type, data FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY seq`, [
        action,
        targetId,
      ])
    ).rows;

  beforeAll(async () => {
    t = await startProvisioning();
    tenantId = (
      await t.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: 'Planned',
        slug: `planned-${randomUUID().slice(0, 8)}`,
        kind: 'plumber',
        timezone: 'Asia/Kolkata',
        domain: null,
      })
    ).tenant.id;
  });
  afterAll(async () => {
    await t.owner.query(`UPDATE tenants SET plan_id = NULL WHERE id = $1`, [tenantId]);
    await t.owner.query(`DELETE FROM plans WHERE key LIKE $1`, [`${key}%`]);
    await t.close();
  });

  it('creates a plan with exact money, audits it, reads and lists it', async () => {
    const created = await t.rpc.request(PlanCreateRpc, { version: 1, actor: owner, plan: planInput(key) });
    expect(created.plan).toMatchObject({
      key,
      monthlyFee: '49.00',
      overagePerMessage: '0.02',
      overagePer1kTokens: '0.0015',
      includedTokens: 500_000,
      allowedProviders: ['offline', 'openai'],
    });
    expect(created.tenantCount).toBe(0);
    expect((await t.rpc.request(PlanGetRpc, { version: 1, key })).plan).toEqual(created.plan);
    expect((await t.rpc.request(PlanListRpc, { version: 1 })).items.map((p) => p.key)).toContain(key);
    expect(await auditOf('plan.created', created.plan.id)).toEqual([
      { tenant_id: null, actor_type: 'owner', data: { key, capMode: 'hard' } },
    ]);
  });

  it('refuses a taken key, bad input and unknown plans, storing nothing', async () => {
    expect(await rejection(t.rpc.request(PlanCreateRpc, { version: 1, actor: owner, plan: planInput(key) }))).toMatchObject({
      code: 'CONFLICT',
    });
    const bad = await rejection(
      t.rpc.request(PlanCreateRpc, { version: 1, actor: owner, plan: { ...planInput(`${key}-x`), monthlyFee: '1.005' } }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    const unknownFeature = { ...planInput(`${key}-x`), features: ['crm'] } as unknown as PlanInput;
    expect(await rejection(t.rpc.request(PlanCreateRpc, { version: 1, actor: owner, plan: unknownFeature }))).toMatchObject({
      code: 'VALIDATION',
    });
    const zeroLimit = { ...planInput(`${key}-x`), ipRateLimitPerMinute: 0 };
    expect(await rejection(t.rpc.request(PlanCreateRpc, { version: 1, actor: owner, plan: zeroLimit }))).toMatchObject({
      code: 'VALIDATION',
    });
    expect((await t.owner.query(`SELECT count(*)::int AS n FROM plans WHERE key = $1`, [`${key}-x`])).rows[0].n).toBe(0);
    expect(await rejection(t.rpc.request(PlanGetRpc, { version: 1, key: `${key}-none` }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('assigns a plan to a tenant: audited, evt.tenant.updated, and in the tenant config', async () => {
    const assigned = await t.rpc.request(TenantPlanAssignRpc, { version: 1, actor: owner, tenantId, planKey: key });
    expect(assigned.plan?.key).toBe(key);
    const config = await t.rpc.request(TenantConfigGetRpc, { version: 1, tenantId });
    expect(config.plan).toMatchObject({
      key,
      capMode: 'hard',
      rateLimitPerMinute: 120,
      userRateLimitPerMinute: 40,
      tenantRateLimitPerMinute: null,
      ipRateLimitPerMinute: 90,
      features: ['knowledge', 'tools'],
    });
    expect(await updatesOf(tenantId)).toEqual([expect.objectContaining({ tenantId, changedFields: ['plan'] })]);
    expect(await auditOf('tenant.plan_assigned', tenantId)).toEqual([
      { tenant_id: tenantId, actor_type: 'owner', data: { from: null, to: key } },
    ]);
    // The same plan again changes nothing.
    await t.rpc.request(TenantPlanAssignRpc, { version: 1, actor: owner, tenantId, planKey: key });
    expect(await updatesOf(tenantId)).toHaveLength(1);
    expect((await t.rpc.request(PlanGetRpc, { version: 1, key })).tenantCount).toBe(1);
  });

  it('refuses a tenant model provider the plan excludes, and a plan change that would exclude one in use', async () => {
    const refused = await rejection(
      t.rpc.request(TenantUpdateRpc, {
        version: 1,
        actor: owner,
        tenantId,
        patch: { config: { llm: { primary: { provider: 'gemini', model: 'gemini-2.0-flash' }, fallbacks: [] } } },
      }),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'config.llm' }] } });
    expect((await t.rpc.request(TenantConfigGetRpc, { version: 1, tenantId })).config.llm.primary.provider).toBe('offline');

    const clash = await rejection(t.rpc.request(PlanUpdateRpc, { version: 1, actor: owner, key, patch: { allowedProviders: ['openai'] } }));
    expect(clash).toMatchObject({ code: 'CONFLICT' });
    expect((await t.rpc.request(PlanGetRpc, { version: 1, key })).plan.allowedProviders).toEqual(['offline', 'openai']);
  });

  it('updates a plan and tells every tenant on it; refuses to delete it while a tenant is on it', async () => {
    const before = (await updatesOf(tenantId)).length;
    const updated = await t.rpc.request(PlanUpdateRpc, {
      version: 1,
      actor: owner,
      key,
      patch: { capMode: 'soft', includedMessages: null },
    });
    expect(updated.plan).toMatchObject({ capMode: 'soft', includedMessages: null, monthlyFee: '49.00' });
    expect(await updatesOf(tenantId)).toHaveLength(before + 1);
    expect(await rejection(t.rpc.request(PlanDeleteRpc, { version: 1, actor: owner, key }))).toMatchObject({ code: 'CONFLICT' });

    await t.rpc.request(TenantPlanAssignRpc, { version: 1, actor: owner, tenantId, planKey: null });
    expect((await t.rpc.request(TenantConfigGetRpc, { version: 1, tenantId })).plan).toBeNull();
    expect(await t.rpc.request(PlanDeleteRpc, { version: 1, actor: owner, key })).toEqual({ version: 1, deleted: true });
    expect(await rejection(t.rpc.request(PlanGetRpc, { version: 1, key }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers NOT_FOUND for an unknown tenant or plan on assignment', async () => {
    expect(
      await rejection(t.rpc.request(TenantPlanAssignRpc, { version: 1, actor: owner, tenantId: randomUUID(), planKey: null })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(t.rpc.request(TenantPlanAssignRpc, { version: 1, actor: owner, tenantId, planKey: `${key}-missing` })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
