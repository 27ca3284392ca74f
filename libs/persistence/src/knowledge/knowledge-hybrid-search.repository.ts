// Hybrid retrieval for RAG: full-text search always, pgvector similarity when the caller has
// an embedding of the query, fused by reciprocal rank (RRF). Runs inside TenantDb.run() (RLS)
// and filters on tenant_id in SQL as well.
import type { TenantTx } from '../client/prisma.types';
import { searchChunksByEmbedding, type ChunkHit } from './knowledge-search.repository';

export type KnowledgeRetriever = 'fulltext' | 'vector';

export interface KnowledgeSearchInput {
  tenantId: string;
  query: string;
  /** Embedding of `query`; null when no embedding provider is configured. */
  embedding: readonly number[] | null;
  limit: number;
  /** HNSW candidate list size for the vector retriever (hnsw.ef_search); pgvector's default when omitted. */
  efSearch?: number;
  /** Also staff-only knowledge (documents uploaded with audience `staff`); visitors never get it. */
  includeStaffOnly?: boolean;
}

export interface KnowledgeSearchHit {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  /** Reciprocal-rank-fusion score: sum over retrievers of 1 / (RRF_K + rank). Higher is better. */
  score: number;
  /** Retrievers that found the chunk, in a fixed order (fulltext first). */
  matchedBy: KnowledgeRetriever[];
}

/** The usual RRF constant (Cormack et al. 2009): damps the weight of the very first ranks. */
export const RRF_K = 60;
/** Each retriever returns more candidates than asked, so fusion has something to re-order. */
const CANDIDATE_FACTOR = 3;
const MIN_CANDIDATES = 20;

type TextRow = { id: string; document_id: string; ordinal: number; text: string; score: number };

/**
 * Full-text candidates. Words are OR-ed (a visitor's question rarely contains every word of the
 * answer); ts_rank_cd ranks chunks matching more and closer words first. The query goes
 * through plainto_tsquery (English stemming, stop words dropped, no operator syntax), and its
 * AND-ed form is turned into an OR-ed one: lexemes are quoted in tsquery's text form, so the
 * ' & ' separators are the only place that sequence can occur.
 */
async function fullTextCandidates(
  tx: TenantTx,
  tenantId: string,
  query: string,
  limit: number,
  includeStaffOnly: boolean,
): Promise<ChunkHit[]> {
  const rows = await tx.$queryRaw<TextRow[]>`
    WITH q AS (SELECT replace(plainto_tsquery('english', ${query})::text, ' & ', ' | ')::tsquery AS q)
    SELECT c.id::text AS id, c.document_id::text AS document_id, c.ordinal, c.text,
           ts_rank_cd(c.search, q.q)::float8 AS score
      FROM knowledge_chunks c, q
     WHERE c.tenant_id = ${tenantId}::uuid AND c.search @@ q.q
       AND (${includeStaffOnly} OR NOT c.metadata @> '{"audience":"staff"}'::jsonb)
     ORDER BY score DESC, c.id
     LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, documentId: r.document_id, ordinal: r.ordinal, text: r.text, score: Number(r.score) }));
}

interface Fused {
  hit: ChunkHit;
  score: number;
  matchedBy: KnowledgeRetriever[];
}

/** Reciprocal rank fusion of ranked lists (ranks start at 1); ties broken by chunk id. */
export function fuseByReciprocalRank(
  lists: ReadonlyArray<{ retriever: KnowledgeRetriever; hits: readonly ChunkHit[] }>,
  limit: number,
): Fused[] {
  const byId = new Map<string, Fused>();
  for (const { retriever, hits } of lists) {
    hits.forEach((hit, index) => {
      const entry = byId.get(hit.id) ?? { hit, score: 0, matchedBy: [] };
      entry.score += 1 / (RRF_K + index + 1);
      if (!entry.matchedBy.includes(retriever)) entry.matchedBy.push(retriever);
      byId.set(hit.id, entry);
    });
  }
  const order: KnowledgeRetriever[] = ['fulltext', 'vector'];
  return [...byId.values()]
    .map((e) => ({ ...e, matchedBy: order.filter((r) => e.matchedBy.includes(r)) }))
    .sort((a, b) => b.score - a.score || (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0))
    .slice(0, limit);
}

/**
 * The tenant's best `limit` chunks for `query`. The vector retriever sets
 * hnsw.iterative_scan = relaxed_order for this transaction (pgvector 0.8), so the HNSW scan
 * keeps going until enough rows pass the tenant filter: a small tenant in a big table still
 * gets k results.
 */
export async function searchKnowledge(tx: TenantTx, input: KnowledgeSearchInput): Promise<KnowledgeSearchHit[]> {
  if (!Number.isInteger(input.limit) || input.limit < 1) return [];
  const candidates = Math.max(input.limit * CANDIDATE_FACTOR, MIN_CANDIDATES);
  const lists: Array<{ retriever: KnowledgeRetriever; hits: ChunkHit[] }> = [];
  if (input.query.trim().length > 0) {
    lists.push({
      retriever: 'fulltext',
      hits: await fullTextCandidates(tx, input.tenantId, input.query, candidates, input.includeStaffOnly ?? false),
    });
  }
  if (input.embedding) {
    const hits = await searchChunksByEmbedding(tx, {
      tenantId: input.tenantId,
      embedding: input.embedding,
      limit: candidates,
      efSearch: input.efSearch,
      includeStaffOnly: input.includeStaffOnly,
    });
    lists.push({ retriever: 'vector', hits });
  }
  const fused = fuseByReciprocalRank(lists, input.limit);
  if (fused.length === 0) return [];
  const documentIds = [...new Set(fused.map((f) => f.hit.documentId))];
  const documents = await tx.knowledgeDocument.findMany({
    where: { tenantId: input.tenantId, id: { in: documentIds } },
    select: { id: true, title: true },
  });
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  return fused.map((f) => ({
    chunkId: f.hit.id,
    documentId: f.hit.documentId,
    title: titles.get(f.hit.documentId) ?? '',
    text: f.hit.text,
    score: f.score,
    matchedBy: f.matchedBy,
  }));
}
