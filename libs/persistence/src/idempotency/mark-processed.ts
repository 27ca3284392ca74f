import type { Db } from '../client/prisma.types';

/**
 * Records that `consumer` handled `messageId`, in the caller's transaction (the same one as the
 * consumer's effect). Returns true the first time, false when it was already processed — then
 * the caller skips its effect and acks. A concurrent duplicate blocks on the unique key until
 * the first transaction ends, so exactly one of them gets true.
 */
export async function markProcessed(tx: Db, consumer: string, messageId: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO processed_events (consumer, message_id) VALUES (${consumer}, ${messageId})
    ON CONFLICT (consumer, message_id) DO NOTHING`;
  return inserted === 1;
}
