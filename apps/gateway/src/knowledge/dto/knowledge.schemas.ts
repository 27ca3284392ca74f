import { z } from 'zod';
import { MAX_KNOWLEDGE_DOCUMENT_CHARS, knowledgeDocumentSchema, knowledgeHitSchema } from '@parley/contracts';
import { isCleanText, INVALID_TEXT_MESSAGE } from '../../chat/dto/text-input.schema';

const title = z.string().trim().min(1).max(300).refine(isCleanText, INVALID_TEXT_MESSAGE);

/** POST /api/v1/knowledge/documents with a JSON body. */
export const uploadDocumentSchema = z
  .object({
    title,
    format: z.enum(['text', 'markdown']),
    content: z.string().min(1).max(MAX_KNOWLEDGE_DOCUMENT_CHARS).refine(isCleanText, INVALID_TEXT_MESSAGE),
    source_uri: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .meta({ description: 'Where the document comes from; a re-upload with the same source_uri (or title) replaces it.' }),
    audience: z.enum(['everyone', 'staff']).optional().meta({
      description: '`staff`: only the staff assistant retrieves it (rotas, internal rules); visitors never see it. Default `everyone`.',
    }),
  })
  .strict();
export type UploadDocumentRequest = z.output<typeof uploadDocumentSchema>;

/** The JSON upload body as an OpenAPI schema (the route also takes raw text, so it validates by hand). */
export const uploadDocumentJsonSchema = z.toJSONSchema(uploadDocumentSchema, { target: 'openapi-3.0', io: 'input' }) as Record<
  string,
  unknown
>;

/** Query of a raw `text/plain` or `text/markdown` upload. */
export const rawUploadQuerySchema = z
  .object({ title, source_uri: z.string().trim().min(1).max(2000).optional(), audience: z.enum(['everyone', 'staff']).optional() })
  .strict();

export const listDocumentsQuerySchema = z
  .object({
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const searchKnowledgeSchema = z
  .object({
    query: z.string().trim().min(1).max(1000).refine(isCleanText, INVALID_TEXT_MESSAGE),
    limit: z.int().min(1).max(50).default(5),
  })
  .strict()
  .meta({ id: 'SearchKnowledgeRequest' });

export const documentIdParamSchema = z.uuid();

export const uploadedDocumentSchema = z
  .object({ document: knowledgeDocumentSchema, replaced: z.boolean() })
  .meta({ id: 'UploadedDocument' });
export const documentPageSchema = z
  .object({ items: z.array(knowledgeDocumentSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'KnowledgeDocumentPage' });
export const deletedDocumentSchema = z.object({ document_id: z.uuid(), deleted_chunks: z.int() }).meta({ id: 'DeletedDocument' });
export const searchResultSchema = z.object({ items: z.array(knowledgeHitSchema) }).meta({ id: 'KnowledgeSearchResult' });
