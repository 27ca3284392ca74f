import { Inject, Injectable } from '@nestjs/common';
import { ChatSessionEventMessage, type ChatSessionEvent } from '@parley/contracts';
import { encodeJson, NatsClient, type MessagingConnection } from '@parley/messaging';

/**
 * Live events of one session on chat.live.<sessionId> (NATS core, fire and forget: the stored
 * history is the durable record). The gateway relays them to the visitor's /api/v1/chat/stream.
 */
@Injectable()
export class SessionEventsPublisher {
  constructor(@Inject(NatsClient) private readonly client: MessagingConnection) {}

  publish(sessionId: string, event: ChatSessionEvent): void {
    this.client.nc.publish(this.client.namer.subject(ChatSessionEventMessage.subjectFor(sessionId)), encodeJson(event));
  }
}
