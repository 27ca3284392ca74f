/** One pending outbox row as the relay sees it. */
export interface OutboxRow {
  /** Outbox id (uuid): becomes Nats-Msg-Id, so a re-publish is dropped as a duplicate. */
  id: string;
  /** Logical subject, without namespace: `evt.<domain>.<name>.<tenantId>`. */
  subject: string;
  /** The validated event payload (JSON). */
  payload: unknown;
  /** Headers captured at write time (trace context, contract id). */
  headers?: Record<string, string> | null;
}

/**
 * Storage of outbox rows, implemented in libs/persistence. `claimBatch` returns up to `limit`
 * pending rows, oldest first, and must not hand the same row to two relays at once (e.g. a
 * lease column or FOR UPDATE SKIP LOCKED); a claimed row that is never marked sent must
 * become claimable again. `markSent` is idempotent.
 */
export interface OutboxStore {
  claimBatch(limit: number): Promise<OutboxRow[]>;
  markSent(ids: string[]): Promise<unknown>;
  /** Optional: record a publish failure and release the row's claim so it is retried sooner. */
  markFailed?(id: string, error: string): Promise<unknown>;
}
