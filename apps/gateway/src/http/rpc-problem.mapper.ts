import type { ErrorCode } from '@parley/contracts';
import { RpcError } from '@parley/messaging';
import { ProblemException, type ProblemFieldError } from './problem.exception';

function assertUnreachable(value: never): never {
  throw new Error(`unhandled error code ${String(value)}`);
}

/** HTTP status and title of each shared error code (exhaustive: a new code fails to compile). */
export function httpStatusForCode(code: ErrorCode): { status: number; title: string } {
  switch (code) {
    case 'VALIDATION':
      return { status: 400, title: 'Validation failed' };
    case 'UNAUTHORIZED':
      return { status: 401, title: 'Unauthorized' };
    case 'FORBIDDEN':
      return { status: 403, title: 'Forbidden' };
    case 'NOT_FOUND':
      return { status: 404, title: 'Not found' };
    case 'CONFLICT':
      return { status: 409, title: 'Conflict' };
    case 'PRECONDITION_FAILED':
      return { status: 412, title: 'Precondition failed' };
    case 'PAYLOAD_TOO_LARGE':
      return { status: 413, title: 'Payload too large' };
    case 'RATE_LIMITED':
      return { status: 429, title: 'Too many requests' };
    case 'QUOTA_EXCEEDED':
      return { status: 429, title: 'Quota exceeded' };
    case 'CANCELLED':
      return { status: 503, title: 'Request cancelled' };
    case 'TIMEOUT':
      return { status: 504, title: 'Upstream timeout' };
    case 'UNAVAILABLE':
      return { status: 503, title: 'Service unavailable' };
    case 'UPSTREAM_ERROR':
      return { status: 502, title: 'Upstream error' };
    case 'INTERNAL':
      return { status: 500, title: 'Internal server error' };
    default:
      return assertUnreachable(code);
  }
}

function fieldErrors(error: RpcError): ProblemFieldError[] | undefined {
  const issues = error.details?.issues;
  if (!issues || issues.length === 0) return undefined;
  return issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

/**
 * The problem+json answer for a failed RPC. 4xx answers keep the service's message (services
 * phrase them for callers) and, for VALIDATION, the offending fields; 5xx answers say only
 * what failed, never the internals (subjects, hosts, stack traces).
 */
export function problemForRpcError(error: RpcError): ProblemException {
  const { status, title } = httpStatusForCode(error.code);
  const clientError = status < 500;
  return new ProblemException({
    status,
    code: error.code,
    title,
    detail: clientError ? error.message : undefined,
    errors: clientError ? fieldErrors(error) : undefined,
    headers: status === 503 ? { 'retry-after': '1' } : undefined,
    cause: clientError ? undefined : error,
  });
}
