import { createHash, randomUUID } from 'node:crypto';
import {
  KnowledgeDeleteRpc,
  KnowledgeListRpc,
  KnowledgeSearchRpc,
  KnowledgeUploadRpc,
  RPC_QUEUE_GROUPS,
  type KnowledgeDocumentView,
  type RpcRequestOf,
} from '@parley/contracts';
import { NatsClient, RpcError, RpcServer } from '@parley/messaging';

// A test-owned stand-in for provisioning's knowledge RPCs: documents kept per tenant in
// memory, every request recorded, so tests see exactly what the gateway sent.

export class KnowledgeResponder {
  readonly documents = new Map<string, KnowledgeDocumentView & { content: string }>();
  readonly uploads: RpcRequestOf<typeof KnowledgeUploadRpc>[] = [];
  readonly lists: RpcRequestOf<typeof KnowledgeListRpc>[] = [];
  readonly deletes: RpcRequestOf<typeof KnowledgeDeleteRpc>[] = [];
  readonly searches: RpcRequestOf<typeof KnowledgeSearchRpc>[] = [];
  private server?: RpcServer;

  private constructor(readonly nats: NatsClient) {}

  static async start(url: string, namespace: string): Promise<KnowledgeResponder> {
    const nats = await NatsClient.connect({ url, name: 'test-knowledge', namespace });
    const responder = new KnowledgeResponder(nats);
    responder.serve();
    await nats.nc.flush();
    return responder;
  }

  async close(): Promise<void> {
    await this.server?.stop();
    await this.nats.drain();
  }

  private ofTenant(tenantId: string) {
    return [...this.documents.values()].filter((d) => d.tenantId === tenantId);
  }

  private serve(): void {
    const server = new RpcServer(this.nats);
    this.server = server;
    const queue = RPC_QUEUE_GROUPS.provisioning;
    server.handle(
      KnowledgeUploadRpc,
      async (request) => {
        this.uploads.push(request);
        const previous = this.ofTenant(request.tenantId).find((d) => d.title === request.title);
        const now = new Date().toISOString();
        const document = {
          id: previous?.id ?? randomUUID(),
          tenantId: request.tenantId,
          title: request.title,
          format: request.format,
          sourceUri: request.sourceUri ?? null,
          status: 'ready' as const,
          chunkCount: 1,
          embedded: false,
          contentHash: createHash('sha256').update(request.content).digest('hex'),
          createdAt: previous?.createdAt ?? now,
          updatedAt: now,
          content: request.content,
        };
        this.documents.set(document.id, document);
        const { content: _content, ...view } = document;
        return { version: 1 as const, document: view, replaced: previous !== undefined };
      },
      { queue },
    );
    server.handle(
      KnowledgeListRpc,
      async (request) => {
        this.lists.push(request);
        const all = this.ofTenant(request.tenantId);
        const start = request.cursor === null ? 0 : Number(request.cursor);
        const page = all.slice(start, start + request.limit).map(({ content: _content, ...view }) => view);
        return { version: 1 as const, items: page, nextCursor: start + request.limit < all.length ? String(start + request.limit) : null };
      },
      { queue },
    );
    server.handle(
      KnowledgeDeleteRpc,
      async (request) => {
        this.deletes.push(request);
        const document = this.documents.get(request.documentId);
        if (!document || document.tenantId !== request.tenantId) throw new RpcError('NOT_FOUND', 'no such document');
        this.documents.delete(document.id);
        return { version: 1 as const, documentId: document.id, deletedChunks: document.chunkCount };
      },
      { queue },
    );
    server.handle(
      KnowledgeSearchRpc,
      async (request) => {
        this.searches.push(request);
        const hits = this.ofTenant(request.tenantId)
          .filter((d) => d.content.toLowerCase().includes(request.query.toLowerCase()))
          .slice(0, request.limit)
          .map((d) => ({
            chunkId: randomUUID(),
            documentId: d.id,
            title: d.title,
            text: d.content,
            score: 1 / 61,
            matchedBy: ['fulltext' as const],
          }));
        return { version: 1 as const, items: hits };
      },
      { queue },
    );
  }
}
