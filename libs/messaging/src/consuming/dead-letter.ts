import { headers as createHeaders, type MsgHdrs } from '@nats-io/nats-core';
import type { PubAck } from '@nats-io/jetstream';
import { deadLetterSchema, parseEventSubject, type DeadLetter, type DeadLetterReason } from '@parley/contracts';
import type { MessagingConnection } from '../connection/nats-client';
import { MessagingError } from '../errors/messaging.error';
import { PARLEY_HEADERS } from '../publishing/headers';
import { bodyForStorage, encodeJson } from '../publishing/json-codec';
import { headersToRecord } from '../tracing/trace-context';

export interface DeadLetterSource {
  /** Namespaced consumer definition fields. */
  consumer: string;
  deadLetterSubject: string;
  stream: string;
  streamSequence: number;
  /** Logical subject (namespace stripped). */
  subject: string;
  deliveryCount: number;
  headers: MsgHdrs | undefined;
  data: Uint8Array;
}

export function buildDeadLetter(source: DeadLetterSource, reason: DeadLetterReason, now = new Date()): DeadLetter {
  const msgId = source.headers?.get('Nats-Msg-Id') || null;
  const letter: DeadLetter = {
    version: 1,
    consumer: source.consumer,
    stream: source.stream,
    streamSequence: source.streamSequence,
    originalSubject: source.subject,
    tenantId: parseEventSubject(source.subject)?.tenantId ?? null,
    msgId,
    deliveryCount: source.deliveryCount,
    headers: headersToRecord(source.headers),
    ...bodyForStorage(source.data),
    reason: { ...reason, message: reason.message.slice(0, 2000) },
    deadLetteredAt: now.toISOString(),
  };
  return deadLetterSchema.parse(letter);
}

const RETRY_DELAYS_MS = [0, 250, 1000];

/**
 * Publishes a dead letter on `dlq.<consumer>` (namespaced). The msg id is derived from the
 * stream sequence, so a retry after a crash does not produce a second dead letter.
 * Retries a few times; throws MessagingError PUBLISH_FAILED if JetStream never acknowledges,
 * in which case the caller must not terminate the original message.
 */
export async function publishDeadLetter(client: MessagingConnection, source: DeadLetterSource, reason: DeadLetterReason): Promise<PubAck> {
  const letter = buildDeadLetter(source, reason);
  // original headers (trace context included) travel along, minus the original msg id
  const h = createHeaders();
  for (const key of source.headers?.keys() ?? []) for (const value of source.headers!.values(key)) h.append(key, value);
  h.delete('Nats-Msg-Id');
  h.set(PARLEY_HEADERS.deadLetterReason, reason.kind);
  h.set(PARLEY_HEADERS.originalSubject, source.subject);
  let lastError: unknown;
  for (const wait of RETRY_DELAYS_MS) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    try {
      return await client.js.publish(source.deadLetterSubject, encodeJson(letter), {
        msgID: `dlq:${source.stream}:${source.consumer}:${source.streamSequence}`,
        headers: h,
      });
    } catch (err) {
      lastError = err;
    }
  }
  throw new MessagingError(
    'PUBLISH_FAILED',
    `dead letter for ${source.stream}#${source.streamSequence} not stored: ${(lastError as Error).message}`,
    {
      cause: lastError,
    },
  );
}
