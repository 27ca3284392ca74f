// Tenant staff's side of a human handoff: the sessions waiting for a person, a reply written by
// a person (stored as role `staff`), and handing the session back to the bot.
//
// Served as chat.handoff.* (handoff.handler.ts), which also pushes the live session events.
// Each takes the tenant from its caller and runs in a tenant transaction (TenantDb.run(), the
// waiting list one TenantDb.statement()), so another tenant's session is NOT_FOUND.
import { Injectable } from '@nestjs/common';
import type { ChatMessageView, ChatSessionView } from '@parley/contracts';
import { TenantDb, writeAudit } from '@parley/persistence';
import { ChatError } from '../common/chat.errors';
import { insertStaffMessage } from '../sessions/message.repository';
import { toSessionView } from '../sessions/session.mapper';
import { findSessionStatus, readSessionsNeedingHuman, recordStaffReply, setBotMode } from '../sessions/session.repository';

export const STAFF_REPLY_MAX_CHARS = 8000;

@Injectable()
export class StaffHandoffService {
  constructor(private readonly db: TenantDb) {}

  /** Open sessions that need a person, longest-waiting first. */
  async listSessionsNeedingHuman(tenantId: string, limit: number): Promise<ChatSessionView[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ChatError('VALIDATION', 'limit must be an integer 1-100');
    const rows = await readSessionsNeedingHuman(this.db, tenantId, limit);
    return rows.map(toSessionView);
  }

  /**
   * Stores a reply written by tenant staff into an open session and puts the session in human
   * mode (the bot stays quiet while a person answers). The visitor sees it in the history, and
   * live on chat.live.<sessionId> (published by the RPC handler).
   */
  async replyAsStaff(input: { tenantId: string; sessionId: string; content: string; authorId?: string }): Promise<ChatMessageView> {
    const content = input.content.trim();
    if (content.length === 0 || content.length > STAFF_REPLY_MAX_CHARS) {
      throw new ChatError('VALIDATION', `reply must be 1-${STAFF_REPLY_MAX_CHARS} characters`);
    }
    const row = await this.db.run(input.tenantId, async (tx) => {
      const status = await findSessionStatus(tx, input.sessionId);
      if (status === null) throw ChatError.sessionNotFound(input.sessionId);
      if (status !== 'open') throw new ChatError('CONFLICT', `session ${input.sessionId} is closed`);
      const message = await insertStaffMessage(tx, {
        tenantId: input.tenantId,
        sessionId: input.sessionId,
        content,
        authorId: input.authorId ?? null,
      });
      await recordStaffReply(tx, input.sessionId, message.createdAt);
      // Who answered which session, in the reply's transaction; never the reply's text.
      await writeAudit(tx, {
        tenantId: input.tenantId,
        actor: { type: 'tenant_user', id: input.authorId ?? null },
        action: 'handoff.replied',
        targetType: 'chat_session',
        targetId: input.sessionId,
        data: { messageId: message.id },
      });
      return message;
    });
    return {
      id: row.id,
      sessionId: row.sessionId,
      turnId: null,
      role: 'staff',
      content: row.content,
      interrupted: false,
      signals: [],
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Staff are done: the bot answers again and the session no longer needs a person. */
  async handBackToBot(input: { tenantId: string; sessionId: string; staffUserId?: string }): Promise<ChatSessionView> {
    const row = await this.db.run(input.tenantId, async (tx) => {
      const session = await setBotMode(tx, input.sessionId);
      if (!session) throw ChatError.sessionNotFound(input.sessionId);
      await writeAudit(tx, {
        tenantId: input.tenantId,
        actor: { type: 'tenant_user', id: input.staffUserId ?? null },
        action: 'handoff.handed_back',
        targetType: 'chat_session',
        targetId: input.sessionId,
      });
      return session;
    });
    return toSessionView(row);
  }
}
