import { randomUUID } from 'node:crypto';
import {
  SiteKeyCreateRpc,
  SiteKeyListRpc,
  SiteKeyLookupRpc,
  SiteKeyRevokeRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  WidgetDemoPageRpc,
  WidgetThemeSetRpc,
  type Actor,
} from '@parley/contracts';
import { rejection, startProvisioning, type ProvisioningTestApp } from './provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };

describe('provisioning site key and widget RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  beforeAll(async () => (t = await startProvisioning()));
  afterAll(() => t.close());

  const newTenant = () =>
    t.rpc.request(TenantCreateRpc, {
      version: 1,
      actor: owner,
      displayName: 'Widget Works',
      slug: `widget-${randomUUID().slice(0, 8)}`,
      kind: 'shop',
      timezone: 'UTC',
      domain: 'https://shop.example',
    });
  const create = (tenantId: string, revokeOthers = false) =>
    t.rpc.request(SiteKeyCreateRpc, { version: 1, actor: owner, tenantId, revokeOthers });

  it('issues pk_live_ keys, lists them with origins and the default theme, and looks one up by key', async () => {
    const { tenant } = await newTenant();
    const { siteKey } = await create(tenant.id);
    expect(siteKey).toMatchObject({ key: expect.stringMatching(/^pk_live_[A-Za-z0-9]{32}$/), status: 'active', revokedAt: null });
    const list = await t.rpc.request(SiteKeyListRpc, { version: 1, tenantId: tenant.id });
    expect(list).toEqual({
      version: 1,
      items: [siteKey],
      allowedOrigins: ['https://shop.example'],
      theme: { color: '#2563eb', name: 'Widget Works', greeting: expect.any(String), position: 'right' },
    });
    await expect(t.rpc.request(SiteKeyLookupRpc, { version: 1, key: siteKey.key })).resolves.toEqual({
      version: 1,
      siteKey: { id: siteKey.id, tenantId: tenant.id, status: 'active' },
      tenantStatus: 'active',
      tenantSlug: tenant.slug,
      allowedOrigins: ['https://shop.example'],
      theme: list.theme,
    });
  });

  it('rotates (the others are revoked and looked up as revoked), revokes one, audits both', async () => {
    const { tenant } = await newTenant();
    const first = (await create(tenant.id)).siteKey;
    const rotated = await create(tenant.id, true);
    expect(rotated.revokedKeyIds).toEqual([first.id]);
    await expect(t.rpc.request(SiteKeyLookupRpc, { version: 1, key: first.key })).resolves.toMatchObject({
      siteKey: { status: 'revoked' },
    });
    const revoked = await t.rpc.request(SiteKeyRevokeRpc, { version: 1, actor: owner, tenantId: tenant.id, siteKeyId: rotated.siteKey.id });
    expect(revoked.siteKey).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const audit = (
      await t.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND target_type = 'site_key' ORDER BY created_at`, [tenant.id])
    ).rows;
    expect(audit.map((r) => r.action)).toEqual(['site_key.created', 'site_key.rotated', 'site_key.revoked']);
  });

  it("answers NOT_FOUND for an unknown key, another tenant's key id, and a tenant without a site key's demo page", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const keyOfA = (await create(a.tenant.id)).siteKey;
    await expect(rejection(t.rpc.request(SiteKeyLookupRpc, { version: 1, key: `pk_live_${'0'.repeat(32)}` }))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      rejection(t.rpc.request(SiteKeyRevokeRpc, { version: 1, actor: owner, tenantId: b.tenant.id, siteKeyId: keyOfA.id })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rejection(t.rpc.request(WidgetDemoPageRpc, { version: 1, slug: b.tenant.slug }))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await t.rpc.request(SiteKeyListRpc, { version: 1, tenantId: b.tenant.id })).items).toEqual([]);
  });

  it('merges theme patches, serves the demo page view, and hides a deactivated tenant', async () => {
    const { tenant } = await newTenant();
    const { siteKey } = await create(tenant.id);
    await t.rpc.request(WidgetThemeSetRpc, {
      version: 1,
      actor: owner,
      tenantId: tenant.id,
      theme: { color: '#0f766e', position: 'left' },
    });
    const { theme } = await t.rpc.request(WidgetThemeSetRpc, {
      version: 1,
      actor: owner,
      tenantId: tenant.id,
      theme: { greeting: 'Hello there' },
    });
    expect(theme).toEqual({ color: '#0f766e', name: 'Widget Works', greeting: 'Hello there', position: 'left' });
    await expect(t.rpc.request(WidgetDemoPageRpc, { version: 1, slug: tenant.slug })).resolves.toEqual({
      version: 1,
      slug: tenant.slug,
      displayName: 'Widget Works',
      siteKey: siteKey.key,
      theme,
    });

    await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: tenant.id, reason: 'test' });
    await expect(rejection(t.rpc.request(WidgetDemoPageRpc, { version: 1, slug: tenant.slug }))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.rpc.request(SiteKeyLookupRpc, { version: 1, key: siteKey.key })).resolves.toMatchObject({ tenantStatus: 'deactivated' });
    await expect(rejection(create(tenant.id))).resolves.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});
