import { Inject, Injectable } from '@nestjs/common';
import type { Embedder, KnowledgePassage } from '@parley/llm';
import { searchKnowledge, TenantDb, type TenantTx } from '@parley/persistence';
import { CHAT_LOGGER, type ChatLogger } from '../common/chat.logger';
import { CHAT_OPTIONS, EMBEDDER, type ChatOptions } from '../common/chat.options';
import { TURN_TX_MAX_WAIT_MS, type TurnKnowledgeQuery } from './turn.repository';

/** Retrieves a tenant's knowledge for a turn. */
export interface KnowledgeRetriever {
  /** The full-text search to run inside the turn's session read, when retrieval needs nothing but the database (no query embedding); else null. `limit`: fewer passages than configured (lean_context). */
  inlineQuery(query: string, staff: boolean, limit?: number): TurnKnowledgeQuery | null;
  /** Embeds the query when an embedder is configured, then searches in a transaction of its own. `staff`: staff-only knowledge too (the staff assistant). */
  retrieve(tenantId: string, query: string, signal: AbortSignal, staff?: boolean, limit?: number): Promise<KnowledgePassage[]>;
}

/**
 * Full-text search always; the query is also embedded (and searched by vector) when an
 * embedder is configured. A failing embedder degrades to full text with a warning instead of
 * failing the turn.
 */
@Injectable()
export class TenantKnowledgeRetriever implements KnowledgeRetriever {
  private readonly limit: number;

  constructor(
    private readonly db: TenantDb,
    @Inject(EMBEDDER) private readonly embedder: Embedder | null,
    @Inject(CHAT_OPTIONS) options: ChatOptions,
    @Inject(CHAT_LOGGER) private readonly logger: ChatLogger,
  ) {
    this.limit = options.chat.knowledgeLimit;
  }

  inlineQuery(query: string, staff: boolean, limit = this.limit): TurnKnowledgeQuery | null {
    return this.embedder ? null : { query, limit: Math.min(limit, this.limit), staff };
  }

  async retrieve(tenantId: string, query: string, signal: AbortSignal, staff = false, limit = this.limit): Promise<KnowledgePassage[]> {
    const k = Math.min(limit, this.limit);
    if (k === 0) return [];
    const embedding = await this.embed(tenantId, query, signal);
    return this.db.run(tenantId, (tx) => this.search(tx, tenantId, query, embedding, staff, k), { maxWaitMs: TURN_TX_MAX_WAIT_MS });
  }

  private async search(
    tx: TenantTx,
    tenantId: string,
    query: string,
    embedding: number[] | null,
    staff: boolean,
    limit: number,
  ): Promise<KnowledgePassage[]> {
    const hits = await searchKnowledge(tx, { tenantId, query, embedding, limit, includeStaffOnly: staff });
    return hits.map((h) => ({ chunkId: h.chunkId, documentId: h.documentId, title: h.title, text: h.text, score: h.score }));
  }

  private async embed(tenantId: string, query: string, signal: AbortSignal): Promise<number[] | null> {
    if (!this.embedder) return null;
    try {
      return await this.embedder.embedQuery(query, signal);
    } catch (err) {
      if (signal.aborted) throw err;
      this.logger.warn({ err, tenant_id: tenantId, model: this.embedder.model }, 'query embedding failed; full-text retrieval only');
      return null;
    }
  }
}
