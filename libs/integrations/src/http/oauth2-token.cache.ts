import { z } from 'zod';
import { IntegrationCallError } from '../connector.types';

/** What a token endpoint answers (RFC 6749 §5.1); extra fields are ignored. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().max(100).optional(),
  expires_in: z.coerce.number().int().positive().max(31_536_000).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** Without expires_in a token is kept this long (it is refetched on a 401 anyway). */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;
/** A token is dropped this long before it expires, so it never expires on the way. */
export const TOKEN_EXPIRY_MARGIN_SECONDS = 30;

interface CachedToken {
  token: string;
  /** Epoch ms after which the token is not used any more. */
  usableUntil: number;
}

/**
 * OAuth2 access tokens of client-credentials integrations, in this process, until shortly before
 * they expire. Concurrent calls that need a new token share one fetch.
 */
export class OAuth2TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string, fetch: () => Promise<TokenResponse>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && cached.usableUntil > this.now()) return cached.token;
    const running = this.inflight.get(key);
    if (running) return running;
    const fetching = fetch()
      .then((answer) => {
        if (answer.token_type !== undefined && answer.token_type.toLowerCase() !== 'bearer')
          throw new IntegrationCallError('upstream_error', `the token endpoint issued a "${answer.token_type}" token, not a bearer token`);
        const lifetime = answer.expires_in ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
        const margin = Math.min(TOKEN_EXPIRY_MARGIN_SECONDS, Math.floor(lifetime / 10));
        this.tokens.set(key, { token: answer.access_token, usableUntil: this.now() + (lifetime - margin) * 1000 });
        return answer.access_token;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, fetching);
    return fetching;
  }

  /** Forgets a token the system refused (401): the next call fetches a new one. */
  invalidate(key: string): void {
    this.tokens.delete(key);
  }

  clear(): void {
    this.tokens.clear();
  }
}
