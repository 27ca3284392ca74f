// The database had no room for a request in time: no pooled connection, no transaction slot, or a
// statement cancelled by its statement_timeout. Not a bug and not the caller's fault: RPC handlers
// answer it as UNAVAILABLE (the gateway's 503), consumers retry it with their backoff.
import type { ErrorCode } from '@parley/contracts';
import { sqlStateOf } from './database-error.util';

/** SQLSTATEs that mean "busy, try again": query_canceled (statement_timeout), too_many_connections, cannot_connect_now. */
const BUSY_SQL_STATES = new Set(['57014', '53300', '57P03']);

export class DatabaseBusyError extends Error {
  override readonly name = 'DatabaseBusyError';
  /** The RPC error code (kept by the RPC server's error mapping, like every known ErrorCode). */
  readonly code: ErrorCode = 'UNAVAILABLE';

  constructor(options?: { cause?: unknown }) {
    super('the database is busy; try again shortly', options);
  }
}

/**
 * True when `error` says the database was too busy to serve the request in time: Prisma could not
 * start a transaction within maxWait (P2028 "Unable to start a transaction"), node-postgres' pool
 * gave up waiting for a connection, or PostgreSQL cancelled or refused it for load (see
 * BUSY_SQL_STATES).
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    const message = typeof e.message === 'string' ? e.message : '';
    if (e.code === 'P2028' && message.includes('Unable to start a transaction')) return true;
    if (message.includes('timeout exceeded when trying to connect')) return true;
    current = e.cause;
  }
  const state = sqlStateOf(error);
  return state !== undefined && BUSY_SQL_STATES.has(state);
}

/** `error` as a DatabaseBusyError when isDatabaseBusy says so, otherwise unchanged. */
export function busyOr(error: unknown): unknown {
  return error instanceof DatabaseBusyError || !isDatabaseBusy(error) ? error : new DatabaseBusyError({ cause: error });
}
