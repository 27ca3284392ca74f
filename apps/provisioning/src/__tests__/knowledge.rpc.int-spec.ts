import { randomUUID } from 'node:crypto';
import {
  KnowledgeDeleteRpc,
  KnowledgeListRpc,
  KnowledgeSearchRpc,
  KnowledgeUploadRpc,
  TenantCreateRpc,
  type Actor,
} from '@parley/contracts';
import { createEmbedder } from '@parley/llm';
import { startMockLlm, type MockLlm } from '@parley/testing';
import { rejection, startProvisioning, type ProvisioningTestApp } from './provisioning-test-app';

const owner: Actor = { type: 'owner', id: randomUUID() };

const PRICES_V1 = '# Prices\nBoiler service costs £85.\n\n## Call-outs\nA call-out is £65 on weekdays.';
const PRICES_V2 =
  '# Prices\nBoiler service costs £95.\n\n## Call-outs\nA call-out is £70 on weekdays.\n\n## Weekends\nWeekend call-outs are £99.';

describe('provisioning knowledge RPCs', () => {
  let t: ProvisioningTestApp;
  let mock: MockLlm;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    mock = await startMockLlm();
    t = await startProvisioning({}, createEmbedder({ provider: 'openai', baseUrl: mock.url, model: 'mock-embedding', apiKey: 'test-key' }));
    const create = (name: string) =>
      t.rpc.request(TenantCreateRpc, {
        version: 1,
        actor: owner,
        displayName: name,
        slug: `${name}-${randomUUID().slice(0, 8)}`,
        kind: 'plumber',
        timezone: 'UTC',
        domain: null,
      });
    tenantA = (await create('kb-a')).tenant.id;
    tenantB = (await create('kb-b')).tenant.id;
  });
  afterAll(async () => {
    await t.close();
    await mock.close();
  });

  const upload = (tenantId: string, title: string, content: string, sourceUri?: string) =>
    t.rpc.request(KnowledgeUploadRpc, { version: 1, actor: owner, tenantId, title, format: 'markdown', content, sourceUri });
  const chunksOf = async (documentId: string) =>
    (
      await t.owner.query(
        'SELECT text, embedding IS NOT NULL AS embedded, embedding_model FROM knowledge_chunks WHERE document_id = $1 ORDER BY ordinal',
        [documentId],
      )
    ).rows;

  it('chunks, embeds and stores an upload, then replaces its chunks on re-upload of the same title (same id)', async () => {
    const first = await upload(tenantA, 'Prices', PRICES_V1);
    expect(first).toMatchObject({
      replaced: false,
      document: { tenantId: tenantA, title: 'Prices', format: 'markdown', status: 'ready', chunkCount: 2, embedded: true, sourceUri: null },
    });
    expect(await chunksOf(first.document.id)).toEqual([
      { text: 'Prices\nBoiler service costs £85.', embedded: true, embedding_model: 'mock-embedding' },
      { text: 'Prices > Call-outs\nA call-out is £65 on weekdays.', embedded: true, embedding_model: 'mock-embedding' },
    ]);

    const second = await upload(tenantA, 'Prices', PRICES_V2);
    expect(second).toMatchObject({ replaced: true, document: { id: first.document.id, chunkCount: 3 } });
    expect((await chunksOf(first.document.id)).map((c) => c.text)).toEqual([
      'Prices\nBoiler service costs £95.',
      'Prices > Call-outs\nA call-out is £70 on weekdays.',
      'Prices > Weekends\nWeekend call-outs are £99.',
    ]);
    expect((await t.owner.query('SELECT count(*)::int AS n FROM knowledge_chunks WHERE tenant_id = $1', [tenantA])).rows[0].n).toBe(3);

    const audit = (
      await t.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND target_id = $2 ORDER BY created_at`, [
        tenantA,
        first.document.id,
      ])
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['knowledge.uploaded', 'knowledge.replaced']);
  });

  it('replaces by sourceUri when one is given, even under a new title', async () => {
    const first = await upload(tenantA, 'FAQ', '# FAQ\nWe cover Leeds.', 'file:faq.md');
    const second = await upload(tenantA, 'Questions', '# FAQ\nWe cover Leeds and York.', 'file:faq.md');
    expect(second).toMatchObject({ replaced: true, document: { id: first.document.id, title: 'Questions', sourceUri: 'file:faq.md' } });
  });

  it('searches by full text and vector, fused; the query is embedded through the embedder', async () => {
    const before = mock.requests.length;
    const res = await t.rpc.request(KnowledgeSearchRpc, { version: 1, tenantId: tenantA, query: 'Weekend call-outs are £99.', limit: 3 });
    expect(mock.requests.length).toBe(before + 1);
    // The mock's vectors are random-like, so the fused order of this paraphrase is not asserted.
    const weekend = res.items.find((h) => h.text === 'Prices > Weekends\nWeekend call-outs are £99.');
    expect(weekend).toMatchObject({ title: 'Prices' });
    expect(weekend?.matchedBy).toContain('fulltext');
    // The mock's vectors are hashes of the exact text: only the exact chunk text is nearest, so
    // that chunk is first for both retrievers: 1/61 + 1/61.
    const exact = await t.rpc.request(KnowledgeSearchRpc, {
      version: 1,
      tenantId: tenantA,
      query: 'Prices > Weekends\nWeekend call-outs are £99.',
      limit: 3,
    });
    expect(exact.items[0]).toMatchObject({ text: 'Prices > Weekends\nWeekend call-outs are £99.', matchedBy: ['fulltext', 'vector'] });
    expect(exact.items[0].score).toBeCloseTo(2 / 61, 10);
  });

  it('lists documents newest first with cursors', async () => {
    const page1 = await t.rpc.request(KnowledgeListRpc, { version: 1, tenantId: tenantA, limit: 1, cursor: null });
    expect(page1.items.map((d) => d.title)).toEqual(['Questions']);
    const page2 = await t.rpc.request(KnowledgeListRpc, { version: 1, tenantId: tenantA, limit: 1, cursor: page1.nextCursor });
    expect(page2.items.map((d) => d.title)).toEqual(['Prices']);
    expect(page2.nextCursor).toBeNull();
  });

  it('keeps tenants apart: B cannot list, search or delete A’s documents', async () => {
    const { document } = await upload(tenantA, 'Secret', '# Secret\nThe spare key is under the mat.');
    expect((await t.rpc.request(KnowledgeListRpc, { version: 1, tenantId: tenantB, limit: 50, cursor: null })).items).toEqual([]);
    expect(
      (await t.rpc.request(KnowledgeSearchRpc, { version: 1, tenantId: tenantB, query: 'spare key under the mat', limit: 5 })).items,
    ).toEqual([]);
    const err = await rejection(
      t.rpc.request(KnowledgeDeleteRpc, { version: 1, actor: owner, tenantId: tenantB, documentId: document.id }),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect(await chunksOf(document.id)).toHaveLength(1);
  });

  it('deletes a document with its chunks (audited); unknown documents are NOT_FOUND', async () => {
    const { document } = await upload(tenantB, 'Hours', '# Hours\nOpen 8 to 6.');
    const res = await t.rpc.request(KnowledgeDeleteRpc, { version: 1, actor: owner, tenantId: tenantB, documentId: document.id });
    expect(res).toEqual({ version: 1, documentId: document.id, deletedChunks: 1 });
    expect(await chunksOf(document.id)).toEqual([]);
    expect(
      (await t.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = 'knowledge.deleted'`, [document.id]))
        .rows[0].n,
    ).toBe(1);
    await expect(
      rejection(t.rpc.request(KnowledgeDeleteRpc, { version: 1, actor: owner, tenantId: tenantB, documentId: document.id })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes a document once when two deletes race: the other is NOT_FOUND, never INTERNAL', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { document } = await upload(tenantB, `Race ${round}`, '# Race\nTwo deletes at once.');
      const del = () => t.rpc.request(KnowledgeDeleteRpc, { version: 1, actor: owner, tenantId: tenantB, documentId: document.id });
      const outcomes = await Promise.allSettled([del(), del(), del()]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'NOT_FOUND' });
      expect(await chunksOf(document.id)).toEqual([]);
    }
  });

  it('refuses a document without text, or for an unknown tenant, and stores nothing', async () => {
    await expect(rejection(upload(tenantB, 'Empty', '# Heading only\n\n'))).resolves.toMatchObject({ code: 'VALIDATION' });
    await expect(rejection(upload(randomUUID(), 'Orphan', 'Some text.'))).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.owner.query(`SELECT count(*)::int AS n FROM knowledge_documents WHERE title IN ('Empty', 'Orphan')`)).rows[0].n).toBe(
      0,
    );
  });

  it('stores a document for full-text search only when the embedding provider fails', async () => {
    mock.enqueueEmbeddings({ type: 'error', status: 500, message: 'embedding backend down' });
    const { document } = await upload(tenantB, 'Parking', '# Parking\nFree parking behind the shop.');
    expect(document).toMatchObject({ embedded: false, chunkCount: 1, status: 'ready' });
    expect(await chunksOf(document.id)).toEqual([
      { text: 'Parking\nFree parking behind the shop.', embedded: false, embedding_model: null },
    ]);
    const hits = await t.rpc.request(KnowledgeSearchRpc, { version: 1, tenantId: tenantB, query: 'parking', limit: 3 });
    expect(hits.items.map((h) => h.documentId)).toEqual([document.id]);
  });
});
