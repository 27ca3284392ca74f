// Queries on chat_messages outside a turn (history pages, staff replies, feedback targets, the
// close event's turn count). Every function takes the TenantDb.run() transaction, so RLS hides
// other tenants' messages.
import type { ChatMessageModel, MessageRole, Prisma, TenantTx } from '@parley/persistence';
import type { StoredSignal } from '../common/signal-view.mapper';
import type { HistoryPosition } from './history-cursor.util';

/** Messages older than the cursor position (created_at, then id), or no condition without one. */
export function olderThan(before: HistoryPosition | null): Prisma.ChatMessageWhereInput {
  return before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {};
}

/** A message as history pages show it; `signals` only where the query reads them. */
export interface HistoryMessageRow {
  id: string;
  sessionId: string;
  turnId: string | null;
  role: MessageRole;
  content: string;
  interrupted: boolean;
  createdAt: Date;
  signals?: StoredSignal[];
}

/** Up to `take` of the session's messages with these roles older than `before`, newest first, with their stored signals. */
export async function sessionHistoryRows(
  tx: TenantTx,
  sessionId: string,
  roles: readonly MessageRole[],
  before: HistoryPosition | null,
  take: number,
): Promise<Array<HistoryMessageRow & { signals: StoredSignal[] }>> {
  return tx.chatMessage.findMany({
    where: { sessionId, role: { in: [...roles] }, ...olderThan(before) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      sessionId: true,
      turnId: true,
      role: true,
      content: true,
      interrupted: true,
      createdAt: true,
      signals: { select: { kind: true, label: true, score: true }, orderBy: { createdAt: 'asc' } },
    },
  });
}

/** How many visitor (role `user`) messages the session holds. */
export function countUserMessages(tx: TenantTx, sessionId: string): Promise<number> {
  return tx.chatMessage.count({ where: { sessionId, role: 'user' } });
}

/** The message's role when it belongs to the session, else null. */
export async function findMessageRole(tx: TenantTx, sessionId: string, messageId: string): Promise<string | null> {
  const message = await tx.chatMessage.findFirst({ where: { id: messageId, sessionId }, select: { id: true, role: true } });
  return message?.role ?? null;
}

/** Stores a reply written by tenant staff (role `staff`). */
export function insertStaffMessage(
  tx: TenantTx,
  input: { tenantId: string; sessionId: string; content: string; authorId: string | null },
): Promise<ChatMessageModel> {
  return tx.chatMessage.create({
    data: { tenantId: input.tenantId, sessionId: input.sessionId, role: 'staff', content: input.content, authorId: input.authorId },
  });
}
