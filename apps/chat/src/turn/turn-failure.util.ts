import type { ErrorBody } from '@parley/contracts';
import { errorBodyFor } from '@parley/messaging';
import { ChatError } from '../common/chat.errors';

/** Codes of @parley/llm's LlmError that mean the model ran out of time. */
const TIMEOUT_CODES = new Set(['timeout', 'first_token_timeout']);

/**
 * The error a failed generation turns into: the model's own failures become TIMEOUT or
 * UPSTREAM_ERROR (the visitor sees a problem, never internals), chat's own errors keep their code.
 */
export function generationFailure(err: unknown): ChatError {
  if (err instanceof ChatError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code))
    return new ChatError('TIMEOUT', 'the model did not answer in time', { cause: err });
  return new ChatError('UPSTREAM_ERROR', 'the model could not answer', { cause: err });
}

/** The error body of an error frame. */
export function frameError(err: unknown): ErrorBody {
  const body = errorBodyFor(err);
  return body.code === 'INTERNAL' ? { code: 'INTERNAL', message: 'internal error' } : body;
}
