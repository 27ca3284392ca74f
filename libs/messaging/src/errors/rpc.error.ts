import type { ErrorBody, ErrorCode, FieldIssue } from '@parley/contracts';

export type RpcErrorDetails = NonNullable<ErrorBody['details']>;

/**
 * A request-reply failure with a shared ErrorCode: raised by RpcClient (TIMEOUT,
 * UNAVAILABLE, INTERNAL for an unreadable reply, or the remote code of `{ ok: false }`)
 * and thrown by handlers to choose the code of their reply.
 */
export class RpcError extends Error {
  override readonly name = 'RpcError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: RpcErrorDetails,
    options?: { cause?: unknown; remote?: boolean },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.remote = options?.remote ?? false;
  }

  /** True when the code came from the remote service's reply rather than the transport. */
  readonly remote: boolean;

  static validation(message: string, issues: FieldIssue[]): RpcError {
    return new RpcError('VALIDATION', message, { issues });
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
