// message_feedback: one rating per assistant message, in the TenantDb.run() transaction.
import type { TenantTx } from '@parley/persistence';

export interface NewFeedback {
  tenantId: string;
  sessionId: string;
  messageId: string;
  rating: number;
  comment: string | null;
}

/** Inserts the rating, or replaces the message's earlier one; `updated` says which happened. */
export async function upsertFeedback(tx: TenantTx, input: NewFeedback): Promise<{ id: string; rating: number; updated: boolean }> {
  // xmax is 0 for a freshly inserted row and non-zero when ON CONFLICT updated an existing one.
  const [row] = await tx.$queryRaw<{ id: string; rating: number; updated: boolean }[]>`
    INSERT INTO message_feedback (tenant_id, message_id, session_id, rating, comment)
    VALUES (${input.tenantId}::uuid, ${input.messageId}::uuid, ${input.sessionId}::uuid, ${input.rating}, ${input.comment})
    ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()
    RETURNING id::text AS id, rating, (xmax <> 0) AS updated`;
  return row;
}
