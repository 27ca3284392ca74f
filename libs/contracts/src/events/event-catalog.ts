import type { EventContract } from '../contract.types';
import { parseEventSubject, type EventName } from '../subjects';
import { ActionRequestedEvent } from './action.events';
import { ChatSessionClosedEvent, ChatTurnCompletedEvent } from './chat.events';
import { InsightsAlertEvent } from './insights.events';
import { IntelMessageExtractedEvent, IntelSessionSummarizedEvent } from './intel.events';
import { NotifyRequestedEvent } from './notify.events';
import { TenantCreatedEvent, TenantDeactivatedEvent, TenantKeyRotatedEvent, TenantUpdatedEvent } from './tenant.events';

export const EVENT_CONTRACTS: Readonly<Record<EventName, EventContract>> = {
  'chat.turn_completed': ChatTurnCompletedEvent,
  'chat.session_closed': ChatSessionClosedEvent,
  'intel.message_extracted': IntelMessageExtractedEvent,
  'intel.session_summarized': IntelSessionSummarizedEvent,
  'tenant.created': TenantCreatedEvent,
  'tenant.updated': TenantUpdatedEvent,
  'tenant.key_rotated': TenantKeyRotatedEvent,
  'tenant.deactivated': TenantDeactivatedEvent,
  'insights.alert': InsightsAlertEvent,
  'notify.requested': NotifyRequestedEvent,
  'action.requested': ActionRequestedEvent,
};

/** The contract of an event subject (`evt.chat.turn_completed.<tenant>`), or null if none. */
export function eventContractForSubject(subject: string): EventContract | null {
  const parsed = parseEventSubject(subject);
  return parsed ? EVENT_CONTRACTS[parsed.name] : null;
}
