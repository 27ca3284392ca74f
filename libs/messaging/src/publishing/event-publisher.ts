import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { PubAck } from '@nats-io/jetstream';
import type { EventContract, InputOf } from '@parley/contracts';
import type { MessagingConnection } from '../connection/nats-client';
import { MessagingError } from '../errors/messaging.error';
import { headersWithTraceContext, tracer } from '../tracing/trace-context';
import { PARLEY_HEADERS } from './headers';
import { encodeJson } from './json-codec';
import { validateEvent } from './validate-event';

export interface EventPublishOptions {
  /** Nats-Msg-Id: a repeat within the stream's duplicate window is dropped (PubAck.duplicate). */
  msgId: string;
  tenantId: string;
  timeoutMs?: number;
}

/**
 * Publishes durable events to JetStream. Product code publishes through the outbox relay
 * (STYLE.md §6); this is the primitive it and the outbox-less paths (dead letters, tests)
 * build on.
 */
export class EventPublisher {
  constructor(private readonly client: MessagingConnection) {}

  /**
   * Validates `payload` (an invalid one throws MessagingError INVALID_PAYLOAD and nothing is
   * published), then publishes with the msg id and the active trace context.
   */
  async publish<C extends EventContract>(contract: C, payload: InputOf<C>, options: EventPublishOptions): Promise<PubAck> {
    const { subject, payload: valid } = validateEvent(contract, payload, options.tenantId);
    const wireSubject = this.client.namer.subject(subject);
    return tracer().startActiveSpan(
      `${contract.pattern} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': contract.pattern, 'messaging.message.id': options.msgId },
      },
      async (span) => {
        try {
          const headers = headersWithTraceContext({
            [PARLEY_HEADERS.contract]: contract.id,
            [PARLEY_HEADERS.version]: String(contract.version),
          });
          return await this.client.js.publish(wireSubject, encodeJson(valid), {
            msgID: options.msgId,
            headers,
            timeout: options.timeoutMs ?? 5000,
          });
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw new MessagingError('PUBLISH_FAILED', `publish ${contract.id} failed: ${(err as Error).message}`, { cause: err });
        } finally {
          span.end();
        }
      },
    );
  }
}
