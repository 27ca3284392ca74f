import type { ErrorCode, FieldIssue } from '@parley/contracts';

/**
 * A notifier failure with a shared ErrorCode: RpcServer replies it as `{ ok: false, error }` and
 * the gateway maps the code to HTTP (NOT_FOUND 404, VALIDATION 400 with the fields...).
 */
export class NotifierError extends Error {
  override readonly name = 'NotifierError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[] },
  ) {
    super(message);
  }

  static notFound(what: string): NotifierError {
    return new NotifierError('NOT_FOUND', `${what} not found`);
  }

  static invalid(path: string, message: string, code = 'invalid'): NotifierError {
    return new NotifierError('VALIDATION', message, { issues: [{ path, code, message }] });
  }
}
