import { Injectable } from '@nestjs/common';
import type { ChatHistoryRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { ChatError } from '../common/chat.errors';
import { decodeHistoryCursor } from './history-cursor.util';
import { toHistoryPage } from './history-page.mapper';
import { readVisitorHistoryPage } from './message.repository';

const VISIBLE_ROLES = ['user', 'assistant', 'staff'] as const;

/** A visitor session's history (chat.history). */
@Injectable()
export class HistoryService {
  constructor(private readonly db: TenantDb) {}

  /**
   * A page of a session's messages: the newest `limit` messages older than the cursor, returned
   * oldest first, with their stored signals. nextCursor walks on towards older messages.
   */
  async get(request: RpcRequestOf<typeof ChatHistoryRpc>): Promise<RpcResponseOf<typeof ChatHistoryRpc>> {
    const before = request.cursor ? decodeHistoryCursor(request.cursor) : null;
    // One statement: the session's check and the page. A staff user's assistant session is theirs
    // alone (chat.assistant.history), not a visitor conversation: NOT_FOUND as an unknown one.
    const rows = await readVisitorHistoryPage(this.db, request.tenantId, request.sessionId, VISIBLE_ROLES, before, request.limit + 1);
    if (!rows) throw ChatError.sessionNotFound(request.sessionId);
    return toHistoryPage(rows, request.limit);
  }
}
