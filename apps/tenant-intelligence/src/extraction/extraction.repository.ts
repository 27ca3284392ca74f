import { Injectable } from '@nestjs/common';
import {
  contactAttributes,
  lockTenantContacts,
  markProcessedManyPg,
  resolveContact,
  setContactAttributes,
  type ContactObservation,
  type PgTx,
  type ResolvedContact,
} from '@parley/persistence';

/** Where product terms come from: the tenant's allowed topics and its knowledge document titles. */
export interface CatalogueSources {
  allowedTopics: string[];
  documentTitles: string[];
}

export interface InteractionRecord {
  id: string;
  data: unknown;
}

/** The tenant's allowed topics ($1) and its newest $2 document titles, in one row (null topics: no such tenant visible). */
const CATALOGUE_SOURCES_SQL = `
SELECT (SELECT allowed_topics FROM tenants WHERE id = $1::uuid) AS topics,
       ARRAY(SELECT title FROM knowledge_documents WHERE tenant_id = $1::uuid ORDER BY created_at DESC LIMIT $2::int) AS titles`;

const TENANT_LOCALE_SQL = `SELECT country, timezone FROM tenants WHERE id = $1::uuid`;

/**
 * What L1b reads and writes of the CRM (contacts, through the contact store of libs/persistence)
 * and of the catalogue, in the batch's tenant transaction (node-postgres, TenantDb.transaction());
 * the batch's reads and writes of sessions, interactions, signals and outbox rows are
 * ChatTablesRepository's l1bBatchReads and writeL1bBatch (one statement each).
 */
@Injectable()
export class ExtractionRepository {
  /**
   * Records that `consumer` handled these message ids (processed_events, one statement in the
   * caller's transaction) and returns those that were new; an id already recorded, or recorded
   * by a concurrent transaction that commits first, is a duplicate and is not returned.
   */
  markProcessed(tx: PgTx, consumer: string, messageIds: string[]): Promise<Set<string>> {
    return markProcessedManyPg(tx, consumer, messageIds);
  }

  /** The tenant's contact lock (see lockTenantContacts): taken before reading what identity resolution depends on. */
  lockContacts(tx: PgTx, tenantId: string): Promise<void> {
    return lockTenantContacts(tx, tenantId);
  }

  /** Identity resolution of one message's observation (see resolveContact: create, update or merge). */
  resolveContact(tx: PgTx, observation: ContactObservation): Promise<ResolvedContact | null> {
    return resolveContact(tx, observation);
  }

  /** The newest `limit` document titles. */
  async catalogueSources(tx: PgTx, tenantId: string, limit: number): Promise<CatalogueSources> {
    const [row] = await tx.query<{ topics: string[] | null; titles: string[] }>(CATALOGUE_SOURCES_SQL, [tenantId, limit]);
    return { allowedTopics: row?.topics ?? [], documentTitles: row?.titles ?? [] };
  }

  /** The tenant's country column and time zone (the extractor reads local phone numbers in that country). */
  async tenantLocale(tx: PgTx, tenantId: string): Promise<{ country: string | null; timezone: string } | null> {
    const [row] = await tx.query<{ country: string | null; timezone: string }>(TENANT_LOCALE_SQL, [tenantId]);
    return row ?? null;
  }

  /** The contact's attributes JSON (undefined when there is no such contact). */
  contactAttributes(tx: PgTx, contactId: string): Promise<unknown> {
    return contactAttributes(tx, contactId);
  }

  /** Replaces the contact's attributes JSON (fails when the contact is gone). */
  setContactAttributes(tx: PgTx, contactId: string, attributes: Record<string, unknown>): Promise<void> {
    return setContactAttributes(tx, contactId, attributes);
  }
}
