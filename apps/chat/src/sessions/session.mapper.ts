import { sessionViewChannelSchema, type ChatSessionView } from '@parley/contracts';
import type { SessionViewRow } from './session.repository';

/** The stored channel when it is one the contract knows; sessions created by hand default to the widget. */
function channelOf(value: string): ChatSessionView['channel'] {
  const parsed = sessionViewChannelSchema.safeParse(value);
  return parsed.success ? parsed.data : 'widget';
}

export function toSessionView(row: SessionViewRow): ChatSessionView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    externalUserId: row.externalUserId,
    contactId: row.contactId,
    status: row.status,
    needsHuman: row.needsHuman,
    mode: row.mode,
    channel: channelOf(row.channel),
    staffUserId: row.staffUserId,
    messageCount: row.messageCount,
    startedAt: row.startedAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    closeReason: row.closeReason,
  };
}
