import { API_KEY_SCHEME } from '@parley/auth';

/** What a request presents, before any check: an API key, a bearer JWT, or a reason to refuse. */
export type PresentedCredential =
  | { type: 'api_key'; key: string }
  | { type: 'bearer'; token: string }
  | { type: 'missing' }
  | { type: 'invalid'; code: 'UNSUPPORTED_AUTH_SCHEME' | 'AMBIGUOUS_CREDENTIALS' | 'MALFORMED_CREDENTIALS'; detail: string };

type HeaderValue = string | string[] | undefined;

function single(value: HeaderValue): string | undefined | null {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

/**
 * Reads `X-API-Key: sk_live_...`, `Authorization: Bearer sk_live_...` (an API key, as the
 * OpenAI SDK sends it) or `Authorization: Bearer <jwt>`. Both headers with different values
 * are refused rather than guessed between. Whether a key or token is valid is not decided here.
 */
export function parseCredentials(headers: { authorization?: HeaderValue; 'x-api-key'?: HeaderValue }): PresentedCredential {
  const apiKeyHeader = single(headers['x-api-key']);
  const authorization = single(headers.authorization);
  if (apiKeyHeader === null || authorization === null) {
    return { type: 'invalid', code: 'MALFORMED_CREDENTIALS', detail: 'Send each credential header once.' };
  }
  const apiKey = apiKeyHeader?.trim();
  let bearer: string | undefined;
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization.trim());
    if (!match) return { type: 'invalid', code: 'UNSUPPORTED_AUTH_SCHEME', detail: 'Use Authorization: Bearer <token> or X-API-Key.' };
    bearer = match[1];
  }
  if (apiKey !== undefined && apiKey !== '') {
    if (bearer !== undefined && bearer !== apiKey) {
      return {
        type: 'invalid',
        code: 'AMBIGUOUS_CREDENTIALS',
        detail: 'Send either X-API-Key or Authorization, not two different credentials.',
      };
    }
    return { type: 'api_key', key: apiKey };
  }
  if (bearer === undefined) return { type: 'missing' };
  return bearer.startsWith(API_KEY_SCHEME) ? { type: 'api_key', key: bearer } : { type: 'bearer', token: bearer };
}
