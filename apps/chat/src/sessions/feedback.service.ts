import { Injectable } from '@nestjs/common';
import type { ChatFeedbackRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { ChatError } from '../common/chat.errors';
import { upsertFeedback } from './feedback.repository';
import { findMessageRole } from './message.repository';

/** Visitors' ratings of assistant messages (chat.feedback). */
@Injectable()
export class FeedbackService {
  constructor(private readonly db: TenantDb) {}

  /**
   * Rates an assistant message of the session. A second rating of the same message replaces the
   * first (updated: true). A message of another session or tenant is NOT_FOUND; a visitor's or
   * staff member's own message cannot be rated (VALIDATION). Nothing is written on failure.
   */
  async give(request: RpcRequestOf<typeof ChatFeedbackRpc>): Promise<RpcResponseOf<typeof ChatFeedbackRpc>> {
    return this.db.run(request.tenantId, async (tx) => {
      const role = await findMessageRole(tx, request.sessionId, request.messageId);
      if (role === null) throw new ChatError('NOT_FOUND', `message ${request.messageId} not found in session ${request.sessionId}`);
      if (role !== 'assistant') throw new ChatError('VALIDATION', 'feedback can only be given on an assistant message');
      const comment = request.comment && request.comment.length > 0 ? request.comment : null;
      const row = await upsertFeedback(tx, {
        tenantId: request.tenantId,
        sessionId: request.sessionId,
        messageId: request.messageId,
        rating: request.rating,
        comment,
      });
      return { version: 1, feedbackId: row.id, messageId: request.messageId, rating: row.rating, updated: row.updated };
    });
  }
}
