import type { ErrorCode } from '@parley/contracts';

/**
 * Errors of the chat service. `code` is a shared ErrorCode, so the RPC server replies with it
 * (errorBodyFor keeps code and message) and the gateway maps it to problem+json.
 */
export class ChatError extends Error {
  override readonly name = 'ChatError';

  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }

  static sessionNotFound(sessionId: string): ChatError {
    return new ChatError('NOT_FOUND', `session ${sessionId} not found`);
  }
}
