import type { ChatHistoryRpc, ChatMessageView, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import type { TenantDb } from '@parley/persistence';
import { ChatError } from '../shared/chat.errors';
import { toSignalViews } from '../shared/signal-view.mapper';
import { decodeHistoryCursor, encodeHistoryCursor } from './history-cursor.util';
import { sessionHistoryRows, type HistoryMessageRow } from './message.repository';
import { findSessionOwner } from './session.repository';

const VISIBLE_ROLES = ['user', 'assistant', 'staff'] as const;

/** `limit + 1` rows newest first -> the page oldest first, and the cursor to the older ones. */
export function toHistoryPage(
  rows: readonly HistoryMessageRow[],
  limit: number,
): { version: 1; items: ChatMessageView[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const oldest = page[page.length - 1];
  const items: ChatMessageView[] = [...page].reverse().map((row) => ({
    id: row.id,
    sessionId: row.sessionId,
    turnId: row.turnId,
    role: row.role as ChatMessageView['role'],
    content: row.content,
    interrupted: row.interrupted,
    signals: row.signals ? toSignalViews(row.signals) : [],
    createdAt: row.createdAt.toISOString(),
  }));
  return { version: 1, items, nextCursor: rows.length > limit && oldest ? encodeHistoryCursor(oldest) : null };
}

/**
 * A page of a session's messages: the newest `limit` messages older than the cursor, returned
 * oldest first, with their stored signals. nextCursor walks on towards older messages.
 */
export async function getHistory(
  db: TenantDb,
  request: RpcRequestOf<typeof ChatHistoryRpc>,
): Promise<RpcResponseOf<typeof ChatHistoryRpc>> {
  const before = request.cursor ? decodeHistoryCursor(request.cursor) : null;
  const rows = await db.run(request.tenantId, async (tx) => {
    const session = await findSessionOwner(tx, request.sessionId);
    // A staff user's assistant session is theirs alone (chat.assistant.history), not a visitor conversation.
    if (!session || session.staffUserId !== null) throw ChatError.sessionNotFound(request.sessionId);
    return sessionHistoryRows(tx, request.sessionId, VISIBLE_ROLES, before, request.limit + 1);
  });
  return toHistoryPage(rows, request.limit);
}
