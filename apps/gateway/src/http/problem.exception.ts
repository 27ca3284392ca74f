import { HttpException } from '@nestjs/common';
import { problemTypeFor, type ProblemDetails } from '@parley/observability';

/** One offending field of a 4xx answer: `path` is dotted (`config.allowedOrigins.0`). */
export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface ProblemInit {
  status: number;
  /** Stable machine code; the problem `type` is `urn:parley:problem:<code in kebab case>`. */
  code: string;
  title: string;
  detail?: string;
  errors?: ProblemFieldError[];
  /** Extra response headers (Retry-After, RateLimit-*, WWW-Authenticate). */
  headers?: Record<string, string>;
  /** What went wrong underneath (logged for 5xx answers, never sent). */
  cause?: unknown;
}

export type GatewayProblem = Omit<ProblemDetails, 'errors'> & { errors?: ProblemFieldError[] };

/**
 * An HTTP answer the gateway chose on purpose, rendered as RFC 9457 problem+json by
 * GatewayProblemFilter with its own `type`, `code` and field list. It extends HttpException so
 * that any other filter still answers with the right status and detail.
 */
export class ProblemException extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: ProblemFieldError[];
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title, init.status, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
  }

  toProblem(requestId?: string): GatewayProblem {
    return {
      type: problemTypeFor(this.code),
      title: this.title,
      status: this.getStatus(),
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(requestId ? { requestId } : {}),
      ...(this.errors && this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }
}

/** The answers the gateway gives itself, by name, so every route answers them alike. */
export const problems = {
  validation: (errors: ProblemFieldError[], detail = 'The request has invalid or missing fields.') =>
    new ProblemException({ status: 400, code: 'VALIDATION', title: 'Validation failed', detail, errors }),
  badRequest: (code: string, detail: string) => new ProblemException({ status: 400, code, title: 'Bad request', detail }),
  unauthorized: (code: string, detail: string) =>
    new ProblemException({ status: 401, code, title: 'Unauthorized', detail, headers: { 'www-authenticate': 'Bearer' } }),
  forbidden: (code: string, detail: string) => new ProblemException({ status: 403, code, title: 'Forbidden', detail }),
  notFound: (detail: string) => new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Not found', detail }),
  payloadTooLarge: (detail: string, errors?: ProblemFieldError[]) =>
    new ProblemException({ status: 413, code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', detail, errors }),
};
