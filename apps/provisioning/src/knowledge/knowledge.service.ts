import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type {
  KnowledgeDeleteRpc,
  KnowledgeListRpc,
  KnowledgeSearchRpc,
  KnowledgeUploadRpc,
  RpcRequestOf,
  RpcResponseOf,
} from '@parley/contracts';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { type PrismaClient, PrismaService, searchKnowledge, TenantDb, writeAudit } from '@parley/persistence';
import { decodeCursor, toPage } from '../common/list-cursor.util';
import { KNOWLEDGE_EMBEDDER, type KnowledgeEmbedder } from '../common/provisioning.options';
import { ProvisioningError } from '../common/provisioning.error';
import { chunkDocument } from './document.chunker';
import { tenantExists } from '../tenants/tenant.repository';
import { deleteDocument, listDocuments, storeDocument, toDocumentView } from './knowledge-document.repository';

const UPLOAD_TX_TIMEOUT_MS = 30_000;

/** Knowledge documents: upload (chunk, embed, replace), list, delete, hybrid search. */
@Injectable()
export class KnowledgeService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaClient,
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(KNOWLEDGE_EMBEDDER) private readonly embedder: KnowledgeEmbedder,
    @Optional() @Inject(SERVICE_LOGGER) private readonly logger?: Logger,
  ) {}

  async upload(req: RpcRequestOf<typeof KnowledgeUploadRpc>): Promise<RpcResponseOf<typeof KnowledgeUploadRpc>> {
    await this.assertTenant(req.tenantId);
    const chunks = chunkDocument(req.content);
    if (chunks.length === 0) {
      throw new ProvisioningError('VALIDATION', 'the document has no text', {
        issues: [{ path: 'content', code: 'empty', message: 'the document has no text' }],
      });
    }
    const embeddings = await this.embedChunks(chunks.map((c) => c.content));
    const contentHash = createHash('sha256').update(req.content).digest('hex');
    return this.tenantDb.run(
      req.tenantId,
      async (tx) => {
        const result = await storeDocument(tx, {
          tenantId: req.tenantId,
          title: req.title,
          format: req.format,
          sourceUri: req.sourceUri ?? null,
          contentHash,
          chunks,
          embeddings,
          embeddingModel: embeddings ? (this.embedder?.model ?? null) : null,
          audience: req.audience ?? 'everyone',
        });
        await writeAudit(tx, {
          tenantId: req.tenantId,
          actor: req.actor,
          action: result.replaced ? 'knowledge.replaced' : 'knowledge.uploaded',
          targetType: 'knowledge_document',
          targetId: result.document.id,
          data: { title: req.title, sourceUri: req.sourceUri ?? null, chunkCount: chunks.length, embedded: result.document.embedded },
        });
        return { version: 1 as const, ...result };
      },
      { timeoutMs: UPLOAD_TX_TIMEOUT_MS },
    );
  }

  async list(req: RpcRequestOf<typeof KnowledgeListRpc>): Promise<RpcResponseOf<typeof KnowledgeListRpc>> {
    const position = req.cursor ? decodeCursor(req.cursor) : null;
    const rows = await this.tenantDb.run(req.tenantId, (tx) => listDocuments(tx, req.tenantId, position, req.limit + 1));
    const page = toPage(rows, req.limit);
    return { version: 1, items: page.items.map(toDocumentView), nextCursor: page.nextCursor };
  }

  /** NOT_FOUND for an unknown document or one of another tenant (RLS hides it). */
  async delete(req: RpcRequestOf<typeof KnowledgeDeleteRpc>): Promise<RpcResponseOf<typeof KnowledgeDeleteRpc>> {
    return this.tenantDb.run(req.tenantId, async (tx) => {
      const doc = await deleteDocument(tx, req.tenantId, req.documentId);
      if (!doc) throw ProvisioningError.notFound('document');
      await writeAudit(tx, {
        tenantId: req.tenantId,
        actor: req.actor,
        action: 'knowledge.deleted',
        targetType: 'knowledge_document',
        targetId: doc.id,
        data: { title: doc.title, chunks: doc.deletedChunks },
      });
      return { version: 1 as const, documentId: doc.id, deletedChunks: doc.deletedChunks };
    });
  }

  async search(req: RpcRequestOf<typeof KnowledgeSearchRpc>): Promise<RpcResponseOf<typeof KnowledgeSearchRpc>> {
    const embedding = await this.embedQuery(req.query);
    const items = await this.tenantDb.run(req.tenantId, (tx) =>
      searchKnowledge(tx, { tenantId: req.tenantId, query: req.query, embedding, limit: req.limit, includeStaffOnly: true }),
    );
    return { version: 1, items };
  }

  private async assertTenant(tenantId: string): Promise<void> {
    if (!(await tenantExists(this.prisma, tenantId))) throw ProvisioningError.notFound('tenant');
  }

  /** Embeddings of the chunks, or null (no embedder, or it failed: full-text search still finds them). */
  private async embedChunks(texts: string[]): Promise<number[][] | null> {
    if (!this.embedder) return null;
    try {
      const vectors = await this.embedder.embedDocuments(texts);
      if (vectors.length !== texts.length) throw new Error(`embedder returned ${vectors.length} vectors for ${texts.length} chunks`);
      return vectors;
    } catch (err) {
      this.logger?.warn({ err, model: this.embedder.model }, 'knowledge embedding failed; document stored for full-text search only');
      return null;
    }
  }

  private async embedQuery(query: string): Promise<number[] | null> {
    if (!this.embedder) return null;
    try {
      return await this.embedder.embedQuery(query);
    } catch (err) {
      this.logger?.warn({ err, model: this.embedder.model }, 'query embedding failed; full-text search only');
      return null;
    }
  }
}
