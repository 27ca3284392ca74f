import { ChatSessionClosedEvent, type ChatSessionClosed } from '@parley/contracts';
import { toOutboxMessage } from '@parley/messaging';
import { enqueueOutbox, type ChatSessionModel, type TenantTx } from '@parley/persistence';
import { countUserMessages } from './message.repository';

/** Adds evt.chat.session_closed for a session this transaction just closed. */
export async function enqueueSessionClosed(tx: TenantTx, session: ChatSessionModel, reason: ChatSessionClosed['reason']): Promise<void> {
  const closedAt = (session.closedAt ?? new Date()).toISOString();
  const turnCount = await countUserMessages(tx, session.id);
  const message = toOutboxMessage(
    ChatSessionClosedEvent,
    {
      version: 1,
      tenantId: session.tenantId,
      sessionId: session.id,
      contactId: session.contactId,
      reason,
      turnCount,
      startedAt: session.startedAt.toISOString(),
      closedAt,
      occurredAt: closedAt,
      // A staff assistant session is no customer conversation: no L2 summary (ADR 0012).
      ...(session.staffUserId ? { audience: 'staff' as const } : {}),
    },
    session.tenantId,
  );
  await enqueueOutbox(tx, message);
}
