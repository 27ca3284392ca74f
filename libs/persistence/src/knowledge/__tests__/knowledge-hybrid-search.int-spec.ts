// searchKnowledge as the app role (RLS applies): fusion order, tenant isolation, and the HNSW
// iterative scan that lets a tenant's filtered vector search return k rows.
import type pg from 'pg';
import {
  createKnowledgeChunk,
  createKnowledgeDocument,
  createTenant,
  type KnowledgeDocumentRow,
  type TenantRow,
} from '../../__tests__/fixtures';
import { openDbTestContext, type DbTestContext } from '../../__tests__/db-test-context';
import { TenantDb } from '../../tenant/tenant-db';
import { RRF_K, searchKnowledge } from '../knowledge-hybrid-search.repository';
import { EMBEDDING_DIMENSIONS } from '../vector-literal.util';

/** A unit-ish vector pointing mostly along `axis`. */
function axisVector(axis: number, noise = 0.01): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(noise);
  v[axis] = 1;
  return v;
}
const literal = (v: number[]) => `[${v.join(',')}]`;

async function chunk(owner: pg.Pool, doc: KnowledgeDocumentRow, ordinal: number, text: string, embedding?: number[]): Promise<string> {
  const row = await createKnowledgeChunk(owner, doc, text, { ordinal });
  if (embedding) await owner.query('UPDATE knowledge_chunks SET embedding = $1::vector WHERE id = $2', [literal(embedding), row.id]);
  return row.id;
}

