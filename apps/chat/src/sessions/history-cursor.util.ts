import { isUuid } from '@parley/contracts';
import { ChatError } from '../common/chat.errors';

/** Position of a message in a session's history: created_at, then id to break ties. */
export interface HistoryPosition {
  createdAt: Date;
  id: string;
}

/** Opaque cursor (base64url of `[iso, id]`) pointing at the oldest message already returned. */
export function encodeHistoryCursor(position: HistoryPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** Decodes a cursor from encodeHistoryCursor; anything else is a VALIDATION error. */
export function decodeHistoryCursor(cursor: string): HistoryPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ChatError('VALIDATION', 'cursor is not a history cursor');
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    typeof decoded[0] === 'string' &&
    typeof decoded[1] === 'string' &&
    isUuid(decoded[1])
  ) {
    const createdAt = new Date(decoded[0]);
    if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: decoded[1] };
  }
  throw new ChatError('VALIDATION', 'cursor is not a history cursor');
}
