import { Injectable } from '@nestjs/common';
import type { Prisma, TenantTx } from '@parley/persistence';
import { L1B_SOURCE } from '../extraction/extraction.constants';

/** The chat session a turn or close event names, as tenant-intelligence needs it. */
export interface ChatSessionRef {
  id: string;
  externalUserId: string | null;
  contactId: string | null;
  needsHuman: boolean;
}

/** A message_signals row L1b writes (source `l1b`). */
export type NewSignalRow = Prisma.MessageSignalCreateManyInput;

/** A (source, kind[, label]) a session's signals are matched on. */
export interface SignalMatch {
  source: string;
  kind: string;
  label?: string;
}

export interface SessionSignal {
  messageId: string;
  source: string;
  kind: string;
  label: string;
  data: unknown;
}

export interface ChatMessageText {
  id: string;
  role: string;
  content: string;
}

export interface ExportedSession {
  id: string;
  startedAt: Date;
  closedAt: Date | null;
  messages: Array<{ id: string; role: string; content: string; createdAt: Date }>;
  summary: { summary: string } | null;
}

/**
 * Every read and write tenant-intelligence makes on the tables the chat service owns
 * (chat_sessions, chat_messages, message_signals), in the caller's tenant transaction. The only
 * place this service crosses that ownership line; why it may: docs/adr/0015-cross-service-writes.md.
 * Writes: L1b links a session to its contact and adds `l1b` signal rows; the CRM erasure
 * pseudonymizes the contact's messages, deletes their `l1b` rows and detaches their sessions.
 */
@Injectable()
export class ChatTablesRepository {
  async session(tx: TenantTx, sessionId: string): Promise<ChatSessionRef | null> {
    return tx.chatSession.findUnique({
      where: { id: sessionId },
      select: { id: true, externalUserId: true, contactId: true, needsHuman: true },
    });
  }

  /** The sessions among these ids (those the tenant of the transaction can see). */
  async sessions(tx: TenantTx, sessionIds: string[]): Promise<ChatSessionRef[]> {
    return tx.chatSession.findMany({
      where: { id: { in: sessionIds } },
      select: { id: true, externalUserId: true, contactId: true, needsHuman: true },
    });
  }

  /** Write: the session belongs to this contact (L1b resolved who the visitor is). */
  async linkSessionToContact(tx: TenantTx, sessionId: string, contactId: string): Promise<void> {
    await tx.chatSession.update({ where: { id: sessionId }, data: { contactId } });
  }

  /**
   * For each session, the data of its latest L1b extraction of a message not among
   * `exceptMessageIds` (sessions without one are absent).
   */
  async previousExtractions(tx: TenantTx, sessionIds: string[], exceptMessageIds: string[]): Promise<Map<string, unknown>> {
    const rows = await tx.$queryRaw<Array<{ session_id: string; data: unknown }>>`
      SELECT DISTINCT ON (session_id) session_id::text, data FROM message_signals
       WHERE session_id = ANY(${sessionIds}::uuid[]) AND source = ${L1B_SOURCE} AND kind = 'extraction'
         AND NOT (message_id = ANY(${exceptMessageIds}::uuid[]))
       ORDER BY session_id, created_at DESC`;
    return new Map(rows.map((r) => [r.session_id, r.data]));
  }

  /** Write: L1b signal rows; a row already there (redelivery) is skipped. */
  async insertSignals(tx: TenantTx, rows: NewSignalRow[]): Promise<void> {
    await tx.messageSignal.createMany({ data: rows, skipDuplicates: true });
  }

  async sessionSignals(tx: TenantTx, sessionId: string, anyOf: SignalMatch[]): Promise<SessionSignal[]> {
    return tx.messageSignal.findMany({
      where: { sessionId, OR: anyOf.map((m) => ({ ...m })) },
      select: { messageId: true, source: true, kind: true, label: true, data: true },
    });
  }

  /** The session's messages in conversation order (a turn's user message before its answer). */
  async sessionMessages(tx: TenantTx, sessionId: string): Promise<ChatMessageText[]> {
    return tx.chatMessage.findMany({
      where: { sessionId },
      orderBy: [{ createdAt: 'asc' }, { role: 'asc' }],
      select: { id: true, role: true, content: true },
    });
  }

  async sessionIdsOfContact(tx: TenantTx, contactId: string): Promise<string[]> {
    const sessions = await tx.chatSession.findMany({ where: { contactId }, select: { id: true } });
    return sessions.map((s) => s.id);
  }

  async messagesOfSessions(tx: TenantTx, sessionIds: string[]): Promise<Array<{ id: string; content: string }>> {
    return tx.chatMessage.findMany({ where: { sessionId: { in: sessionIds } }, select: { id: true, content: true } });
  }

  /** Write (erasure): a message's text replaced by its pseudonymized form. */
  async rewriteMessageContent(tx: TenantTx, messageId: string, content: string): Promise<void> {
    await tx.chatMessage.update({ where: { id: messageId }, data: { content } });
  }

  /** Write (erasure): the sessions' L1b rows, which quote what the contact said. */
  async deleteL1bSignals(tx: TenantTx, sessionIds: string[]): Promise<void> {
    await tx.messageSignal.deleteMany({ where: { sessionId: { in: sessionIds }, source: L1B_SOURCE } });
  }

  /** Write (erasure): the sessions no longer name the contact or the tenant's user id. */
  async detachSessions(tx: TenantTx, sessionIds: string[]): Promise<void> {
    await tx.chatSession.updateMany({ where: { id: { in: sessionIds } }, data: { externalUserId: null, contactId: null } });
  }

  /** The contact's sessions, oldest first, with their messages and summary (right of access). */
  async sessionsForExport(tx: TenantTx, contactId: string, limit: number): Promise<ExportedSession[]> {
    return tx.chatSession.findMany({
      where: { contactId },
      orderBy: { startedAt: 'asc' },
      take: limit,
      include: {
        messages: { orderBy: [{ createdAt: 'asc' }, { role: 'asc' }], select: { id: true, role: true, content: true, createdAt: true } },
        summary: { select: { summary: true } },
      },
    });
  }
}
