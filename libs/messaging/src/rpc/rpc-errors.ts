import { RequestError, TimeoutError, NoRespondersError } from '@nats-io/nats-core';
import { isErrorCode, type ErrorBody } from '@parley/contracts';
import { RpcError } from '../errors/rpc.error';

/** Maps a transport failure of nc.request() to an RpcError. */
export function transportError(subject: string, err: unknown, timeoutMs: number): RpcError {
  if (err instanceof TimeoutError) {
    return new RpcError('TIMEOUT', `${subject} did not reply within ${timeoutMs} ms`, undefined, { cause: err });
  }
  if (err instanceof NoRespondersError || (err instanceof RequestError && err.isNoResponders())) {
    return new RpcError('UNAVAILABLE', `no service is listening on ${subject}`, undefined, { cause: err });
  }
  if (err instanceof RequestError) {
    return new RpcError('UNAVAILABLE', `${subject} request failed: ${err.message}`, undefined, { cause: err });
  }
  return new RpcError('INTERNAL', `${subject} request failed`, undefined, { cause: err });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The reply body for an error thrown by a handler: an error carrying a known ErrorCode keeps
 * its code, message and plain-object details; anything else becomes an opaque INTERNAL so
 * internals (SQL, stack traces, hostnames) never leak to callers.
 */
export function errorBodyFor(err: unknown): ErrorBody {
  if (err instanceof RpcError) return err.toBody();
  const candidate = err as { code?: unknown; message?: unknown; details?: unknown } | null;
  if (candidate && isErrorCode(candidate.code) && candidate.code !== 'INTERNAL') {
    const body: ErrorBody = { code: candidate.code, message: typeof candidate.message === 'string' ? candidate.message : candidate.code };
    if (isPlainObject(candidate.details)) body.details = candidate.details;
    return body;
  }
  return { code: 'INTERNAL', message: 'internal error' };
}
