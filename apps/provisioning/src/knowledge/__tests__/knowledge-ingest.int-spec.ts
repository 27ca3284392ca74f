import { createPrismaClient, TenantDb, type PrismaClient } from '@parley/persistence';
import { ingestDocument } from '../knowledge-ingest.repository';

describe('ingestDocument', () => {
  let prisma: PrismaClient;
  let tenantDb: TenantDb;
  let tenantId: string;

  beforeAll(async () => {
    prisma = createPrismaClient({ databaseUrl: process.env.TEST_DATABASE_URL as string, poolMax: 2 });
    tenantDb = new TenantDb(prisma);
    tenantId = (await prisma.tenant.create({ data: { slug: `ingest-${Date.now()}`, displayName: 'Ingest Ltd' } })).id;
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  const chunkTexts = () => tenantDb.run(tenantId, (tx) => tx.knowledgeChunk.findMany({ orderBy: { ordinal: 'asc' }, select: { text: true } }));

  it('creates, leaves an unchanged re-upload alone, and replaces chunks when the content changes', async () => {
    const v1 = await tenantDb.run(tenantId, (tx) => ingestDocument(tx, { tenantId, title: 'Prices', content: '# Prices\nCall-out £65.', sourceUri: 'file:prices.md' }));
    expect(v1).toMatchObject({ outcome: 'created', chunkCount: 1 });

    const again = await tenantDb.run(tenantId, (tx) => ingestDocument(tx, { tenantId, title: 'Prices', content: '# Prices\nCall-out £65.', sourceUri: 'file:prices.md' }));
    expect(again).toEqual({ documentId: v1.documentId, chunkCount: 1, outcome: 'unchanged' });

    const v2 = await tenantDb.run(tenantId, (tx) => ingestDocument(tx, { tenantId, title: 'Prices', content: '# Prices\nCall-out £70.\n\n## Weekends\nCall-out £99.', sourceUri: 'file:prices.md' }));
    expect(v2).toMatchObject({ outcome: 'replaced', chunkCount: 2 });
    expect(await chunkTexts()).toEqual([{ text: 'Prices\nCall-out £70.' }, { text: 'Prices > Weekends\nCall-out £99.' }]);
    expect(await tenantDb.run(tenantId, (tx) => tx.knowledgeDocument.count())).toBe(1);
  });

  it('cannot write chunks for another tenant from inside a tenant transaction', async () => {
    const other = (await prisma.tenant.create({ data: { slug: `ingest-other-${Date.now()}`, displayName: 'Other' } })).id;
    await expect(
      tenantDb.run(tenantId, (tx) => ingestDocument(tx, { tenantId: other, title: 'X', content: 'secret', sourceUri: 'file:x.md' })),
    ).rejects.toThrow();
    expect(await tenantDb.run(other, (tx) => tx.knowledgeDocument.count())).toBe(0);
  });
});
