import type { ErrorCode } from '@parley/contracts';

/**
 * Thrown by a consumer handler when retrying cannot help (the referenced row will never
 * exist, the tenant is gone...). The runner dead-letters the message and terminates it
 * instead of redelivering. Any other error is treated as transient and retried.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';

  constructor(
    message: string,
    readonly code: ErrorCode = 'INTERNAL',
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}
