// The staff assistant's sessions (docs/adr/0012-staff-assistant.md): chat_sessions rows with
// staff_user_id set, one open at a time per user. Served as chat.assistant.session and
// chat.assistant.history (assistant.handler.ts).
import { Injectable } from '@nestjs/common';
import type { ChatAssistantHistoryRpc, ChatSessionView, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import { TenantDb, type ChatSessionModel, type TenantTx } from '@parley/persistence';
import { decodeHistoryCursor } from '../sessions/history-cursor.util';
import { toHistoryPage } from '../sessions/history-page.mapper';
import { toSessionView } from '../sessions/session.mapper';
import { ChatError } from '../common/chat.errors';
import { findTenantStatus } from '../common/tenant-registry.repository';
import {
  assistantHistoryRows,
  findOpenAssistantSession,
  findStaffUserStatus,
  insertAssistantSession,
  lockStaffUserSessions,
} from './assistant-session.repository';

export const ASSISTANT_CHANNEL = 'assistant';

/** The tenant is active and the user is one of its active staff (else NOT_FOUND / FORBIDDEN). */
async function assertActiveStaff(tx: TenantTx, tenantId: string, staffUserId: string): Promise<void> {
  // `tenants` has no RLS; tenant_users does, and is filtered by tenant id again.
  const tenantStatus = await findTenantStatus(tx, tenantId);
  if (tenantStatus === null) throw new ChatError('NOT_FOUND', `tenant ${tenantId} not found`);
  if (tenantStatus !== 'active') throw new ChatError('FORBIDDEN', 'tenant is deactivated');
  const userStatus = await findStaffUserStatus(tx, tenantId, staffUserId);
  if (userStatus === null) throw new ChatError('NOT_FOUND', `staff user ${staffUserId} not found`);
  if (userStatus !== 'active') throw new ChatError('FORBIDDEN', 'staff user is disabled');
}

@Injectable()
export class AssistantSessionService {
  constructor(private readonly db: TenantDb) {}

  /**
   * The user's newest open assistant session, or a new one when none is open (the idle sweeper
   * closed the last). A transaction-scoped advisory lock on the user serialises concurrent first
   * requests, so a user never gets two open sessions at once.
   */
  async current(tenantId: string, staffUserId: string): Promise<{ session: ChatSessionView; created: boolean }> {
    const { row, created } = await this.db.run(tenantId, async (tx): Promise<{ row: ChatSessionModel; created: boolean }> => {
      await assertActiveStaff(tx, tenantId, staffUserId);
      await lockStaffUserSessions(tx, staffUserId);
      const open = await findOpenAssistantSession(tx, tenantId, staffUserId);
      if (open) return { row: open, created: false };
      const session = await insertAssistantSession(tx, { tenantId, staffUserId, channel: ASSISTANT_CHANNEL });
      return { row: session, created: true };
    });
    return { session: toSessionView(row), created };
  }

  /** The user's messages across all their assistant sessions, newest page first (oldest first within a page). */
  async history(request: RpcRequestOf<typeof ChatAssistantHistoryRpc>): Promise<RpcResponseOf<typeof ChatAssistantHistoryRpc>> {
    const before = request.cursor ? decodeHistoryCursor(request.cursor) : null;
    const rows = await this.db.run(request.tenantId, async (tx) => {
      await assertActiveStaff(tx, request.tenantId, request.staffUserId);
      return assistantHistoryRows(tx, request.tenantId, request.staffUserId, before, request.limit + 1);
    });
    return toHistoryPage(rows, request.limit);
  }
}
