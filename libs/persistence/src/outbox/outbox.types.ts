export interface OutboxMessageInput {
  /** Full NATS subject, e.g. evt.chat.turn_completed.<tenantId> (use the contracts constants). */
  subject: string;
  /** The event body, already validated against its contract; stored as its JSON form (jsonb). */
  payload: unknown;
  /** Extra NATS headers (trace context, content type...). */
  headers?: Record<string, string>;
}

/** A claimed outbox row: the relay publishes it with Nats-Msg-Id = id. */
export interface OutboxRecord {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string>;
  createdAt: Date;
  /** How many times the row has been claimed, including this claim. */
  attempts: number;
}
