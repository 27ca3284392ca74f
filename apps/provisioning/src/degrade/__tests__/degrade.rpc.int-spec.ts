import { randomUUID } from 'node:crypto';
import { DegradeGetRpc, DegradeSetRpc, NO_DEGRADE, PLATFORM_TENANT_ID, TenantCreateRpc, type Actor } from '@parley/contracts';
import { rejection, startProvisioning, type ProvisioningTestApp } from '../../__tests__/provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };

describe('provisioning degrade RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  let tenantId: string;
  let otherId: string;

  const create = async (name: string) =>
    (
      await t.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: name,
        slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
        kind: 'plumber',
        timezone: 'Europe/London',
        domain: null,
      })
    ).tenant.id;
  const updatesOf = async (id: string) =>
    (
      await t.owner.query(`SELECT payload FROM outbox WHERE subject = $1 AND payload->'changedFields' ? 'degrade' ORDER BY seq`, [
        `evt.tenant.updated.${id}`,
      ])
    ).rows.map((r: { payload: Record<string, unknown> }) => r.payload);
  const auditOf = async (tenant: string | null) =>
    (
      await t.owner.query(
        `SELECT actor_type, actor_id, target_type, target_id, data FROM audit_log
          WHERE action = 'degrade.updated' AND tenant_id IS NOT DISTINCT FROM $1::uuid ORDER BY created_at, seq`,
        [tenant],
      )
    ).rows;

  beforeAll(async () => {
    t = await startProvisioning();
    tenantId = await create('Degraded');
    otherId = await create('Other');
    await t.owner.query('DELETE FROM platform_degrade_switches');
  });
  afterAll(async () => {
    await t.owner.query('DELETE FROM platform_degrade_switches');
    await t.close();
  });

  it('reads every switch off for a tenant and the platform that set nothing', async () => {
    expect(await t.rpc.request(DegradeGetRpc, { version: 1, tenantId })).toEqual({
      version: 1,
      setting: { tenantId, switches: NO_DEGRADE, reason: null, updatedAt: null, updatedBy: null },
    });
    const platform = await t.rpc.request(DegradeGetRpc, { version: 1, tenantId: null });
    expect(platform.setting).toEqual({ tenantId: null, switches: NO_DEGRADE, reason: null, updatedAt: null, updatedBy: null });
    expect(platform.degradedTenants?.some((d) => d.tenantId === tenantId)).toBe(false);
  });

  it("sets a tenant's switches with an audit row and evt.tenant.updated, and lists the tenant as degraded", async () => {
    const switches = { ...NO_DEGRADE, offlineOnly: true, leanContext: true };
    const set = await t.rpc.request(DegradeSetRpc, { version: 1, actor: owner, tenantId, switches, reason: 'provider outage' });
    expect(set.setting).toMatchObject({ tenantId, switches, reason: 'provider outage', updatedBy: owner.id });
    expect((await t.rpc.request(DegradeGetRpc, { version: 1, tenantId })).setting.switches).toEqual(switches);
    expect((await t.rpc.request(DegradeGetRpc, { version: 1, tenantId: otherId })).setting.switches).toEqual(NO_DEGRADE);

    expect(await auditOf(tenantId)).toEqual([
      {
        actor_type: 'owner',
        actor_id: owner.id,
        target_type: 'tenant',
        target_id: tenantId,
        data: { before: [], after: ['lean_context', 'offline_only'], reason: 'provider outage' },
      },
    ]);
    expect(await updatesOf(tenantId)).toEqual([expect.objectContaining({ tenantId, changedFields: ['degrade'] })]);
    const platform = await t.rpc.request(DegradeGetRpc, { version: 1, tenantId: null });
    expect(platform.degradedTenants?.filter((d) => d.tenantId === tenantId).map((d) => d.switches)).toEqual([switches]);

    // All off again: the tenant leaves the degraded list.
    await t.rpc.request(DegradeSetRpc, { version: 1, actor: owner, tenantId, switches: NO_DEGRADE, reason: null });
    const after = await t.rpc.request(DegradeGetRpc, { version: 1, tenantId: null });
    expect(after.degradedTenants?.some((d) => d.tenantId === tenantId)).toBe(false);
    expect(await auditOf(tenantId)).toHaveLength(2);
  });

  it('sets the platform switches: audited on the platform chain, announced under the platform tenant id', async () => {
    const switches = { ...NO_DEGRADE, cheaperModel: true, skipModelExtraction: true };
    const before = (await auditOf(null)).length;
    const set = await t.rpc.request(DegradeSetRpc, { version: 1, actor: owner, tenantId: null, switches, reason: 'load test' });
    expect(set.setting).toMatchObject({ tenantId: null, switches, reason: 'load test', updatedBy: owner.id });
    expect((await t.rpc.request(DegradeGetRpc, { version: 1, tenantId: null })).setting.switches).toEqual(switches);
    const audit = await auditOf(null);
    expect(audit).toHaveLength(before + 1);
    expect(audit[audit.length - 1]).toMatchObject({
      target_type: 'platform',
      target_id: null,
      data: { after: ['cheaper_model', 'skip_model_extraction'] },
    });
    expect((await updatesOf(PLATFORM_TENANT_ID)).at(-1)).toMatchObject({ tenantId: PLATFORM_TENANT_ID, changedFields: ['degrade'] });
  });

  it('an unknown tenant is NOT_FOUND and nothing is written', async () => {
    const unknown = randomUUID();
    expect(await rejection(t.rpc.request(DegradeGetRpc, { version: 1, tenantId: unknown }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(t.rpc.request(DegradeSetRpc, { version: 1, actor: owner, tenantId: unknown, switches: NO_DEGRADE, reason: null })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.owner.query('SELECT 1 FROM tenant_degrade_switches WHERE tenant_id = $1', [unknown])).rowCount).toBe(0);
  });

  it("the app role reads no tenant's switches without its tenant set (RLS)", async () => {
    await t.rpc.request(DegradeSetRpc, {
      version: 1,
      actor: owner,
      tenantId: otherId,
      switches: { ...NO_DEGRADE, leanContext: true },
      reason: null,
    });
    const app = (await import('pg')).default;
    const pool = new app.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
    try {
      expect((await pool.query('SELECT * FROM tenant_degrade_switches')).rowCount).toBe(0);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        expect((await client.query('SELECT * FROM tenant_degrade_switches WHERE tenant_id = $1', [otherId])).rowCount).toBe(0);
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});
