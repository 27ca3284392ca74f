// The staff console's conversations (chat.conversation.list / .get): visitor sessions of the
// caller's tenant, newest first, and one session's transcript. Served by
// conversations.handler.ts; the tenant always comes from the caller.
import { Injectable } from '@nestjs/common';
import type { ChatConversationGetRpc, ChatConversationListRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { ChatError } from '../common/chat.errors';
import { decodeHistoryCursor, encodeHistoryCursor } from '../sessions/history-cursor.util';
import { toHistoryPage } from '../sessions/history-page.mapper';
import { toConversationView } from './conversation.mapper';
import { readConversations, readConversationWithTranscript } from './conversation.repository';

@Injectable()
export class ConversationsService {
  constructor(private readonly db: TenantDb) {}

  async list(req: RpcRequestOf<typeof ChatConversationListRpc>): Promise<RpcResponseOf<typeof ChatConversationListRpc>> {
    const since = req.since ? new Date(req.since) : undefined;
    const until = req.until ? new Date(req.until) : undefined;
    if (since && until && since >= until) throw new ChatError('VALIDATION', 'since must be before until');
    const before = req.cursor ? decodeHistoryCursor(req.cursor) : null;
    const rows = await readConversations(this.db, req.tenantId, {
      status: req.status,
      since,
      until,
      contactId: req.contactId,
      signal: req.signal,
      before,
      limit: req.limit,
    });
    const page = rows.slice(0, req.limit);
    const last = page[page.length - 1];
    return {
      version: 1,
      items: page.map(toConversationView),
      nextCursor: rows.length > req.limit && last ? encodeHistoryCursor({ createdAt: last.startedAt, id: last.id }) : null,
    };
  }

  async get(req: RpcRequestOf<typeof ChatConversationGetRpc>): Promise<RpcResponseOf<typeof ChatConversationGetRpc>> {
    const before = req.cursor ? decodeHistoryCursor(req.cursor) : null;
    const found = await readConversationWithTranscript(this.db, req.tenantId, req.sessionId, before, req.limit);
    if (!found) throw ChatError.sessionNotFound(req.sessionId);
    const { row, messages } = found;
    const page = toHistoryPage(messages, req.limit);
    return { version: 1, conversation: toConversationView(row), messages: page.items, nextCursor: page.nextCursor };
  }
}
