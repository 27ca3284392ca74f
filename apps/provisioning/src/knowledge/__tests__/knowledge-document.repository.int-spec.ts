import { createHash } from 'node:crypto';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { testEnvironment } from '@parley/testing';
import { chunkDocument } from '../document.chunker';
import { storeDocument } from '../knowledge-document.repository';

describe('storeDocument (app role, RLS)', () => {
  let prisma: PrismaClient;
  let tenantDb: TenantDb;

  beforeAll(() => {
    prisma = createPrismaClient({ databaseUrl: testEnvironment().TEST_DATABASE_URL, poolMax: 5 });
    tenantDb = new TenantDb(prisma);
  });
  afterAll(() => prisma.$disconnect());

  const input = (tenantId: string, content: string) => ({
    tenantId,
    title: 'Secret',
    format: 'markdown' as const,
    audience: 'everyone' as const,
    sourceUri: null,
    contentHash: createHash('sha256').update(content).digest('hex'),
    chunks: chunkDocument(content),
    embeddings: null,
    embeddingModel: null,
  });

  it('cannot write a document or chunks for another tenant from inside a tenant transaction', async () => {
    const mine = (await prisma.tenant.create({ data: { slug: `kd-mine-${Date.now()}`, displayName: 'Mine' } })).id;
    const other = (await prisma.tenant.create({ data: { slug: `kd-other-${Date.now()}`, displayName: 'Other' } })).id;
    await expect(tenantDb.run(mine, (tx) => storeDocument(tx, input(other, '# Secret\nThe code is 1234.')))).rejects.toThrow();
    expect(await tenantDb.run(other, (tx) => tx.knowledgeDocument.count())).toBe(0);
  });

  it('refuses the same content twice under different titles with CONFLICT', async () => {
    const tenantId = (await prisma.tenant.create({ data: { slug: `kd-dup-${Date.now()}`, displayName: 'Dup' } })).id;
    await tenantDb.run(tenantId, (tx) => storeDocument(tx, input(tenantId, '# A\nSame text.')));
    await expect(
      tenantDb.run(tenantId, (tx) => storeDocument(tx, { ...input(tenantId, '# A\nSame text.'), title: 'Other title' })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await tenantDb.run(tenantId, (tx) => tx.knowledgeDocument.count())).toBe(1);
  });

  // Issue 21 (found by the fuzz suite): three simultaneous uploads of one document answered
  // 201, 201 and 500 (two replacements re-created chunk 0 side by side).
  it('stores concurrent uploads of the same document one after another: one document, its chunks whole', async () => {
    const tenantId = (await prisma.tenant.create({ data: { slug: `kd-race-${Date.now()}`, displayName: 'Race' } })).id;
    const versions = [1, 2, 3, 4].map((n) => `# Prices\nVersion ${n}.\n\n## Call-outs\nA call-out is ${60 + n} GBP.`);
    const outcomes = await Promise.allSettled(
      versions.map((content) => tenantDb.run(tenantId, (tx) => storeDocument(tx, input(tenantId, content)))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const results = outcomes.map((o) => (o as PromiseFulfilledResult<Awaited<ReturnType<typeof storeDocument>>>).value);
    expect(results.filter((r) => !r.replaced)).toHaveLength(1);
    expect(new Set(results.map((r) => r.document.id)).size).toBe(1);
    const [document] = await tenantDb.run(tenantId, (tx) => tx.knowledgeDocument.findMany({ select: { id: true, chunkCount: true } }));
    const chunks = await tenantDb.run(tenantId, (tx) =>
      tx.knowledgeChunk.findMany({ where: { documentId: document.id }, orderBy: { ordinal: 'asc' }, select: { ordinal: true } }),
    );
    expect(chunks.map((c) => c.ordinal)).toEqual([0, 1]);
    expect(document.chunkCount).toBe(2);
  });
});
