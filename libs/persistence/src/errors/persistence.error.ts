// Errors the persistence layer raises on purpose. Callers map `code` to their transport
// (HTTP problem type, NATS ack/nak/term) with an exhaustive switch.
export const PersistenceErrorCode = {
  /** The tenant id given to a tenant-scoped operation is not a UUID. */
  INVALID_TENANT: 'INVALID_TENANT',
  /** The database did not answer (connection refused, timeout, bad credentials). */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** A value handed to a repository is malformed (e.g. an embedding with the wrong dimension). */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
} as const;

export type PersistenceErrorCode = (typeof PersistenceErrorCode)[keyof typeof PersistenceErrorCode];

export class PersistenceError extends Error {
  override readonly name = 'PersistenceError';

  constructor(
    readonly code: PersistenceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
