import { randomUUID } from 'node:crypto';
import {
  IdentityProviderCreateRpc,
  IdentityProviderDeleteRpc,
  IdentityProviderGetRpc,
  IdentityProviderListRpc,
  IdentityProviderResolveRpc,
  IdentityProviderUpdateRpc,
  StaffUserCreateRpc,
  StaffUserUpdateRpc,
  TenantCreateRpc,
  TenantDeactivateRpc,
  UserLookupRpc,
  UserTokenStateRpc,
  type Actor,
} from '@parley/contracts';
import { rejection, startProvisioning, type ProvisioningTestApp } from '../../__tests__/provisioning-test-app';

// Identity providers and staff token state (ADR 0024) over NATS against the database, as the
// app role (RLS applies).

const owner: Actor = { type: 'owner', id: randomUUID() };
const admin: Actor = { type: 'tenant_user', id: randomUUID() };

const provider = (host: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Keycloak',
  issuer: `https://${host}/realms/shop`,
  audience: 'parley-web',
  jwksUrl: `https://${host}/realms/shop/protocol/openid-connect/certs`,
  claims: { userId: 'sub', email: 'email', roles: 'realm_access.roles' },
  roleMapping: { 'shop-admin': 'tenant_admin' as const },
  status: 'active' as const,
  ...overrides,
});

