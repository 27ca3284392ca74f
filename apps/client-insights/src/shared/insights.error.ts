import type { ErrorCode } from '@parley/contracts';

/** An insights request that cannot be served; the RPC reply carries `code` (NOT_FOUND, VALIDATION). */
export class InsightsError extends Error {
  override readonly name = 'InsightsError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
