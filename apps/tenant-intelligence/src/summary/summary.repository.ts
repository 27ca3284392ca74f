import { Injectable } from '@nestjs/common';
import type { Prisma, TenantTx } from '@parley/persistence';
import { CONVERSATION_INTERACTION } from '../extraction/extraction.constants';

/** The session_summaries columns L2 writes. */
export interface SummaryColumns {
  summary: string;
  outcome: string;
  sentiment: string;
  topics: string[];
  unmetNeeds: string[];
  sentimentStart: number | null;
  sentimentEnd: number | null;
  actionItems: Prisma.InputJsonValue;
  generatedBy: string;
}

export interface ContactProfile {
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: unknown;
}

export interface ConversationInteraction {
  id: string;
  lead: boolean;
  summary: string;
  data: unknown;
}

/** What L2 reads and writes of the CRM (summaries, the session's interaction, the contact), in the tenant's transaction. */
@Injectable()
export class SummaryRepository {
  /** One summary per session: written, or rewritten when the session is summarised again. Returns its id. */
  async upsertSummary(
    tx: TenantTx,
    tenantId: string,
    sessionId: string,
    contactId: string | null,
    columns: SummaryColumns,
  ): Promise<{ id: string }> {
    return tx.sessionSummary.upsert({
      where: { sessionId },
      create: { tenantId, sessionId, contactId, ...columns },
      update: { contactId, ...columns },
      select: { id: true },
    });
  }

  async conversationInteraction(tx: TenantTx, sessionId: string): Promise<ConversationInteraction | null> {
    return tx.tenantInteraction.findUnique({
      where: { sessionId_kind: { sessionId, kind: CONVERSATION_INTERACTION } },
      select: { id: true, lead: true, summary: true, data: true },
    });
  }

  async setInteractionSummary(tx: TenantTx, interactionId: string, summary: string): Promise<void> {
    await tx.tenantInteraction.update({ where: { id: interactionId }, data: { summary } });
  }

  /** The tenant's country column and time zone (local phone numbers are redacted in that country). */
  async tenantLocale(tx: TenantTx, tenantId: string): Promise<{ country: string | null; timezone: string } | null> {
    return tx.tenant.findUnique({ where: { id: tenantId }, select: { country: true, timezone: true } });
  }

  async contactProfile(tx: TenantTx, contactId: string): Promise<ContactProfile | null> {
    return tx.tenantContact.findUnique({ where: { id: contactId }, select: { name: true, email: true, phone: true, attributes: true } });
  }
}
