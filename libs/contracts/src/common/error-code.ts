import { z } from 'zod';

/**
 * Error codes shared by every service. Services throw `<Domain>Error` carrying one of these;
 * RPC replies carry it in `{ ok: false, error: { code } }`; the gateway maps each code to an
 * HTTP status with an exhaustive switch; consumers map them to ack, nak or term.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'CANCELLED',
  'TIMEOUT',
  'UNAVAILABLE',
  'UPSTREAM_ERROR',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
