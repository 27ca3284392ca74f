import type { Subscription } from '@nats-io/nats-core';
import type { ConsumerDefinition } from '@parley/contracts';
import type { MessagingConnection } from '../connection/nats-client';
import { silentLogger, type MessagingLogger } from '../observability/messaging-logger';
import { decodeJson } from '../publishing/json-codec';
import { publishDeadLetter } from './dead-letter';

export interface MaxDeliveriesWatcher {
  stop(): Promise<void>;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/**
 * JetStream silently stops delivering a message after max_deliver deliveries that were
 * neither acked nor terminated (a handler that crashed the process or blew its ack wait on
 * the last attempt). The server then emits a MAX_DELIVERIES advisory; this watcher turns it
 * into a dead letter with the stored message, so nothing is dropped silently. Replicas share
 * one queue group, and the dead letter's msg id dedupes a repeat.
 */
export function watchMaxDeliveries(
  client: MessagingConnection,
  def: ConsumerDefinition,
  options: { logger?: MessagingLogger; onDeadLettered?: (subject: string) => void } = {},
): MaxDeliveriesWatcher {
  const logger = options.logger ?? silentLogger;
  const inflight = new Set<Promise<void>>();
  const handle = async (data: Uint8Array): Promise<void> => {
    // Decoded like every other NATS body: bounded depth, strict UTF-8, never a throw.
    const decoded = decodeJson(data);
    if (!decoded.ok) {
      logger.warn({ consumer: def.durable, reason: decoded.reason }, 'max deliveries advisory not readable');
      return;
    }
    const advisory = (decoded.value ?? {}) as { stream_seq?: unknown; deliveries?: unknown };
    if (!isCount(advisory.stream_seq)) return;
    const deliveries = isCount(advisory.deliveries) ? advisory.deliveries : def.maxDeliver;
    const stored = await client.jsm.streams.getMessage(def.stream, { seq: advisory.stream_seq });
    if (!stored) {
      logger.error({ consumer: def.durable, seq: advisory.stream_seq }, 'max deliveries reached but the message is gone from the stream');
      return;
    }
    const subject = client.namer.strip(stored.subject);
    await publishDeadLetter(
      client,
      {
        consumer: def.durable,
        deadLetterSubject: def.deadLetterSubject,
        stream: def.stream,
        streamSequence: stored.seq,
        subject,
        deliveryCount: deliveries,
        headers: stored.header,
        data: stored.data,
      },
      {
        kind: 'max_deliver',
        message: `no ack after ${deliveries} deliveries (consumer crashed or exceeded its ack wait)`,
        errorCode: 'TIMEOUT',
      },
    );
    logger.warn({ consumer: def.durable, seq: stored.seq }, 'dead-lettered after max deliveries without ack');
    options.onDeadLettered?.(subject);
  };
  const sub: Subscription = client.nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${def.stream}.${def.durable}`, {
    queue: `${def.durable}-max-deliveries`,
    callback: (err, msg) => {
      if (err) return;
      const task = handle(msg.data).catch((e: unknown) =>
        logger.error({ err: e, consumer: def.durable }, 'max deliveries advisory not handled'),
      );
      inflight.add(task);
      void task.finally(() => inflight.delete(task));
    },
  });
  return {
    async stop() {
      if (!sub.isClosed() && !client.nc.isClosed()) await sub.drain().catch(() => undefined);
      await Promise.allSettled([...inflight]);
    },
  };
}