describe('searchKnowledge', () => {
  let ctx: DbTestContext;
  let db: TenantDb;
  let plumber: TenantRow;
  let bakery: TenantRow;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = openDbTestContext(process.env, 2);
    db = new TenantDb(ctx.app);
    plumber = await createTenant(ctx.owner);
    bakery = await createTenant(ctx.owner);
    const prices = await createKnowledgeDocument(ctx.owner, plumber.id, { title: 'Prices' });
    const hours = await createKnowledgeDocument(ctx.owner, plumber.id, { title: 'Opening hours' });
    // "boiler" in text, no embedding (the vector retriever returns every embedded chunk here).
    ids.textOnly = await chunk(ctx.owner, prices, 0, 'Boiler service costs £85 including parts check.');
    // Both retrievers: text matches and the vector is the nearest.
    ids.both = await chunk(ctx.owner, prices, 1, 'Annual boiler repair visits are £120.', axisVector(1));
    // Vector only: no word of the query, but close in embedding space.
    ids.vectorOnly = await chunk(ctx.owner, hours, 0, 'We are open Monday to Friday, 8am to 6pm.', axisVector(1, 0.05));
    const bakeryDoc = await createKnowledgeDocument(ctx.owner, bakery.id, { title: 'Bakery boilers' });
    ids.otherTenant = await chunk(ctx.owner, bakeryDoc, 0, 'Our bread oven boiler repair is free.', axisVector(1));
  });
  afterAll(() => ctx.close());

  it('fuses full-text and vector hits by reciprocal rank (k = 60) and names the retrievers', async () => {
    const hits = await db.run(plumber.id, (tx) =>
      searchKnowledge(tx, { tenantId: plumber.id, query: 'boiler repair', embedding: axisVector(1), limit: 5 }),
    );
    // `both` is first in each list; the other two are second in one list each: a tie broken by id.
    expect(hits.map((h) => h.chunkId)).toEqual([ids.both, ...[ids.vectorOnly, ids.textOnly].sort()]);
    expect(hits[0]).toMatchObject({ title: 'Prices', matchedBy: ['fulltext', 'vector'], text: 'Annual boiler repair visits are £120.' });
    expect(hits[0].score).toBeCloseTo(2 / (RRF_K + 1), 10);
    const byId = new Map(hits.map((h) => [h.chunkId, h]));
    expect(byId.get(ids.vectorOnly)).toMatchObject({ title: 'Opening hours', matchedBy: ['vector'] });
    expect(byId.get(ids.vectorOnly)?.score).toBeCloseTo(1 / (RRF_K + 2), 10);
    expect(byId.get(ids.textOnly)).toMatchObject({ title: 'Prices', matchedBy: ['fulltext'] });
    expect(byId.get(ids.textOnly)?.score).toBeCloseTo(1 / (RRF_K + 2), 10);
  });

  it('matches any word of a natural question with full text alone when there is no embedding', async () => {
    const hits = await db.run(plumber.id, (tx) =>
      searchKnowledge(tx, { tenantId: plumber.id, query: 'How much does a boiler service cost?', embedding: null, limit: 5 }),
    );
    expect(hits[0]).toMatchObject({ chunkId: ids.textOnly, matchedBy: ['fulltext'] });
    expect(hits.map((h) => h.chunkId)).toEqual([ids.textOnly, ids.both]);
    expect(hits.every((h) => h.matchedBy.length === 1 && h.matchedBy[0] === 'fulltext')).toBe(true);
  });

  it('returns nothing for a query of stop words only, and respects the limit', async () => {
    expect(
      await db.run(plumber.id, (tx) => searchKnowledge(tx, { tenantId: plumber.id, query: 'the and of', embedding: null, limit: 5 })),
    ).toEqual([]);
    const one = await db.run(plumber.id, (tx) =>
      searchKnowledge(tx, { tenantId: plumber.id, query: 'boiler', embedding: axisVector(1), limit: 1 }),
    );
    expect(one).toHaveLength(1);
  });

  it('never returns another tenant’s chunks, even when asked for that tenant id', async () => {
    const own = await db.run(bakery.id, (tx) =>
      searchKnowledge(tx, { tenantId: bakery.id, query: 'boiler repair', embedding: axisVector(1), limit: 10 }),
    );
    expect(own.map((h) => h.chunkId)).toEqual([ids.otherTenant]);
    const crossed = await db.run(bakery.id, (tx) =>
      searchKnowledge(tx, { tenantId: plumber.id, query: 'boiler repair', embedding: axisVector(1), limit: 10 }),
    );
    expect(crossed).toEqual([]);
  });

  it('keeps staff-only knowledge from visitors, by text and by vector, and gives it to the staff assistant', async () => {
    const rota = await createKnowledgeDocument(ctx.owner, bakery.id, { title: 'Staff rota' });
    const staffChunk = await chunk(ctx.owner, rota, 0, 'Staff rota: Marco works the Friday oven shift', axisVector(7));
    await ctx.owner.query(`UPDATE knowledge_chunks SET metadata = '{"audience":"staff"}'::jsonb WHERE id = $1`, [staffChunk]);
    const asVisitor = await db.run(bakery.id, (tx) =>
      searchKnowledge(tx, { tenantId: bakery.id, query: 'Friday oven shift rota', embedding: axisVector(7), limit: 10 }),
    );
    expect(asVisitor.map((h) => h.chunkId)).not.toContain(staffChunk);
    const asStaff = await db.run(bakery.id, (tx) =>
      searchKnowledge(tx, {
        tenantId: bakery.id,
        query: 'Friday oven shift rota',
        embedding: axisVector(7),
        limit: 10,
        includeStaffOnly: true,
      }),
    );
    expect(asStaff[0]).toMatchObject({ chunkId: staffChunk, matchedBy: ['fulltext', 'vector'] });
  });

  describe('HNSW iterative scan', () => {
    let small: TenantRow;
    let smallChunkIds: string[];
    const query = Array.from({ length: EMBEDDING_DIMENSIONS }, () => Math.random() - 0.5);

    beforeAll(async () => {
      // Random directions for everyone: 400 chunks of a big tenant, 12 of a small one. A plain
      // HNSW scan with ef_search 10 visits ~10 rows in all, nearly none of them the small tenant's.
      const big = await createTenant(ctx.owner);
      const bigDoc = await createKnowledgeDocument(ctx.owner, big.id);
      small = await createTenant(ctx.owner);
      const smallDoc = await createKnowledgeDocument(ctx.owner, small.id);
      const insertRandom = (tenantId: string, documentId: string, count: number) =>
        ctx.owner.query<{ id: string }>(
          `INSERT INTO knowledge_chunks (tenant_id, document_id, ordinal, text, embedding)
           SELECT $1::uuid, $2::uuid, g, 'note ' || g,
                  (SELECT array_agg(random() - 0.5 + g * 0 ORDER BY d) FROM generate_series(1, ${EMBEDDING_DIMENSIONS}) d)::vector
             FROM generate_series(0, $3::int - 1) g
           RETURNING id::text`,
          [tenantId, documentId, count],
        );
      await insertRandom(big.id, bigDoc.id, 400);
      smallChunkIds = (await insertRandom(small.id, smallDoc.id, 12)).rows.map((r) => r.id);
      await ctx.owner.query('ANALYZE knowledge_chunks');
    });

    /** Runs a tenant's vector-only search with the planner pushed onto the HNSW index. */
    const vectorSearch = (iterative: boolean) =>
      db.run(small.id, async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off');
        await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
        const hits = await searchKnowledge(tx, { tenantId: small.id, query: '', embedding: query, limit: 10, efSearch: 10 });
        if (!iterative) {
          // Same statement with the iterative scan switched off again: what pgvector < 0.8 did.
          await tx.$executeRawUnsafe('SET LOCAL hnsw.iterative_scan = off');
          const plain = await tx.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT count(*) AS n FROM (SELECT id FROM knowledge_chunks WHERE tenant_id = $1::uuid AND embedding IS NOT NULL
               ORDER BY embedding <=> $2::vector LIMIT 10) s`,
            small.id,
            literal(query),
          );
          return { hits, plainCount: Number(plain[0].n) };
        }
        const setting = await tx.$queryRawUnsafe<{ v: string }[]>(`SELECT current_setting('hnsw.iterative_scan') AS v`);
        return { hits, setting: setting[0].v };
      });

    it('uses the HNSW index for the filtered query', async () => {
      const plan = await db.run(small.id, async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        await tx.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off');
        await tx.$executeRawUnsafe('SET LOCAL enable_sort = off');
        return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT id FROM knowledge_chunks WHERE tenant_id = $1::uuid AND embedding IS NOT NULL ORDER BY embedding <=> $2::vector LIMIT 10`,
          small.id,
          literal(query),
        );
      });
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('knowledge_chunks_embedding_idx');
    });

    it('returns k rows for a small tenant with relaxed_order, where a plain HNSW scan returns fewer', async () => {
      const withScan = await vectorSearch(true);
      expect(withScan.setting).toBe('relaxed_order');
      expect(withScan.hits).toHaveLength(10);
      expect(withScan.hits.every((h) => smallChunkIds.includes(h.chunkId) && h.matchedBy.join() === 'vector')).toBe(true);

      const withoutScan = await vectorSearch(false);
      expect(withoutScan.plainCount).toBeLessThan(10);
    });
  });
});
