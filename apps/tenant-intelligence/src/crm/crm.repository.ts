import { Injectable } from '@nestjs/common';
import type { ContactListRpc, InteractionListRpc, RpcRequestOf } from '@parley/contracts';
import { mergeDuplicateContact, type ContactMergeResult, type Prisma, type TenantTx } from '@parley/persistence';
import { CONVERSATION_INTERACTION } from '../extraction/extraction.constants';
import type { ContactRef, ContactRowLike, InteractionRowLike, SummaryRowLike } from './crm-view.mapper';
import type { Keyset } from './cursor.util';

export type ContactFilter = Pick<RpcRequestOf<typeof ContactListRpc>, 'tenantId' | 'search' | 'seenSince' | 'intent' | 'lead' | 'limit'> & {
  after: Keyset | null;
};
export type InteractionFilter = Pick<RpcRequestOf<typeof InteractionListRpc>, 'tenantId' | 'contactId' | 'intent' | 'lead' | 'limit'> & {
  after: Keyset | null;
};

/** A contact as the erasure needs it: every identifier that may appear in their texts. */
export interface ContactIdentity {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: unknown;
}

const withInteractionCount = { _count: { select: { interactions: true } } } as const;

/**
 * The tenant CRM's own tables (tenant_contacts, tenant_interactions, session_summaries) for the
 * CRM reads and the data-subject requests, in the caller's tenant transaction. Pages return one
 * row more than `limit` so the caller knows whether there is a next page.
 */
@Injectable()
export class CrmRepository {
  async listContacts(tx: TenantTx, filter: ContactFilter): Promise<ContactRowLike[]> {
    const where: Prisma.TenantContactWhereInput = { tenantId: filter.tenantId };
    const and: Prisma.TenantContactWhereInput[] = [];
    if (filter.search) {
      const q = filter.search;
      and.push({
        OR: [
          { name: { contains: q, mode: 'insensitive' } },
          { email: { contains: q, mode: 'insensitive' } },
          { phone: { contains: q.replace(/\s+/g, '') } },
        ],
      });
    }
    if (filter.seenSince) and.push({ lastSeenAt: { gte: new Date(filter.seenSince) } });
    if (filter.intent || filter.lead !== undefined) {
      and.push({
        interactions: {
          some: { ...(filter.intent ? { intent: filter.intent } : {}), ...(filter.lead !== undefined ? { lead: filter.lead } : {}) },
        },
      });
    }
    const after = filter.after;
    if (after) and.push({ OR: [{ lastSeenAt: { lt: after.at } }, { lastSeenAt: after.at, id: { lt: after.id } }] });
    if (and.length > 0) where.AND = and;
    return tx.tenantContact.findMany({
      where,
      orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
      include: withInteractionCount,
    });
  }

  async contact(tx: TenantTx, contactId: string): Promise<ContactRowLike | null> {
    return tx.tenantContact.findUnique({ where: { id: contactId }, include: withInteractionCount });
  }

  /** Current identifiers of these contacts of the tenant (the ones that still exist). */
  async contactRefs(tx: TenantTx, tenantId: string, ids: readonly string[]): Promise<ContactRef[]> {
    if (ids.length === 0) return [];
    return tx.tenantContact.findMany({
      where: { tenantId, id: { in: [...ids] } },
      select: { id: true, name: true, email: true, phone: true },
    });
  }

  /**
   * Merges a duplicate into the kept contact (libs/persistence's contact store: the same merge as
   * an extraction's, under the tenant's contact lock). Null when either is not in the tenant.
   */
  async mergeDuplicate(tx: TenantTx, tenantId: string, keptId: string, duplicateId: string): Promise<ContactMergeResult | null> {
    return mergeDuplicateContact(tx, tenantId, keptId, duplicateId);
  }

  /** The contact's interactions, newest first. */
  async timeline(tx: TenantTx, contactId: string, limit: number): Promise<InteractionRowLike[]> {
    return tx.tenantInteraction.findMany({ where: { contactId }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: limit });
  }

  /** Every interaction of the contact, oldest first (export). */
  async interactionsOfContact(tx: TenantTx, contactId: string): Promise<InteractionRowLike[]> {
    return tx.tenantInteraction.findMany({ where: { contactId }, orderBy: { occurredAt: 'asc' } });
  }

  async listInteractions(tx: TenantTx, filter: InteractionFilter): Promise<InteractionRowLike[]> {
    const where: Prisma.TenantInteractionWhereInput = { tenantId: filter.tenantId, kind: CONVERSATION_INTERACTION };
    if (filter.contactId) where.contactId = filter.contactId;
    if (filter.intent) where.intent = filter.intent;
    if (filter.lead !== undefined) where.lead = filter.lead;
    const after = filter.after;
    if (after) where.OR = [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }];
    return tx.tenantInteraction.findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: filter.limit + 1 });
  }

  async summary(tx: TenantTx, sessionId: string): Promise<SummaryRowLike | null> {
    return tx.sessionSummary.findUnique({ where: { sessionId } });
  }

  /**
   * Locks the contact row, then reads it. A concurrent erase of the same contact waits on the
   * lock and then finds it gone (null) instead of failing on a row that vanished under it.
   */
  async lockContact(tx: TenantTx, contactId: string): Promise<ContactIdentity | null> {
    await tx.$queryRaw`SELECT id FROM tenant_contacts WHERE id = ${contactId}::uuid FOR UPDATE`;
    return tx.tenantContact.findUnique({ where: { id: contactId } });
  }

  async summariesOfSessions(tx: TenantTx, sessionIds: string[]): Promise<Array<{ id: string; summary: string }>> {
    return tx.sessionSummary.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true, summary: true } });
  }

  /** Erasure: the summary's text replaced, and it no longer names the contact. */
  async scrubSummary(tx: TenantTx, summaryId: string, summary: string): Promise<void> {
    await tx.sessionSummary.update({ where: { id: summaryId }, data: { summary, contactId: null } });
  }

  async interactionSummariesOfContact(tx: TenantTx, contactId: string): Promise<Array<{ id: string; summary: string }>> {
    return tx.tenantInteraction.findMany({ where: { contactId }, select: { id: true, summary: true } });
  }

  /** Erasure: the interaction's text replaced, its extracted data dropped, and it no longer names the contact. */
  async scrubInteraction(tx: TenantTx, interactionId: string, summary: string): Promise<void> {
    await tx.tenantInteraction.update({ where: { id: interactionId }, data: { summary, data: {}, contactId: null } });
  }

  /** False when another request erased it first. */
  async deleteContact(tx: TenantTx, contactId: string): Promise<boolean> {
    const { count } = await tx.tenantContact.deleteMany({ where: { id: contactId } });
    return count > 0;
  }
}
