/** Fixed one-minute windows: every caller's window starts on the minute (epoch based). */
export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one (never negative). */
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/** The window a moment falls in: its index (part of the Redis key) and its remaining time. */
export function windowOf(nowMs: number, windowMs = RATE_LIMIT_WINDOW_MS): { index: number; msLeft: number } {
  const index = Math.floor(nowMs / windowMs);
  return { index, msLeft: (index + 1) * windowMs - nowMs };
}

/**
 * The verdict for the `count`-th request of a window (count includes this request), given the
 * key's remaining TTL in ms: allowed while count <= limit.
 */
export function verdictFor(count: number, limit: number, ttlMs: number): RateLimitVerdict {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
  };
}

/**
 * RateLimit-Limit / -Remaining / -Reset (draft-ietf-httpapi-ratelimit-headers, separate-field
 * form), on every answer of a limited route; a refused request adds Retry-After.
 */
export function rateLimitHeaders(verdict: RateLimitVerdict): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(verdict.limit),
    'ratelimit-remaining': String(verdict.remaining),
    'ratelimit-reset': String(verdict.resetSeconds),
  };
  if (!verdict.allowed) headers['retry-after'] = String(verdict.resetSeconds);
  return headers;
}
