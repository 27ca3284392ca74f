import type { ChatMessageView } from '@parley/contracts';
import { toSignalViews } from '../common/signal-view.mapper';
import { encodeHistoryCursor } from './history-cursor.util';
import type { HistoryMessageRow } from './message.repository';

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
