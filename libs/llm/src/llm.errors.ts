/**
 * Why a provider attempt failed. The router falls back on every code while the visitor has seen
 * no text yet; `aborted` is not a failure (the caller cancelled) and never falls back.
 *
 * - `not_configured`: the provider's settings (API key, base URL, GGUF path) are missing.
 * - `connection_error`: the provider could not be reached (refused, reset, DNS).
 * - `provider_error`: the provider answered with an error (HTTP 4xx/5xx, a malformed stream).
 * - `first_token_timeout`: no token within LLM_FIRST_TOKEN_TIMEOUT_MS.
 * - `timeout`: the answer did not finish within LLM_TIMEOUT_MS.
 * - `stream_interrupted`: the provider failed after text had reached the visitor (no fallback).
 * - `all_providers_failed`: every provider of the chain, the offline responder included, failed.
 */
export type LlmErrorCode =
  | 'not_configured'
  | 'connection_error'
  | 'provider_error'
  | 'first_token_timeout'
  | 'timeout'
  | 'stream_interrupted'
  | 'all_providers_failed';

export class LlmError extends Error {
  override readonly name = 'LlmError';

  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly details: {
      provider?: string;
      model?: string;
      /** The text the visitor already received when the turn failed (PII restored); '' when none. */
      partialContent?: string;
      /** For `stream_interrupted`: what went wrong after the text was streamed (e.g. `timeout`, `connection_error`). */
      reason?: LlmErrorCode;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** The text already streamed to the visitor before the failure ('' when none). */
  get partialContent(): string {
    return this.details.partialContent ?? '';
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Reads the failure kind out of whatever a provider SDK threw (causes are followed a few levels). */
export function classifyProviderError(error: unknown): Extract<LlmErrorCode, 'not_configured' | 'connection_error' | 'provider_error'> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof LlmError && (current.code === 'not_configured' || current.code === 'connection_error')) return current.code;
    if (typeof current === 'object') {
      const record = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
      if (typeof record.code === 'string' && CONNECTION_CODES.has(record.code)) return 'connection_error';
      if (record.name === 'APIConnectionError' || record.name === 'APIConnectionTimeoutError') return 'connection_error';
      if (typeof record.message === 'string' && /fetch failed|ECONNREFUSED|socket hang up/i.test(record.message)) return 'connection_error';
      current = record.cause;
    } else {
      break;
    }
  }
  return 'provider_error';
}
