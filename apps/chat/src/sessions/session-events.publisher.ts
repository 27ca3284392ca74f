import { ChatSessionEventMessage, type ChatSessionEvent } from '@parley/contracts';
import { encodeJson, type MessagingConnection } from '@parley/messaging';

/**
 * Live event of one session on chat.live.<sessionId> (NATS core, fire and forget: the stored
 * history is the durable record). The gateway relays it to the visitor's /api/v1/chat/stream.
 */
export function publishSessionEvent(client: MessagingConnection, sessionId: string, event: ChatSessionEvent): void {
  client.nc.publish(client.namer.subject(ChatSessionEventMessage.subjectFor(sessionId)), encodeJson(event));
}