describe('provisioning identity providers and token state RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  let tenantA: string;
  let tenantB: string;
  const host = `sso-${randomUUID().slice(0, 8)}.example`;

  const createTenant = async (name: string) =>
    (
      await t.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: name,
        slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}`,
        kind: 'shop',
        timezone: 'Europe/London',
        domain: null,
      })
    ).tenant.id;
  const create = (tenantId: string, input: Record<string, unknown>) =>
    t.rpc.request(IdentityProviderCreateRpc, { version: 1, actor: admin, tenantId, provider: input as never });

  beforeAll(async () => {
    t = await startProvisioning({ integrations: { secretKeys: null, activeKid: null, allowPrivateTargets: false, production: false } });
    [tenantA, tenantB] = [await createTenant('Gadgets'), await createTenant('Other')];
  });

  afterAll(async () => {
    await t?.close();
  });

  it('stores a provider with its audit row and evt.tenant.updated; another tenant neither reads nor changes it', async () => {
    const { provider: created } = await create(tenantA, provider(host));
    expect(created).toMatchObject({ tenantId: tenantA, issuer: `https://${host}/realms/shop`, status: 'active' });
    expect((await t.rpc.request(IdentityProviderListRpc, { version: 1, tenantId: tenantA })).items.map((p) => p.id)).toEqual([created.id]);
    expect((await t.rpc.request(IdentityProviderListRpc, { version: 1, tenantId: tenantB })).items).toEqual([]);
    const foreign = { version: 1 as const, tenantId: tenantB, providerId: created.id };
    expect((await rejection(t.rpc.request(IdentityProviderGetRpc, foreign))).code).toBe('NOT_FOUND');
    expect((await rejection(t.rpc.request(IdentityProviderUpdateRpc, { ...foreign, actor: admin, patch: { name: 'x' } }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await rejection(t.rpc.request(IdentityProviderDeleteRpc, { ...foreign, actor: admin }))).code).toBe('NOT_FOUND');

    const audit = await t.owner.query(`SELECT action FROM audit_log WHERE target_id = $1`, [created.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['identity_provider.created']);
    const events = await t.owner.query(`SELECT payload FROM outbox WHERE subject = $1`, [`evt.tenant.updated.${tenantA}`]);
    expect(events.rows.map((r) => r.payload.changedFields)).toContainEqual(['identity_providers']);
  });

  it('resolves an issuer to its provider and tenant status, before any tenant is known', async () => {
    const issuer = `https://resolve-${randomUUID().slice(0, 8)}.example/realms/r`;
    const { provider: created } = await create(tenantB, provider('x.example', { issuer }));
    await expect(t.rpc.request(IdentityProviderResolveRpc, { version: 1, issuer })).resolves.toMatchObject({
      provider: { id: created.id, tenantId: tenantB },
      tenantStatus: 'active',
    });
    expect((await rejection(t.rpc.request(IdentityProviderResolveRpc, { version: 1, issuer: `${issuer}/other` }))).code).toBe('NOT_FOUND');
    await t.rpc.request(TenantDeactivateRpc, { version: 1, actor: owner, tenantId: tenantB, reason: 'test' });
    await expect(t.rpc.request(IdentityProviderResolveRpc, { version: 1, issuer })).resolves.toMatchObject({ tenantStatus: 'deactivated' });
  });

  it('refuses a taken issuer, a private JWKS address and an invalid merged patch, changing nothing', async () => {
    expect(await rejection(create(tenantB, provider(host)))).toMatchObject({ code: 'CONFLICT', details: { issues: [{ path: 'issuer' }] } });
    const privateJwks = await rejection(create(tenantA, provider('p.example', { jwksUrl: 'http://127.0.0.1:8080/certs' })));
    expect(privateJwks).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'jwksUrl' }] } });
    const [stored] = (await t.rpc.request(IdentityProviderListRpc, { version: 1, tenantId: tenantA })).items;
    const badPatch = await rejection(
      t.rpc.request(IdentityProviderUpdateRpc, {
        version: 1,
        actor: admin,
        tenantId: tenantA,
        providerId: stored!.id,
        patch: { jwksUrl: 'http://10.0.0.1/certs' },
      }),
    );
    expect(badPatch).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'patch.jwksUrl' }] } });
    expect((await t.rpc.request(IdentityProviderGetRpc, { version: 1, tenantId: tenantA, providerId: stored!.id })).provider).toEqual(
      stored,
    );
  });

  it('bumps a staff user’s token version with a new status, role or password (not a name), audited, with evt.tenant.updated', async () => {
    const email = `staff-${randomUUID().slice(0, 8)}@gadgets.test`;
    const { user } = await t.rpc.request(StaffUserCreateRpc, {
      version: 1,
      actor: owner,
      tenantId: tenantA,
      email,
      password: 'correct horse battery staple',
      role: 'tenant_admin',
    });
    const state = () => t.rpc.request(UserTokenStateRpc, { version: 1, tenantId: tenantA, userId: user.id });
    expect(await state()).toMatchObject({ tokenVersion: 0, role: 'tenant_admin', status: 'active' });
    expect((await t.rpc.request(UserLookupRpc, { version: 1, email })).user.tokenVersion).toBe(0);
    const update = (patch: Record<string, unknown>, tenantId = tenantA) =>
      t.rpc.request(StaffUserUpdateRpc, { version: 1, actor: admin, tenantId, userId: user.id, patch });

    await update({ displayName: 'Dee' });
    expect((await state()).tokenVersion).toBe(0);
    await update({ role: 'tenant_agent' });
    await update({ password: 'another horse battery staple' });
    await update({ status: 'disabled' });
    await update({ status: 'disabled' });
    expect(await state()).toMatchObject({ tokenVersion: 3, role: 'tenant_agent', status: 'disabled' });
    expect((await t.rpc.request(UserLookupRpc, { version: 1, email })).user.tokenVersion).toBe(3);

    expect((await rejection(update({ status: 'active' }, tenantB))).code).toBe('NOT_FOUND');
    expect((await rejection(t.rpc.request(UserTokenStateRpc, { version: 1, tenantId: tenantB, userId: user.id }))).code).toBe('NOT_FOUND');
    expect(await rejection(update({ password: ' '.repeat(12) }))).toMatchObject({ code: 'VALIDATION' });
    expect((await state()).tokenVersion).toBe(3);

    const audit = await t.owner.query(`SELECT data FROM audit_log WHERE target_id = $1 AND action = 'user.updated' ORDER BY created_at`, [
      user.id,
    ]);
    expect(audit.rows.map((r) => r.data.tokensRevoked)).toEqual([false, true, true, true, false]);
    expect(JSON.stringify(audit.rows)).not.toContain('another horse');
    const events = await t.owner.query(`SELECT payload FROM outbox WHERE subject = $1`, [`evt.tenant.updated.${tenantA}`]);
    expect(events.rows.filter((r) => r.payload.changedFields.includes('users'))).toHaveLength(3);
  });
});
