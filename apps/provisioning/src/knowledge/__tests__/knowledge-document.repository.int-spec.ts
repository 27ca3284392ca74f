import { createHash } from 'node:crypto';
import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { testEnvironment } from '@parley/testing';
import { chunkDocument } from '../chunk-document';
import { storeDocument } from '../knowledge-document.repository';

describe('storeDocument (app role, RLS)', () => {
  let prisma: PrismaClient;
  let tenantDb: TenantDb;

  beforeAll(() => {
    prisma = createPrismaClient({ databaseUrl: testEnvironment().TEST_DATABASE_URL, poolMax: 2 });
    tenantDb = new TenantDb(prisma);
  });
  afterAll(() => prisma.$disconnect());

  const input = (tenantId: string, content: string) => ({
    tenantId,
    title: 'Secret',
    format: 'markdown' as const,
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
    await expect(tenantDb.run(tenantId, (tx) => storeDocument(tx, { ...input(tenantId, '# A\nSame text.'), title: 'Other title' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await tenantDb.run(tenantId, (tx) => tx.knowledgeDocument.count())).toBe(1);
  });
});
