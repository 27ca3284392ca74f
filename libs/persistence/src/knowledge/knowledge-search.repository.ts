// Retrieval over knowledge_chunks. Both searches run inside TenantDb.run() (RLS) and filter
// on tenant_id explicitly as well, so the tenant predicate is visible in every plan.
import type { TenantTx } from '../client/prisma.types';
import { toVectorLiteral } from './vector-literal.util';

export interface ChunkHit {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  /** ts_rank_cd for text search; cosine similarity (1 - distance) for vector search. */
  score: number;
}

export interface TextSearchInput {
  tenantId: string;
  /** Free text; parsed with websearch_to_tsquery('english', ...), the config of the generated column. */
  query: string;
  limit: number;
  /** Also staff-only chunks (metadata audience `staff`); visitors never get them. */
  includeStaffOnly?: boolean;
}

export interface VectorSearchInput {
  tenantId: string;
  embedding: readonly number[];
  limit: number;
  /** HNSW candidate list size (hnsw.ef_search, default 40 in pgvector). */
  efSearch?: number;
  /** Also staff-only chunks (metadata audience `staff`); visitors never get them. */
  includeStaffOnly?: boolean;
}

type HitRow = { id: string; document_id: string; ordinal: number; text: string; score: number };

const toHit = (row: HitRow): ChunkHit => ({
  id: row.id,
  documentId: row.document_id,
  ordinal: row.ordinal,
  text: row.text,
  score: Number(row.score),
});

/** Full-text search on the generated tsvector column (GIN index). */
export async function searchChunksByText(tx: TenantTx, input: TextSearchInput): Promise<ChunkHit[]> {
  const rows = await tx.$queryRaw<HitRow[]>`
    SELECT c.id::text AS id, c.document_id::text AS document_id, c.ordinal, c.text,
           ts_rank_cd(c.search, q)::float8 AS score
      FROM knowledge_chunks c, websearch_to_tsquery('english', ${input.query}) q
     WHERE c.tenant_id = ${input.tenantId}::uuid AND c.search @@ q
       AND (${input.includeStaffOnly ?? false} OR NOT c.metadata @> '{"audience":"staff"}'::jsonb)
     ORDER BY score DESC, c.id
     LIMIT ${input.limit}`;
  return rows.map(toHit);
}

/**
 * Cosine similarity search (HNSW). hnsw.iterative_scan = relaxed_order (pgvector 0.8) keeps
 * scanning the graph until `limit` rows pass the tenant filter, so a small tenant in a big
 * table still gets k results; the outer ORDER BY restores exact order.
 */
export async function searchChunksByEmbedding(tx: TenantTx, input: VectorSearchInput): Promise<ChunkHit[]> {
  const vector = toVectorLiteral(input.embedding);
  await tx.$queryRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
  if (input.efSearch) await tx.$queryRaw`SELECT set_config('hnsw.ef_search', ${String(input.efSearch)}, true)`;
  const rows = await tx.$queryRaw<HitRow[]>`
    WITH nearest AS MATERIALIZED (
      SELECT c.id, c.document_id, c.ordinal, c.text, c.embedding <=> ${vector}::vector AS distance
        FROM knowledge_chunks c
       WHERE c.tenant_id = ${input.tenantId}::uuid AND c.embedding IS NOT NULL
         AND (${input.includeStaffOnly ?? false} OR NOT c.metadata @> '{"audience":"staff"}'::jsonb)
       ORDER BY c.embedding <=> ${vector}::vector
       LIMIT ${input.limit})
    SELECT id::text AS id, document_id::text AS document_id, ordinal, text, (1 - distance)::float8 AS score
      FROM nearest ORDER BY distance, id`;
  return rows.map(toHit);
}

/** Stores a chunk's embedding (the column is Unsupported in the Prisma model). */
export async function setChunkEmbedding(tx: TenantTx, chunkId: string, embedding: readonly number[], model: string): Promise<boolean> {
  const vector = toVectorLiteral(embedding);
  const updated = await tx.$executeRaw`
    UPDATE knowledge_chunks SET embedding = ${vector}::vector, embedding_model = ${model} WHERE id = ${chunkId}::uuid`;
  return updated === 1;
}
