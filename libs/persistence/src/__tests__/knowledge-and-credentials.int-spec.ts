// Knowledge retrieval (tsvector + pgvector) and the pre-tenant credential lookups, as the app role.
import {
  createApiKey,
  createKnowledgeChunk,
  createKnowledgeDocument,
  createPlatformUser,
  createTenant,
  createTenantUser,
  type KnowledgeDocumentRow,
  type TenantRow,
  testDbEnv,
} from './fixtures';
import { createPrismaClient } from '../client/prisma-client.factory';
import { findApiKeyByPrefix, findLoginCandidates } from '../credentials/credential-lookup.repository';
import { searchChunksByEmbedding, searchChunksByText, setChunkEmbedding } from '../knowledge/knowledge-search.repository';
import { EMBEDDING_DIMENSIONS } from '../knowledge/vector-literal.util';
import { TenantDb } from '../tenant/tenant-db';
import { openDbTestContext, rejection, type DbTestContext } from './db-test-context';

/** A unit vector pointing mostly along `axis`. */
function axisVector(axis: number, noise = 0): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(noise);
  v[axis] = 1;
  return v;
}

describe('knowledge search', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let tenantA: TenantRow;
  let tenantB: TenantRow;
  let docA: KnowledgeDocumentRow;

  beforeAll(async () => {
    ctx = openDbTestContext(process.env, 2);
    db = new TenantDb(ctx.app);
    tenantA = await createTenant(ctx.owner);
    tenantB = await createTenant(ctx.owner);
    docA = await createKnowledgeDocument(ctx.owner, tenantA.id);
    const docB = await createKnowledgeDocument(ctx.owner, tenantB.id);
    await createKnowledgeChunk(ctx.owner, docA, 'We repair leaking pipes and boilers within 24 hours.', { ordinal: 0 });
    await createKnowledgeChunk(ctx.owner, docA, 'Opening hours: Monday to Friday, 8am to 6pm.', { ordinal: 1 });
    await createKnowledgeChunk(ctx.owner, docB, 'Our boilers are the best; leaking pipe repairs too.', { ordinal: 0 });
  });
  afterAll(() => ctx.close());

  it('finds chunks through the generated tsvector (stemmed English), only for the current tenant', async () => {
    const hits = await db.run(tenantA.id, (tx) => searchChunksByText(tx, { tenantId: tenantA.id, query: 'leak pipe', limit: 5 }));
    expect(hits.map((h) => h.text)).toEqual(['We repair leaking pipes and boilers within 24 hours.']);
    expect(hits[0]).toMatchObject({ documentId: docA.id, ordinal: 0 });
    expect(hits[0].score).toBeGreaterThan(0);
  });

  it('returns nothing for another tenant’s id even when asked explicitly (RLS)', async () => {
    const hits = await db.run(tenantA.id, (tx) => searchChunksByText(tx, { tenantId: tenantB.id, query: 'boilers', limit: 5 }));
    expect(hits).toEqual([]);
  });

  it('stores embeddings and ranks chunks by cosine similarity', async () => {
    const chunks = await db.run(tenantA.id, (tx) => tx.knowledgeChunk.findMany({ orderBy: { ordinal: 'asc' }, select: { id: true } }));
    await db.run(tenantA.id, async (tx) => {
      expect(await setChunkEmbedding(tx, chunks[0].id, axisVector(0, 0.01), 'test-embed')).toBe(true);
      expect(await setChunkEmbedding(tx, chunks[1].id, axisVector(1, 0.01), 'test-embed')).toBe(true);
    });
    const hits = await db.run(tenantA.id, (tx) =>
      searchChunksByEmbedding(tx, { tenantId: tenantA.id, embedding: axisVector(1), limit: 2, efSearch: 64 }),
    );
    expect(hits.map((h) => h.id)).toEqual([chunks[1].id, chunks[0].id]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('rejects an embedding of the wrong dimension', async () => {
    const err = await rejection(
      db.run(tenantA.id, (tx) => searchChunksByEmbedding(tx, { tenantId: tenantA.id, embedding: [1, 2, 3], limit: 1 })),
    );
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('credential lookups (SECURITY DEFINER, before the tenant is known)', () => {
  let ctx: DbTestContext;

  beforeAll(() => {
    ctx = openDbTestContext(process.env, 2);
  });
  afterAll(() => ctx.close());

  it('finds a tenant user by e-mail, case-insensitively, without a tenant set', async () => {
    const tenant = await createTenant(ctx.owner);
    const user = await createTenantUser(ctx.owner, tenant.id, {
      email: 'staff.member@plumber.test',
      password_hash: 'hash-1',
      role: 'tenant_agent',
    });
    await expect(findLoginCandidates(ctx.app, 'Staff.Member@Plumber.test')).resolves.toEqual([
      { userId: user.id, tenantId: tenant.id, role: 'tenant_agent', passwordHash: 'hash-1', userStatus: 'active', tenantStatus: 'active' },
    ]);
    // The table itself stays invisible to the app role without a tenant.
    await expect(ctx.app.tenantUser.count()).resolves.toBe(0);
  });

  it('finds a platform owner with tenant_id null and role owner', async () => {
    const owner = await createPlatformUser(ctx.owner, { email: 'root@parley.test', password_hash: 'hash-2' });
    await expect(findLoginCandidates(ctx.app, 'root@parley.test')).resolves.toEqual([
      { userId: owner.id, tenantId: null, role: 'owner', passwordHash: 'hash-2', userStatus: 'active', tenantStatus: null },
    ]);
  });

  it('returns nothing for an unknown e-mail or prefix', async () => {
    await expect(findLoginCandidates(ctx.app, 'nobody@nowhere.test')).resolves.toEqual([]);
    await expect(findApiKeyByPrefix(ctx.app, 'pk_does_not_exist')).resolves.toBeNull();
  });

  it('finds an API key by prefix with its tenant and status', async () => {
    const tenant = await createTenant(ctx.owner, { status: 'deactivated' });
    const expiresAt = new Date('2030-01-01T00:00:00Z');
    const key = await createApiKey(ctx.owner, tenant.id, { prefix: 'pk_lookup1', key_hash: 'bcrypt-hash', expires_at: expiresAt });
    await expect(findApiKeyByPrefix(ctx.app, 'pk_lookup1')).resolves.toEqual({
      id: key.id,
      tenantId: tenant.id,
      keyHash: 'bcrypt-hash',
      status: 'active',
      expiresAt,
      tenantStatus: 'deactivated',
    });
  });

  it('the analytics role cannot call the lookups (EXECUTE is granted to the app role only)', async () => {
    const analytics = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_ANALYTICS_URL, poolMax: 1 });
    try {
      const err = await rejection(findApiKeyByPrefix(analytics, 'pk_lookup1'));
      expect(String(err)).toContain('permission denied for function find_api_key_by_prefix');
    } finally {
      await analytics.$disconnect();
    }
  });
});
