import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { actorSchema } from './tenant.schema';

/** Largest document accepted (characters of text or markdown). */
export const MAX_KNOWLEDGE_DOCUMENT_CHARS = 500_000;

export const knowledgeDocumentSchema = z.object({
  id: uuidSchema,
  tenantId: tenantIdSchema,
  title: z.string(),
  format: z.enum(['text', 'markdown']),
  sourceUri: z.string().nullable(),
  status: z.enum(['pending', 'processing', 'ready', 'failed']),
  chunkCount: z.int().nonnegative(),
  /** Whether the chunks carry embeddings (an embedding provider was configured at upload). */
  embedded: z.boolean(),
  contentHash: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type KnowledgeDocumentView = z.infer<typeof knowledgeDocumentSchema>;

/**
 * Upload (or re-upload) a document. A document with the same title (or sourceUri, when given)
 * is replaced: its chunks are deleted and re-created in one transaction.
 */
export const KnowledgeUploadRpc = defineRpc(
  RPC_SUBJECTS.knowledgeUpload,
  z.object({
    version: version1,
    actor: actorSchema,
    tenantId: tenantIdSchema,
    title: z.string().trim().min(1).max(300),
    format: z.enum(['text', 'markdown']),
    content: z.string().min(1).max(MAX_KNOWLEDGE_DOCUMENT_CHARS),
    sourceUri: z.string().max(2000).optional(),
    /** `staff`: only the staff assistant retrieves it (rotas, internal rules); visitors never see it. Default `everyone`. */
    audience: z.enum(['everyone', 'staff']).optional(),
  }),
  z.object({ version: version1, document: knowledgeDocumentSchema, replaced: z.boolean() }),
);

export const KnowledgeListRpc = defineRpc(
  RPC_SUBJECTS.knowledgeList,
  z.object({ version: version1, tenantId: tenantIdSchema, limit: z.int().min(1).max(100), cursor: z.string().max(200).nullable() }),
  z.object({ version: version1, items: z.array(knowledgeDocumentSchema), nextCursor: z.string().nullable() }),
);

/** NOT_FOUND for an unknown document or one of another tenant. */
export const KnowledgeDeleteRpc = defineRpc(
  RPC_SUBJECTS.knowledgeDelete,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, documentId: uuidSchema }),
  z.object({ version: version1, documentId: uuidSchema, deletedChunks: z.int().nonnegative() }),
);

export const knowledgeHitSchema = z.object({
  chunkId: uuidSchema,
  documentId: uuidSchema,
  title: z.string(),
  text: z.string(),
  /** Reciprocal-rank-fusion score (higher is better). */
  score: z.number(),
  /** Which retrievers found it. */
  matchedBy: z.array(z.enum(['fulltext', 'vector'])).min(1),
});
export type KnowledgeHit = z.infer<typeof knowledgeHitSchema>;

export const KnowledgeSearchRpc = defineRpc(
  RPC_SUBJECTS.knowledgeSearch,
  z.object({ version: version1, tenantId: tenantIdSchema, query: z.string().trim().min(1).max(1000), limit: z.int().min(1).max(50) }),
  z.object({ version: version1, items: z.array(knowledgeHitSchema) }),
);
