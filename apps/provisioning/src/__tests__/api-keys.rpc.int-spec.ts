import { randomUUID } from 'node:crypto';
import { ApiKeyLookupRpc, TenantCreateRpc, TenantDeactivateRpc, TenantKeyListRpc, TenantRotateKeyRpc, type Actor } from '@parley/contracts';
import { rejection, startProvisioning, type ProvisioningTestApp } from './provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };

describe('provisioning API key RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  beforeAll(async () => (t = await startProvisioning()));
  afterAll(() => t.close());

  const newTenant = () =>
    t.rpc.request(TenantCreateRpc, {
      version: 1,
      actor: owner,
      displayName: 'Keys Ltd',
      slug: `keys-${randomUUID().slice(0, 8)}`,
      kind: 'shop',
      timezone: 'UTC',
      domain: null,
    });
  const lookup = (prefix: string) => t.rpc.request(ApiKeyLookupRpc, { version: 1, prefix });
  const keyRow = async (id: string) =>
    (await t.owner.query('SELECT status, revoked_at, expires_at, last_used_at FROM api_keys WHERE id = $1', [id])).rows[0];

  it('looks a key up by prefix with its hash, status, expiry and tenant status, and records last use once a minute', async () => {
    const { tenant, apiKey } = await newTenant();
    const found = await lookup(apiKey.prefix);
    expect(found).toEqual({
      version: 1,
      apiKey: {
        id: apiKey.id,
        tenantId: tenant.id,
        prefix: apiKey.prefix,
        hash: expect.stringMatching(/^\$2[aby]\$/),
        status: 'active',
        expiresAt: null,
      },
      tenantStatus: 'active',
    });
    const firstUse = (await keyRow(apiKey.id)).last_used_at as Date;
    expect(firstUse).toBeInstanceOf(Date);
    await lookup(apiKey.prefix);
    expect((await keyRow(apiKey.id)).last_used_at).toEqual(firstUse);
  });

  it('answers NOT_FOUND for an unknown prefix', async () => {
    await expect(rejection(lookup('sk_live_0000000000'))).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rotates with grace 0: the old key is revoked now (status, revoked_at), the new one returned once', async () => {
    const { tenant, apiKey: old } = await newTenant();
    const res = await t.rpc.request(TenantRotateKeyRpc, { version: 1, actor: owner, tenantId: tenant.id, graceSeconds: 0 });
    expect(res.retiredKeyIds).toEqual([old.id]);
    expect(res.apiKey.key.startsWith(res.apiKey.prefix)).toBe(true);
    expect(Date.parse(res.retiresAt)).toBeLessThanOrEqual(Date.now());
    const row = await keyRow(old.id);
    expect(row.status).toBe('revoked');
    expect(row.revoked_at).toBeInstanceOf(Date);
    await expect(lookup(old.prefix)).resolves.toMatchObject({ apiKey: { status: 'revoked' } });
    await expect(lookup(res.apiKey.prefix)).resolves.toMatchObject({ apiKey: { id: res.apiKey.id, status: 'active', expiresAt: null } });

    const outbox = (await t.owner.query(`SELECT payload FROM outbox WHERE subject = $1`, [`evt.tenant.key_rotated.${tenant.id}`])).rows;
    expect(outbox).toEqual([
      { payload: expect.objectContaining({ newKeyId: res.apiKey.id, newKeyPrefix: res.apiKey.prefix, revokedKeyIds: [old.id] }) },
    ]);
    const audit = (
      await t.owner.query(`SELECT actor_id, data FROM audit_log WHERE tenant_id = $1 AND action = 'api_key.rotated'`, [tenant.id])
    ).rows;
    expect(audit).toEqual([{ actor_id: owner.id, data: expect.objectContaining({ graceSeconds: 0, retiredKeyIds: [old.id] }) }]);
    expect(JSON.stringify(audit)).not.toContain(res.apiKey.key);
  });

  it('rotates with a grace period: the old key stays active until expires_at = retiresAt', async () => {
    const { tenant, apiKey: old } = await newTenant();
    const res = await t.rpc.request(TenantRotateKeyRpc, { version: 1, actor: owner, tenantId: tenant.id, graceSeconds: 3600 });
    const retiresAt = Date.parse(res.retiresAt);
    expect(retiresAt).toBeGreaterThan(Date.now() + 3500_000);
    const found = await lookup(old.prefix);
    expect(found.apiKey.status).toBe('active');
    expect(Date.parse(found.apiKey.expiresAt as string)).toBe(retiresAt);

    const listed = await t.rpc.request(TenantKeyListRpc, { version: 1, tenantId: tenant.id });
    expect(listed.items.map((k) => [k.id, k.status, k.expiresAt === null ? null : Date.parse(k.expiresAt)])).toEqual([
      [res.apiKey.id, 'active', null],
      [old.id, 'active', retiresAt],
    ]);
    expect(JSON.stringify(listed)).not.toContain('$2');
  });

  it('rotates only the keys named, and answers NOT_FOUND for a key that is not an active key of the tenant', async () => {
    const a = await newTenant();
    const b = await newTenant();
    const err = await rejection(
      t.rpc.request(TenantRotateKeyRpc, { version: 1, actor: owner, tenantId: a.tenant.id, revokeKeyIds: [b.apiKey.id], graceSeconds: 0 }),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect((await keyRow(b.apiKey.id)).status).toBe('active');
    expect((await t.owner.query('SELECT count(*)::int AS n FROM api_keys WHERE tenant_id = $1', [a.tenant.id])).rows[0].n).toBe(1);
  });

  it('keeps answering lookups of a deactivated tenant’s key (the gateway answers 403), and refuses to rotate its keys', async () => {
    const { tenant, apiKey } = await newTenant();
    await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: tenant.id, reason: 'closed' });
    await expect(lookup(apiKey.prefix)).resolves.toMatchObject({ apiKey: { status: 'active' }, tenantStatus: 'deactivated' });
    await expect(
      rejection(t.rpc.request(TenantRotateKeyRpc, { version: 1, actor: owner, tenantId: tenant.id, graceSeconds: 0 })),
    ).resolves.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});
