import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { IntegrationCredentials, isWellFormedApiKey, verifySecret } from '@parley/auth';
import { createPrismaClient, findLoginCandidates, searchChunksByText, TenantDb, type PrismaClient } from '@parley/persistence';
import { loadDemoFixture } from '../demo-fixture.loader';
import { seedDemo, type DemoSeedResult } from '../demo.seeder';

const shopKeys = {
  secretKeys: new Map([['demo1', randomBytes(32)]]),
  activeKid: 'demo1',
  allowPrivateTargets: true,
  production: false,
};

// Runs the demo seed twice against the integration database as the app role (RLS applies).
describe('demo seed', () => {
  const fixture = loadDemoFixture(join(__dirname, '..', '..', '..', '..', '..', 'demo'));
  let prisma: PrismaClient;
  let tenantDb: TenantDb;
  let first: DemoSeedResult;
  let second: DemoSeedResult;

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    tenantDb = new TenantDb(prisma);
    const input = {
      fixture,
      ownerEmail: 'owner-demo@parley.test',
      bcryptCost: 4,
      gatewayOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'],
      shop: { url: 'http://127.0.0.1:3006', accessToken: 'shpat_first_run', integrations: shopKeys },
    };
    first = await seedDemo(prisma, tenantDb, input);
    second = await seedDemo(prisma, tenantDb, {
      ...input,
      shop: { ...input.shop, url: 'http://127.0.0.1:4006', accessToken: 'shpat_second_run' },
    });
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  it('creates the plumber, the restaurant, the letting agency and the shop once, then finds them again', () => {
    expect(first.tenants.map((t) => [t.slug, t.created])).toEqual([
      ['bobs-plumbing', true],
      ['la-trattoria', true],
      ['harbour-lettings', true],
      ['gadget-corner', true],
    ]);
    expect(second.tenants.map((t) => [t.slug, t.created])).toEqual([
      ['bobs-plumbing', false],
      ['la-trattoria', false],
      ['harbour-lettings', false],
      ['gadget-corner', false],
    ]);
    expect(second.tenants.map((t) => t.id)).toEqual(first.tenants.map((t) => t.id));
  });

  it('puts every demo tenant on the soft-capped demo plan, created once', async () => {
    const rows = await prisma.tenant.findMany({
      where: { id: { in: second.tenants.map((t) => t.id) } },
      select: { plan: { select: { key: true, capMode: true } } },
    });
    expect(rows.map((r) => r.plan)).toEqual(second.tenants.map(() => ({ key: 'demo', capMode: 'soft' })));
    expect(await prisma.plan.count({ where: { key: 'demo' } })).toBe(1);
  });

  it('issues a fresh well-formed key each run and revokes the previous one', async () => {
    for (const [i, tenant] of second.tenants.entries()) {
      expect(isWellFormedApiKey(tenant.apiKey)).toBe(true);
      expect(tenant.apiKey).not.toBe(first.tenants[i].apiKey);
      const keys = await tenantDb.run(tenant.id, (tx) => tx.apiKey.findMany({ orderBy: { createdAt: 'asc' } }));
      expect(keys.map((k) => k.status)).toEqual(['revoked', 'active']);
      expect(keys[1].keyHash).not.toContain(tenant.apiKey);
      await expect(verifySecret(tenant.apiKey, keys[1].keyHash)).resolves.toBe(true);
      await expect(verifySecret(first.tenants[i].apiKey, keys[1].keyHash)).resolves.toBe(false);
    }
  });

  it('stores the owner with a verifiable password hash', async () => {
    const owner = await prisma.platformUser.findUniqueOrThrow({ where: { email: 'owner-demo@parley.test' } });
    await expect(verifySecret(second.owner.password, owner.passwordHash)).resolves.toBe(true);
    await expect(verifySecret(first.owner.password, owner.passwordHash)).resolves.toBe(false);
  });

  it('replaces knowledge on re-seed (same documents and chunk counts) and keeps it searchable per tenant only', async () => {
    const [plumber, restaurant] = second.tenants;
    expect(plumber.chunks).toBe(first.tenants[0].chunks);
    expect(plumber.chunks).toBeGreaterThan(3);
    const docs = await tenantDb.run(plumber.id, (tx) => tx.knowledgeDocument.count());
    expect(docs).toBe(2);

    const own = await tenantDb.run(plumber.id, (tx) => searchChunksByText(tx, { tenantId: plumber.id, query: 'boiler service', limit: 3 }));
    expect(own[0].text).toContain('£85');
    const other = await tenantDb.run(restaurant.id, (tx) =>
      searchChunksByText(tx, { tenantId: plumber.id, query: 'boiler service', limit: 3 }),
    );
    expect(other).toEqual([]);
  });

  it('gives the restaurant and the letting agency staff-only knowledge for the staff assistant (rota, shift and sick-leave rules), which visitors never retrieve', async () => {
    const restaurant = second.tenants.find((t) => t.slug === 'la-trattoria');
    const lettings = second.tenants.find((t) => t.slug === 'harbour-lettings');
    if (!restaurant || !lettings) throw new Error('demo tenants missing');
    const staffSearch = (tenantId: string, query: string, includeStaffOnly: boolean) =>
      tenantDb.run(tenantId, async (tx) =>
        (await searchChunksByText(tx, { tenantId, query, limit: 3, includeStaffOnly })).map((c) => c.text).join(' '),
      );
    expect(await staffSearch(restaurant.id, 'staff rota Saturday', true)).toContain('Saturday: Marco Rossi');
    expect(await staffSearch(restaurant.id, 'sick leave', true)).toContain('tell the manager');
    expect(await staffSearch(lettings.id, 'call-out rota on call', true)).toContain('Tom Evans is on call');
    expect(await staffSearch(restaurant.id, 'staff rota Saturday', false)).not.toContain('Marco Rossi');
    expect(await staffSearch(lettings.id, 'call-out rota on call', false)).not.toContain('Tom Evans');
  });

  it('applies the fixture config (persona, emergency text, origins, offline model)', async () => {
    const plumber = await prisma.tenant.findUniqueOrThrow({ where: { id: second.tenants[0].id } });
    expect(plumber).toMatchObject({
      llmProvider: 'offline',
      allowedOrigins: [...fixture.tenants[0].allowedOrigins, 'http://127.0.0.1:3000', 'http://localhost:3000'],
      emergencyText: fixture.tenants[0].emergencyText,
      persona: fixture.tenants[0].persona,
    });
  });

  it('gives each tenant a publishable site key for its demo page, kept across runs (site keys are public)', () => {
    for (const [index, tenant] of second.tenants.entries()) {
      expect(tenant.siteKey).toMatch(/^pk_live_[A-Za-z0-9]{32}$/);
      expect(tenant.siteKey).toBe(first.tenants[index].siteKey);
    }
    expect(new Set(second.tenants.map((t) => t.siteKey)).size).toBe(second.tenants.length);
  });

  it('records the seed in each tenant’s audit log as the system actor', async () => {
    const rows = await tenantDb.run(second.tenants[0].id, (tx) =>
      tx.auditLog.findMany({ orderBy: { createdAt: 'asc' }, select: { action: true, actorType: true, actorId: true } }),
    );
    expect(rows.every((r) => r.actorType === 'system' && r.actorId === null)).toBe(true);
    const actions = rows.map((r) => r.action);
    for (const action of [
      'tenant.created',
      'api_key.created',
      'user.created',
      'knowledge.uploaded',
      'api_key.rotated',
      'user.password_reset',
      'knowledge.replaced',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('gives each staff login its own password, which logs in until the next run replaces it', async () => {
    const logins = second.tenants.flatMap((t) => t.staff.map((s) => ({ ...s, tenantId: t.id })));
    expect(logins.map((s) => [s.email, s.role])).toEqual([
      ['bob@bobsplumbing.example', 'tenant_admin'],
      ['giulia@latrattoria.example', 'tenant_admin'],
      ['marco@latrattoria.example', 'tenant_agent'],
      ['sam@latrattoria.example', 'tenant_agent'],
      ['priya@harbourlettings.example', 'tenant_admin'],
      ['tom@harbourlettings.example', 'tenant_agent'],
      ['dan@harbourlettings.example', 'tenant_agent'],
      ['mia@gadgetcorner.example', 'tenant_admin'],
    ]);
    expect(new Set(logins.map((s) => s.password)).size).toBe(logins.length);
    for (const [i, login] of logins.entries()) {
      expect(login.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(login.password).not.toBe(second.owner.password);
      const [user] = await findLoginCandidates(prisma, login.email);
      expect(user).toMatchObject({ role: login.role, tenantId: login.tenantId });
      await expect(verifySecret(login.password, user.passwordHash)).resolves.toBe(true);
      const previous = first.tenants.flatMap((t) => t.staff)[i];
      expect(previous.email).toBe(login.email);
      await expect(verifySecret(previous.password, user.passwordHash)).resolves.toBe(false);
    }
  });

  it('connects the shop tenant to the fake Shopify once, moved to each run’s address and token, with its tools ready', async () => {
    const shop = second.tenants.find((t) => t.slug === 'gadget-corner');
    expect(shop?.shop).toEqual({
      url: 'http://127.0.0.1:4006',
      tools: ['product_search', 'product_details', 'order_status', 'shipment_tracking'],
    });
    expect(second.tenants.filter((t) => t.slug !== 'gadget-corner').every((t) => t.shop === null)).toBe(true);
    const tenantId = shop?.id as string;
    const integrations = await tenantDb.run(tenantId, (tx) => tx.integration.findMany({ where: { tenantId } }));
    expect(integrations.map((i) => [i.name, i.kind, i.baseUrl])).toEqual([['Demo Shopify', 'shopify', 'http://127.0.0.1:4006']]);
    const opened = new IntegrationCredentials({ secretKeys: shopKeys.secretKeys as Map<string, Buffer>, activeKid: 'demo1' }).open(
      { ciphertext: integrations[0].credentialsCiphertext, keyId: integrations[0].credentialsKeyId },
      integrations[0].id,
    );
    expect(opened).toEqual({ type: 'api_key', header: 'X-Shopify-Access-Token', value: 'shpat_second_run' });
    const tools = await tenantDb.run(tenantId, (tx) =>
      tx.tenantTool.findMany({ where: { tenantId }, select: { enabled: true, integrationId: true, tool: { select: { key: true } } } }),
    );
    expect(tools.map((t) => [t.tool.key, t.enabled, t.integrationId]).sort()).toEqual(
      [
        ['order_status', true, integrations[0].id],
        ['product_details', true, integrations[0].id],
        ['product_search', true, integrations[0].id],
        ['shipment_tracking', true, integrations[0].id],
      ].sort(),
    );
  });

  // Last: a third seed, after the tests above have read the first two.
  it('uses one given staff password for every login when the caller fixes it', async () => {
    const fixed = await seedDemo(prisma, tenantDb, {
      fixture,
      ownerEmail: 'owner-demo@parley.test',
      bcryptCost: 4,
      staffPassword: 'a fixed demo staff password',
    });
    const logins = fixed.tenants.flatMap((t) => t.staff);
    expect(logins.map((s) => s.password)).toEqual(logins.map(() => 'a fixed demo staff password'));
    for (const login of logins) {
      const [user] = await findLoginCandidates(prisma, login.email);
      await expect(verifySecret('a fixed demo staff password', user.passwordHash)).resolves.toBe(true);
    }
  });
});
