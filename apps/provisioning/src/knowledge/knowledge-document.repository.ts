import type { KnowledgeDocumentView } from '@parley/contracts';
import { isUniqueViolation, setChunkEmbedding, type Prisma, type TenantTx } from '@parley/persistence';
import { afterPosition, type ListPosition } from '../common/list-cursor.util';
import { ProvisioningError } from '../common/provisioning.error';
import type { DocumentChunk } from './document.chunker';

/** Rough token estimate (≈4 characters per token for English) for context budgeting. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

export interface StoreDocumentInput {
  tenantId: string;
  title: string;
  format: 'text' | 'markdown';
  sourceUri: string | null;
  contentHash: string;
  chunks: DocumentChunk[];
  /** One embedding per chunk (same order), or null when no embedder is configured. */
  embeddings: number[][] | null;
  embeddingModel: string | null;
  /** `staff`: retrieved by the staff assistant only. */
  audience: 'everyone' | 'staff';
}

export const DOCUMENT_SELECT = {
  id: true,
  tenantId: true,
  title: true,
  sourceType: true,
  sourceUri: true,
  status: true,
  chunkCount: true,
  metadata: true,
  contentHash: true,
  createdAt: true,
  updatedAt: true,
} as const;
type DocumentRow = Prisma.KnowledgeDocumentGetPayload<{ select: typeof DOCUMENT_SELECT }>;

export function toDocumentView(row: DocumentRow): KnowledgeDocumentView {
  const metadata =
    row.metadata && typeof row.metadata === 'object' && !Array.isArray(row.metadata) ? (row.metadata as Record<string, unknown>) : {};
  return {
    id: row.id,
    tenantId: row.tenantId,
    title: row.title,
    format: row.sourceType === 'text' ? 'text' : 'markdown',
    sourceUri: row.sourceUri,
    status: row.status,
    chunkCount: row.chunkCount,
    embedded: metadata.embedded === true,
    contentHash: row.contentHash,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Creates the document, or replaces the one with the same sourceUri (when given) or title:
 * its chunks are deleted and re-created in the caller's transaction, keeping its id.
 * Uploads of the same document are serialised by a transaction advisory lock on its identity:
 * without it, two concurrent replacements both re-created chunk 0 (a unique violation, 500).
 */
export async function storeDocument(
  tx: TenantTx,
  input: StoreDocumentInput,
): Promise<{ document: KnowledgeDocumentView; replaced: boolean }> {
  const identity = input.sourceUri ? { sourceUri: input.sourceUri } : { title: input.title };
  const lockKey = `knowledge:${input.tenantId}:${input.sourceUri ? `uri:${input.sourceUri}` : `title:${input.title}`}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
  const existing = await tx.knowledgeDocument.findFirst({
    where: { tenantId: input.tenantId, ...identity },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  const data = {
    title: input.title,
    sourceType: input.format,
    sourceUri: input.sourceUri,
    contentHash: input.contentHash,
    status: 'ready' as const,
    error: null,
    chunkCount: input.chunks.length,
    metadata: { embedded: input.embeddings !== null, embeddingModel: input.embeddingModel, audience: input.audience },
  };
  let row: DocumentRow;
  try {
    if (existing) {
      await tx.knowledgeChunk.deleteMany({ where: { documentId: existing.id } });
      row = await tx.knowledgeDocument.update({ where: { id: existing.id }, data, select: DOCUMENT_SELECT });
    } else {
      row = await tx.knowledgeDocument.create({ data: { tenantId: input.tenantId, ...data }, select: DOCUMENT_SELECT });
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw ProvisioningError.conflict('a document with the same content already exists', 'content');
    throw error;
  }
  const created = await tx.knowledgeChunk.createManyAndReturn({
    data: input.chunks.map((chunk) => ({
      tenantId: input.tenantId,
      documentId: row.id,
      ordinal: chunk.index,
      text: chunk.content,
      tokenCount: estimateTokens(chunk.content),
      metadata: { ...(chunk.heading ? { heading: chunk.heading } : {}), ...(input.audience === 'staff' ? { audience: 'staff' } : {}) },
    })),
    select: { id: true, ordinal: true },
  });
  if (input.embeddings && input.embeddingModel) {
    for (const chunk of created) await setChunkEmbedding(tx, chunk.id, input.embeddings[chunk.ordinal], input.embeddingModel);
  }
  return { document: toDocumentView(row), replaced: existing !== null };
}

/** Up to `take` of the tenant's documents after the cursor position, newest first. */
export async function listDocuments(tx: TenantTx, tenantId: string, position: ListPosition | null, take: number): Promise<DocumentRow[]> {
  return tx.knowledgeDocument.findMany({
    where: { AND: [{ tenantId }, afterPosition(position)] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: DOCUMENT_SELECT,
  });
}

/** Deletes the document and its chunks; null when the tenant has no such document (nothing is deleted). */
export async function deleteDocument(
  tx: TenantTx,
  tenantId: string,
  documentId: string,
): Promise<{ id: string; title: string; deletedChunks: number } | null> {
  const doc = await tx.knowledgeDocument.findFirst({ where: { id: documentId, tenantId }, select: { id: true, title: true } });
  if (!doc) return null;
  const deletedChunks = await tx.knowledgeChunk.deleteMany({ where: { documentId: doc.id } });
  // deleteMany: a concurrent delete of the same document removed it first -> not found, not a 500.
  const deleted = await tx.knowledgeDocument.deleteMany({ where: { id: doc.id } });
  if (deleted.count === 0) return null;
  return { id: doc.id, title: doc.title, deletedChunks: deletedChunks.count };
}
