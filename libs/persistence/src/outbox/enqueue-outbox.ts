import type { Db } from '../client/prisma.types';
import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';
import type { Prisma } from '../generated/prisma/client';
import type { OutboxMessageInput } from './outbox.types';

/**
 * Adds an outbox row in the caller's transaction, so the event exists if and only if the
 * caller's rows commit. Returns the row id (the JetStream Nats-Msg-Id used for de-duplication).
 */
export async function enqueueOutbox(tx: Db, message: OutboxMessageInput): Promise<string> {
  const row = await tx.outbox.create({
    data: { subject: message.subject, payload: toJsonPayload(message.payload), headers: message.headers ?? {} },
    select: { id: true },
  });
  return row.id;
}

/** The payload's JSON form (what the relay will publish): Dates become ISO strings, etc. */
export function toJsonPayload(payload: unknown): Prisma.InputJsonValue {
  const json = payload === undefined ? undefined : JSON.stringify(payload);
  if (json === undefined || json === 'null') {
    throw new PersistenceError(PersistenceErrorCode.INVALID_ARGUMENT, 'outbox payload must be a JSON value other than null');
  }
  return JSON.parse(json) as Prisma.InputJsonValue;
}
