import type { SchemaContract } from '@parley/contracts';

/** What a handler knows about the message besides its parsed payload. */
export interface ConsumerMessageMeta {
  /** Logical subject (namespace stripped), e.g. `evt.chat.turn_completed.<tenantId>`. */
  subject: string;
  /** Nats-Msg-Id (the outbox id): the natural key for `processed_events`. */
  msgId: string | null;
  /** Tenant token of the subject. */
  tenantId: string | null;
  /** 1 on first delivery. */
  deliveryCount: number;
  streamSequence: number;
  contract: SchemaContract;
  /** Aborted when the handler exceeds its processing time or the runner stops. */
  signal: AbortSignal;
}

export type ConsumerHandler = (payload: unknown, meta: ConsumerMessageMeta) => Promise<void>;
