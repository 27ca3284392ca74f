import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
export const MAX_REQUEST_ID_LENGTH = 128;

// Printable ASCII without spaces: safe in a header, a log line and a URL.
const REQUEST_ID_PATTERN = /^[\x21-\x7e]+$/;

export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_REQUEST_ID_LENGTH && REQUEST_ID_PATTERN.test(value);
}

/**
 * The request id to use for an incoming request: the caller's `x-request-id` when it is
 * valid (printable, at most 128 characters), otherwise a new UUID. A repeated header
 * (an array) is never trusted.
 */
export function resolveRequestId(header: string | string[] | undefined): string {
  return isValidRequestId(header) ? header : randomUUID();
}
