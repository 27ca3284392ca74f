import type { EventContract, InputOf, PayloadOf } from '@parley/contracts';
import { PARLEY_HEADERS } from '../publishing/headers';
import { validateEvent } from '../publishing/validate-event';
import { traceContextRecord } from '../tracing/trace-context';

export interface OutboxMessage<C extends EventContract = EventContract> {
  subject: string;
  payload: PayloadOf<C>;
  headers: Record<string, string>;
}

/**
 * What a producer stores in its outbox row, in the same transaction as its own rows:
 * validated now (an invalid event fails the transaction rather than a consumer later),
 * with the current trace context so the consumer's span joins the producer's trace.
 */
export function toOutboxMessage<C extends EventContract>(contract: C, payload: InputOf<C>, tenantId: string): OutboxMessage<C> {
  const { subject, payload: valid } = validateEvent(contract, payload, tenantId);
  return {
    subject,
    payload: valid,
    headers: { ...traceContextRecord(), [PARLEY_HEADERS.contract]: contract.id, [PARLEY_HEADERS.version]: String(contract.version) },
  };
}
