import { ERROR_CODES } from '@parley/contracts';
import { RpcError } from '@parley/messaging';
import { httpStatusForCode, problemForRpcError } from '../rpc-problem.mapper';

describe('RPC error -> HTTP problem', () => {
  it('maps every shared error code to a status', () => {
    const statuses = Object.fromEntries(ERROR_CODES.map((code) => [code, httpStatusForCode(code).status]));
    expect(statuses).toEqual({
      VALIDATION: 400,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PRECONDITION_FAILED: 412,
      PAYLOAD_TOO_LARGE: 413,
      RATE_LIMITED: 429,
      QUOTA_EXCEEDED: 429,
      CANCELLED: 503,
      TIMEOUT: 504,
      UNAVAILABLE: 503,
      UPSTREAM_ERROR: 502,
      INTERNAL: 500,
    });
  });

  it('keeps the message and the field list of a VALIDATION reply', () => {
    const error = RpcError.validation('bad', [{ path: 'config.tone', code: 'invalid_value', message: 'Invalid option' }]);
    expect(problemForRpcError(error).toProblem('req-1')).toEqual({
      type: 'urn:parley:problem:validation',
      title: 'Validation failed',
      status: 400,
      code: 'VALIDATION',
      detail: 'bad',
      requestId: 'req-1',
      errors: [{ path: 'config.tone', message: 'Invalid option' }],
    });
  });

  it('keeps a 4xx message but hides the internals of 5xx answers', () => {
    expect(problemForRpcError(new RpcError('NOT_FOUND', 'session not found')).toProblem()).toMatchObject({
      status: 404,
      detail: 'session not found',
    });
    const timeout = problemForRpcError(new RpcError('TIMEOUT', 'chat.turn did not reply within 5000 ms'));
    expect(timeout.toProblem()).toEqual({ type: 'urn:parley:problem:timeout', title: 'Upstream timeout', status: 504, code: 'TIMEOUT' });
    expect(timeout.cause).toBeInstanceOf(RpcError);
  });

  it('asks clients to retry an unavailable service', () => {
    expect(problemForRpcError(new RpcError('UNAVAILABLE', 'no responders')).headers).toEqual({ 'retry-after': '1' });
  });
});
