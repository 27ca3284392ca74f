import { SpanKind, SpanStatusCode, context } from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/nats-core';
import { extractTraceContext, tracer } from '../tracing/trace-context';
import type { ConsumerHandler, ConsumerMessageMeta } from './consumer-message';

/**
 * Runs a consumer handler inside the producer's trace (a CONSUMER span under the remote
 * parent carried by the headers). Rejects with the signal's reason as soon as the signal
 * aborts, even if the handler ignores it; a handler still running after that cannot crash
 * the process with an unhandled rejection.
 */
export async function invokeHandler(
  handler: ConsumerHandler,
  payload: unknown,
  headers: MsgHdrs | undefined,
  consumer: string,
  meta: ConsumerMessageMeta,
): Promise<void> {
  const work = context.with(extractTraceContext(headers), () =>
    tracer().startActiveSpan(
      `${meta.contract.id} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': 'nats', 'messaging.consumer.group.name': consumer, 'messaging.message.id': meta.msgId ?? '' },
      },
      async (span) => {
        try {
          await handler(payload, meta);
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
          throw err;
        } finally {
          span.end();
        }
      },
    ),
  );
  work.catch(() => undefined);
  const { signal } = meta;
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => undefined);
  await Promise.race([work, aborted]);
}
