// The staff console's conversations (chat.conversation.list / .get): visitor sessions of the
// caller's tenant, newest first, and one session's transcript. Served by
// src/rpc/chat-rpc.endpoints.ts; the tenant always comes from the caller.
import type { ChatConversationGetRpc, ChatConversationListRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import type { TenantDb } from '@parley/persistence';
import { decodeHistoryCursor, encodeHistoryCursor } from '../sessions/history-cursor.util';
import { toHistoryPage } from '../sessions/history.use-case';
import { ChatError } from '../shared/chat.errors';
import { toConversationView } from './conversation.mapper';
import { findConversation, findConversations, findTranscriptMessages } from './conversation.repository';

export async function listConversations(
  db: TenantDb,
  req: RpcRequestOf<typeof ChatConversationListRpc>,
): Promise<RpcResponseOf<typeof ChatConversationListRpc>> {
  const since = req.since ? new Date(req.since) : undefined;
  const until = req.until ? new Date(req.until) : undefined;
  if (since && until && since >= until) throw new ChatError('VALIDATION', 'since must be before until');
  const before = req.cursor ? decodeHistoryCursor(req.cursor) : null;
  const rows = await db.run(req.tenantId, (tx) =>
    findConversations(tx, { status: req.status, since, until, contactId: req.contactId, signal: req.signal, before, limit: req.limit }),
  );
  const page = rows.slice(0, req.limit);
  const last = page[page.length - 1];
  return {
    version: 1,
    items: page.map(toConversationView),
    nextCursor: rows.length > req.limit && last ? encodeHistoryCursor({ createdAt: last.startedAt, id: last.id }) : null,
  };
}

export async function getConversation(
  db: TenantDb,
  req: RpcRequestOf<typeof ChatConversationGetRpc>,
): Promise<RpcResponseOf<typeof ChatConversationGetRpc>> {
  const before = req.cursor ? decodeHistoryCursor(req.cursor) : null;
  const { row, messages } = await db.run(req.tenantId, async (tx) => {
    const found = await findConversation(tx, req.sessionId);
    if (!found) throw ChatError.sessionNotFound(req.sessionId);
    return { row: found, messages: await findTranscriptMessages(tx, req.sessionId, before, req.limit) };
  });
  const page = toHistoryPage(messages, req.limit);
  return { version: 1, conversation: toConversationView(row), messages: page.items, nextCursor: page.nextCursor };
}
