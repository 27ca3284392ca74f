/**
 * RFC 9457 problem details, the body of every error response (`application/problem+json`).
 * `type` is a stable URN per code, so clients can branch on it; `requestId` echoes
 * x-request-id so a user's report finds the log lines.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemFieldError {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

const TITLES: Record<number, [code: string, title: string]> = {
  400: ['BAD_REQUEST', 'Bad request'],
  401: ['UNAUTHORIZED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Payload too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  422: ['VALIDATION', 'Validation failed'],
  429: ['RATE_LIMITED', 'Too many requests'],
  503: ['UNAVAILABLE', 'Service unavailable'],
  504: ['TIMEOUT', 'Upstream timeout'],
};

export function problemTypeFor(code: string): string {
  return `urn:parley:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/** A problem for an HTTP status, with the standard code and title of that status. */
export function problemForStatus(status: number, detail?: string, requestId?: string): ProblemDetails {
  const [code, title] = TITLES[status] ?? (status >= 500 ? ['INTERNAL', 'Internal server error'] : ['BAD_REQUEST', 'Bad request']);
  return { type: problemTypeFor(code), title, status, code, ...(detail ? { detail } : {}), ...(requestId ? { requestId } : {}) };
}
