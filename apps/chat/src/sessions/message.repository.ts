// Queries on chat_messages outside a turn (history pages, staff replies, feedback targets, the
// close event's turn count). Every function takes a tenant transaction (TenantDb.run()'s, or
// TenantDb.statement()'s for the single-statement reads), so RLS hides other tenants' messages.
import { isUuid, type ChatMessageModel, type MessageRole, type Prisma, type TenantDb, type TenantTx } from '@parley/persistence';
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

// The session's kind and one page of its messages, newest first, each with its stored signals: no
// row when the session is not visible, one row with a null id when it has no such messages.
const READ_HISTORY_PAGE = `SELECT s.staff_user_id IS NULL AS "visitor", m.id::text AS "id", m.session_id::text AS "sessionId",
       m.turn_id::text AS "turnId", m.role::text AS "role", m.content AS "content", m.interrupted AS "interrupted",
       m.created_at AS "createdAt",
       COALESCE((SELECT json_agg(json_build_object('kind', g.kind, 'label', g.label, 'score', g.score) ORDER BY g.created_at, g.id)
                   FROM message_signals g WHERE g.message_id = m.id), '[]'::json) AS "signals"
  FROM chat_sessions s
  LEFT JOIN LATERAL (
        SELECT x.id, x.session_id, x.turn_id, x.role, x.content, x.interrupted, x.created_at
          FROM chat_messages x
         WHERE x.tenant_id = s.tenant_id AND x.session_id = s.id AND x.role::text = ANY($2::text[])
           AND ($3::timestamptz IS NULL OR x.created_at < $3 OR (x.created_at = $3 AND x.id < $4::uuid))
         ORDER BY x.created_at DESC, x.id DESC
         LIMIT $5) m ON true
 WHERE s.id = $1::uuid
 ORDER BY m.created_at DESC, m.id DESC`;

/**
 * A visitor session's history page in one TenantDb.statement() (the tenant set per statement, RLS
 * as in a run() transaction): up to `take` of its messages with these roles older than `before`,
 * newest first, with their stored signals; null when the session is not visible to the tenant or
 * is a staff assistant session (that history is chat.assistant.history's).
 */
export async function readVisitorHistoryPage(
  db: TenantDb,
  tenantId: string,
  sessionId: string,
  roles: readonly MessageRole[],
  before: HistoryPosition | null,
  take: number,
): Promise<Array<HistoryMessageRow & { signals: StoredSignal[] }> | null> {
  if (!isUuid(sessionId)) return null;
  const rows = await db.statement<{ visitor: boolean } & (HistoryMessageRow & { signals: StoredSignal[] })>(tenantId, {
    text: READ_HISTORY_PAGE,
    values: [sessionId, [...roles], before?.createdAt ?? null, before?.id ?? null, take],
  });
  if (rows.length === 0 || !rows[0].visitor) return null;
  // A session without such messages comes back as one row whose message columns are null.
  return rows.filter((row) => row.id !== null).map(({ visitor: _visitor, ...row }) => row);
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
