import type { ErrorCode } from '@parley/contracts';

/** A CRM request that cannot be served; the RPC reply carries `code` (NOT_FOUND, VALIDATION...). */
export class CrmError extends Error {
  override readonly name = 'CrmError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Sent with the reply: `issues` lists offending fields of a VALIDATION. */
    readonly details?: { issues: Array<{ path: string; code: string; message: string }> },
  ) {
    super(message);
  }
}
