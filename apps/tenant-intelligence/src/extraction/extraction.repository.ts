import { Injectable } from '@nestjs/common';
import { markProcessedMany, type Prisma, type TenantTx } from '@parley/persistence';

/** Where product terms come from: the tenant's allowed topics and its knowledge document titles. */
export interface CatalogueSources {
  allowedTopics: string[];
  documentTitles: string[];
}

export interface InteractionRecord {
  id: string;
  data: unknown;
}

/**
 * What L1b reads and writes of the CRM (contacts) and of the catalogue, in the tenant's
 * transaction; the batch's reads and writes of sessions, interactions, signals and outbox rows are
 * ChatTablesRepository's l1bBatchReads and writeL1bBatch (one statement each).
 */
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
}
