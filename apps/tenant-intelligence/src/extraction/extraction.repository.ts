import { Injectable } from '@nestjs/common';
import { markProcessedMany, toJsonPayload, type OutboxMessageInput, type Prisma, type TenantTx } from '@parley/persistence';
import { CONVERSATION_INTERACTION } from './extraction.constants';

/** Where product terms come from: the tenant's allowed topics and its knowledge document titles. */
export interface CatalogueSources {
  allowedTopics: string[];
  documentTitles: string[];
}

/** The columns L1b sets on the session's conversation interaction each turn. */
export interface InteractionValues {
  contactId: string | null;
  intent: string | null;
  sentiment: string;
  sentimentScore: number;
  urgency: string;
  products: string[];
  lead: boolean;
  data: Prisma.InputJsonValue;
}

export interface InteractionRecord {
  id: string;
  data: unknown;
}

/** What L1b reads and writes of the CRM (contacts, the session's interaction) and of the catalogue, in the tenant's transaction. */
@Injectable()
export class ExtractionRepository {
  /**
   * Records that `consumer` handled these message ids (processed_events, one statement in the
   * caller's transaction) and returns those that were new; an id already recorded, or recorded
   * by a concurrent transaction that commits first, is a duplicate and is not returned.
   */
  markProcessed(tx: TenantTx, consumer: string, messageIds: string[]): Promise<Set<string>> {
    return markProcessedMany(tx, consumer, messageIds);
  }

  /** The newest `limit` document titles. */
  async catalogueSources(tx: TenantTx, tenantId: string, limit: number): Promise<CatalogueSources> {
    const [tenant, documents] = await Promise.all([
      tx.tenant.findUnique({ where: { id: tenantId }, select: { allowedTopics: true } }),
      tx.knowledgeDocument.findMany({ where: { tenantId }, select: { title: true }, orderBy: { createdAt: 'desc' }, take: limit }),
    ]);
    return { allowedTopics: tenant?.allowedTopics ?? [], documentTitles: documents.map((d) => d.title) };
  }

  /** The tenant's country column and time zone (the extractor reads local phone numbers in that country). */
  async tenantLocale(tx: TenantTx, tenantId: string): Promise<{ country: string | null; timezone: string } | null> {
    return tx.tenant.findUnique({ where: { id: tenantId }, select: { country: true, timezone: true } });
  }

  /** The contact's attributes JSON (undefined when there is no such contact). */
  async contactAttributes(tx: TenantTx, contactId: string): Promise<unknown> {
    const contact = await tx.tenantContact.findUnique({ where: { id: contactId }, select: { attributes: true } });
    return contact?.attributes;
  }

  async setContactAttributes(tx: TenantTx, contactId: string, attributes: Prisma.InputJsonValue): Promise<void> {
    await tx.tenantContact.update({ where: { id: contactId }, data: { attributes } });
  }

  /** The conversation interactions of these sessions, by session id. */
  async conversationInteractions(tx: TenantTx, sessionIds: string[]): Promise<Map<string, InteractionRecord>> {
    const rows = await tx.tenantInteraction.findMany({
      where: { sessionId: { in: sessionIds }, kind: CONVERSATION_INTERACTION },
      select: { id: true, sessionId: true, data: true },
    });
    return new Map(rows.flatMap((r) => (r.sessionId ? [[r.sessionId, { id: r.id, data: r.data }] as const] : [])));
  }

  /** Outbox rows in the caller's transaction, one statement (the events exist if and only if it commits). */
  async enqueueOutbox(tx: TenantTx, messages: OutboxMessageInput[]): Promise<void> {
    if (messages.length === 0) return;
    await tx.outbox.createMany({
      data: messages.map((m) => ({ subject: m.subject, payload: toJsonPayload(m.payload), headers: m.headers ?? {} })),
    });
  }

  async updateInteraction(tx: TenantTx, interactionId: string, values: InteractionValues): Promise<InteractionRecord> {
    return tx.tenantInteraction.update({ where: { id: interactionId }, data: values });
  }

  async createConversationInteraction(
    tx: TenantTx,
    tenantId: string,
    sessionId: string,
    occurredAt: Date,
    values: InteractionValues,
  ): Promise<InteractionRecord> {
    return tx.tenantInteraction.create({ data: { ...values, tenantId, sessionId, kind: CONVERSATION_INTERACTION, occurredAt } });
  }
}
