import type { ChatFeedbackRpc, RpcRequestOf, RpcResponseOf } from '@parley/contracts';
import type { TenantDb } from '@parley/persistence';
import { ChatError } from '../shared/chat.errors';

/**
 * Rates an assistant message of the session. A second rating of the same message replaces the
 * first (updated: true). A message of another session or tenant is NOT_FOUND; a visitor's or
 * staff member's own message cannot be rated (VALIDATION). Nothing is written on failure.
 */
export async function giveFeedback(db: TenantDb, request: RpcRequestOf<typeof ChatFeedbackRpc>): Promise<RpcResponseOf<typeof ChatFeedbackRpc>> {
  return db.run(request.tenantId, async (tx) => {
    const message = await tx.chatMessage.findFirst({
      where: { id: request.messageId, sessionId: request.sessionId },
      select: { id: true, role: true },
    });
    if (!message) throw new ChatError('NOT_FOUND', `message ${request.messageId} not found in session ${request.sessionId}`);
    if (message.role !== 'assistant') throw new ChatError('VALIDATION', 'feedback can only be given on an assistant message');
    const comment = request.comment && request.comment.length > 0 ? request.comment : null;
    // xmax is 0 for a freshly inserted row and non-zero when ON CONFLICT updated an existing one.
    const [row] = await tx.$queryRaw<{ id: string; rating: number; updated: boolean }[]>`
      INSERT INTO message_feedback (tenant_id, message_id, session_id, rating, comment)
      VALUES (${request.tenantId}::uuid, ${request.messageId}::uuid, ${request.sessionId}::uuid, ${request.rating}, ${comment})
      ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()
      RETURNING id::text AS id, rating, (xmax <> 0) AS updated`;
    return { version: 1, feedbackId: row.id, messageId: request.messageId, rating: row.rating, updated: row.updated };
  });
}
