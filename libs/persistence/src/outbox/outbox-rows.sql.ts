import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';
import type { OutboxMessageInput } from './outbox.types';

/**
 * Outbox rows for a hand-written statement (TenantDb.statement()): the messages as one JSON
 * array parameter, and the INSERT that turns it into rows. The rows are the same as
 * enqueueOutbox's (a random uuid id, the relay's Nats-Msg-Id; subject; the payload's JSON form;
 * headers), inserted in the array's order so their seq values follow it (the relay publishes by
 * seq). The statement's text stays fixed whatever the number of rows, so it is prepared once.
 */
export function outboxRowsJson(messages: readonly OutboxMessageInput[]): string {
  return JSON.stringify(
    messages.map((m) => {
      if (m.payload === undefined || m.payload === null) {
        throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, 'outbox payload must be a JSON value other than null');
      }
      return { subject: m.subject, payload: m.payload, headers: m.headers ?? {} };
    }),
  );
}

/**
 * `INSERT INTO outbox ...` from the JSON array parameter `$n` (see outboxRowsJson), rows in array
 * order, `from` joined in (e.g. a CTE that must have a row for anything to be written), returning
 * the ids. For a data-modifying CTE: `o AS (${outboxInsertFromJson(5, 's')})`.
 */
export function outboxInsertFromJson(param: number, from?: string): string {
  if (!Number.isInteger(param) || param < 1) throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, `bad parameter $${param}`);
  if (from !== undefined && !/^[a-z_][a-z0-9_]*$/.test(from)) {
    throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, `bad relation name ${from}`);
  }
  return `INSERT INTO outbox (subject, payload, headers)
    SELECT e.value->>'subject', e.value->'payload', e.value->'headers'
      FROM ${from ? `${from}, ` : ''}jsonb_array_elements($${param}::jsonb) WITH ORDINALITY AS e(value, ord)
     ORDER BY e.ord
    RETURNING id::text AS id`;
}
