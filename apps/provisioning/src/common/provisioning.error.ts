import type { ErrorCode, FieldIssue } from '@parley/contracts';

/**
 * A provisioning failure with a shared ErrorCode. RpcServer replies `{ ok: false, error: { code,
 * message, details } }` from `code`, `message` and `details`; the gateway maps the code to HTTP.
 */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[] },
  ) {
    super(message);
  }

  static notFound(what: string): ProvisioningError {
    return new ProvisioningError('NOT_FOUND', `${what} not found`);
  }

  static conflict(message: string, path: string): ProvisioningError {
    return new ProvisioningError('CONFLICT', message, { issues: [{ path, code: 'conflict', message }] });
  }
}
