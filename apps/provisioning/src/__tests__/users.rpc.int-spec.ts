import { randomUUID } from 'node:crypto';
import { verifySecret } from '@parley/auth';
import { StaffUserCreateRpc, StaffUserListRpc, TenantCreateRpc, UserLoginRecordedRpc, UserLookupRpc, type Actor } from '@parley/contracts';
import { PrismaService } from '@parley/persistence';
import { bootstrapOwner } from '../users/owner-bootstrap.use-case';
import { rejection, startProvisioning, type ProvisioningTestApp } from './provisioning-test-app';

const ownerActor: Actor = { type: 'owner', id: randomUUID() };

describe('owner bootstrap at start', () => {
  const email = `Owner-${randomUUID().slice(0, 8)}@Parley.test`;

  it('creates the owner once, keeps the hash while the password verifies, and rewrites it when the password changes', async () => {
    const first = await startProvisioning({ owner: { email: email.toLowerCase(), password: 'first password 123' } });
    const hashOf = async () =>
      (await first.owner.query('SELECT id, password_hash FROM platform_users WHERE email = $1', [email.toLowerCase()])).rows;
    try {
      const [created] = await hashOf();
      await expect(verifySecret('first password 123', created.password_hash)).resolves.toBe(true);

      const prisma = first.app.get(PrismaService);
      await expect(bootstrapOwner(prisma, { email, password: 'first password 123', bcryptCost: 4 })).resolves.toEqual({
        id: created.id,
        outcome: 'unchanged',
      });
      expect(await hashOf()).toEqual([created]);

      await expect(bootstrapOwner(prisma, { email, password: 'second password 456', bcryptCost: 4 })).resolves.toEqual({
        id: created.id,
        outcome: 'password_updated',
      });
      const [changed] = await hashOf();
      await expect(verifySecret('second password 456', changed.password_hash)).resolves.toBe(true);
      await expect(bootstrapOwner(prisma, { email, password: 'short', bcryptCost: 4 })).rejects.toThrow(
        'OWNER_PASSWORD: password must be at least 12 characters',
      );
    } finally {
      await first.close();
    }
    const second = await startProvisioning({ owner: { email: email.toLowerCase(), password: 'second password 456' } });
    try {
      const rows = (await second.owner.query('SELECT count(*)::int AS n FROM platform_users WHERE email = $1', [email.toLowerCase()])).rows;
      expect(rows[0].n).toBe(1);
      const found = await second.rpc.request(UserLookupRpc, { version: 1, email });
      expect(found).toMatchObject({
        user: { email: email.toLowerCase(), role: 'owner', tenantId: null, status: 'active' },
        tenantStatus: null,
      });
      const recorded = await second.rpc.request(UserLoginRecordedRpc, { version: 1, userId: found.user.id, role: 'owner', tenantId: null });
      expect(Date.parse(recorded.lastLoginAt)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      await second.close();
    }
  });
});

describe('provisioning user RPCs (NATS + database, app role)', () => {
  let t: ProvisioningTestApp;
  beforeAll(async () => (t = await startProvisioning()));
  afterAll(() => t.close());

  const newTenant = () =>
    t.rpc.request(TenantCreateRpc, {
      version: 1,
      actor: ownerActor,
      displayName: 'Staff Ltd',
      slug: `staff-${randomUUID().slice(0, 8)}`,
      kind: 'shop',
      timezone: 'UTC',
      domain: null,
    });

  it('creates a staff user (email lower-cased, audit row without the password) that the login lookup finds', async () => {
    const { tenant } = await newTenant();
    const email = `Agent-${randomUUID().slice(0, 8)}@Shop.test`;
    const { user } = await t.rpc.request(StaffUserCreateRpc, {
      version: 1,
      actor: ownerActor,
      tenantId: tenant.id,
      email,
      password: 'agent password 1',
      role: 'tenant_agent',
      displayName: 'Ann',
    });
    expect(user).toMatchObject({
      tenantId: tenant.id,
      email: email.toLowerCase(),
      role: 'tenant_agent',
      status: 'active',
      displayName: 'Ann',
    });

    const found = await t.rpc.request(UserLookupRpc, { version: 1, email: email.toUpperCase() });
    expect(found).toMatchObject({
      user: { id: user.id, tenantId: tenant.id, role: 'tenant_agent', email: email.toLowerCase() },
      tenantStatus: 'active',
    });
    await expect(verifySecret('agent password 1', found.user.passwordHash)).resolves.toBe(true);
    const recorded = await t.rpc.request(UserLoginRecordedRpc, { version: 1, userId: user.id, role: 'tenant_agent', tenantId: tenant.id });
    expect(Date.parse(recorded.lastLoginAt)).toBeGreaterThan(Date.now() - 60_000);
    const seen = (await t.owner.query('SELECT last_login_at FROM tenant_users WHERE id = $1', [user.id])).rows[0];
    expect(seen.last_login_at).not.toBeNull();
    // The same user id under another tenant is not found (RLS), so nothing is recorded there.
    const other = await newTenant();
    await expect(
      rejection(t.rpc.request(UserLoginRecordedRpc, { version: 1, userId: user.id, role: 'tenant_agent', tenantId: other.tenant.id })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });

    const audit = (
      await t.owner.query(`SELECT actor_type, data FROM audit_log WHERE tenant_id = $1 AND action = 'user.created'`, [tenant.id])
    ).rows;
    expect(audit).toEqual([{ actor_type: 'owner', data: { role: 'tenant_agent' } }]);
    expect(JSON.stringify(audit)).not.toContain(email.toLowerCase());
    expect(JSON.stringify(audit)).not.toContain('agent password 1');
  });

  it("lists a tenant's staff oldest first without password hashes, and never another tenant's", async () => {
    const { tenant } = await newTenant();
    const other = await newTenant();
    const add = (tenantId: string, role: 'tenant_admin' | 'tenant_agent', name: string) =>
      t.rpc.request(StaffUserCreateRpc, {
        version: 1,
        actor: ownerActor,
        tenantId,
        email: `${name}-${randomUUID().slice(0, 8)}@shop.test`,
        password: 'staff password 1',
        role,
        displayName: name,
      });
    const admin = (await add(tenant.id, 'tenant_admin', 'Ada')).user;
    const agent = (await add(tenant.id, 'tenant_agent', 'Ben')).user;
    await add(other.tenant.id, 'tenant_agent', 'Cy');
    const { items } = await t.rpc.request(StaffUserListRpc, { version: 1, tenantId: tenant.id });
    expect(items).toEqual([
      { ...admin, lastLoginAt: null },
      { ...agent, lastLoginAt: null },
    ]);
    expect(JSON.stringify(items)).not.toMatch(/password|\$2[aby]\$/i);
    expect((await t.rpc.request(StaffUserListRpc, { version: 1, tenantId: randomUUID() })).items).toEqual([]);
  });

  it('answers CONFLICT for an email taken in another tenant or by an owner, and writes nothing', async () => {
    const a = await newTenant();
    const b = await newTenant();
    const email = `dup-${randomUUID().slice(0, 8)}@shop.test`;
    await t.rpc.request(StaffUserCreateRpc, {
      version: 1,
      actor: ownerActor,
      tenantId: a.tenant.id,
      email,
      password: 'agent password 1',
      role: 'tenant_admin',
    });
    const err = await rejection(
      t.rpc.request(StaffUserCreateRpc, {
        version: 1,
        actor: ownerActor,
        tenantId: b.tenant.id,
        email: email.toUpperCase(),
        password: 'agent password 2',
        role: 'tenant_agent',
      }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(err.details?.issues?.[0].path).toBe('email');

    const ownerEmail = `boss-${randomUUID().slice(0, 8)}@parley.test`;
    await t.owner.query(`INSERT INTO platform_users (email, password_hash) VALUES ($1, '!unusable')`, [ownerEmail]);
    await expect(
      rejection(
        t.rpc.request(StaffUserCreateRpc, {
          version: 1,
          actor: ownerActor,
          tenantId: b.tenant.id,
          email: ownerEmail,
          password: 'agent password 2',
          role: 'tenant_agent',
        }),
      ),
    ).resolves.toMatchObject({ code: 'CONFLICT' });
    const rows = (
      await t.owner.query(
        `SELECT (SELECT count(*)::int FROM tenant_users WHERE tenant_id = $1) AS users, (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1 AND action = 'user.created') AS audits`,
        [b.tenant.id],
      )
    ).rows[0];
    expect(rows).toEqual({ users: 0, audits: 0 });
  });

  it('answers VALIDATION for a blank password, NOT_FOUND for an unknown tenant or email', async () => {
    const { tenant } = await newTenant();
    await expect(
      rejection(
        t.rpc.request(StaffUserCreateRpc, {
          version: 1,
          actor: ownerActor,
          tenantId: tenant.id,
          email: 'blank@shop.test',
          password: ' '.repeat(12),
          role: 'tenant_agent',
        }),
      ),
    ).resolves.toMatchObject({ code: 'VALIDATION' });
    await expect(
      rejection(
        t.rpc.request(StaffUserCreateRpc, {
          version: 1,
          actor: ownerActor,
          tenantId: randomUUID(),
          email: 'x@shop.test',
          password: 'agent password 1',
          role: 'tenant_agent',
        }),
      ),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rejection(t.rpc.request(UserLookupRpc, { version: 1, email: 'nobody@nowhere.test' }))).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
