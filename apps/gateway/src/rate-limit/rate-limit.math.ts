/** Every gateway limit is a number of requests per minute (a token bucket refilled over 60 s). */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  /** Requests that may follow this one at once (never negative). */
  remaining: number;
  /**
   * Whole seconds (at least 1): when allowed, until the bucket is full again; when refused,
   * until the next request fits (Retry-After).
   */
  resetSeconds: number;
}

/** One limit that was checked for a request: what was counted, against what, and the answer. */
export interface CheckedLimit {
  /** The dimension's name (api_key, session, user, tenant, ip, ...), named in RateLimit-Policy. */
  kind: string;
  verdict: RateLimitVerdict;
}

/**
 * A verdict from the token-bucket script's answer: `consumedPoints` is the share of the bucket in
 * use after this request, `msBeforeNext` the time until it is empty (allowed) or until this
 * request would have fitted (refused).
 */
export function verdictFrom(allowed: boolean, limit: number, consumedPoints: number, msBeforeNext: number): RateLimitVerdict {
  return {
    allowed,
    limit,
    remaining: allowed ? Math.max(0, limit - consumedPoints) : 0,
    resetSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  };
}

/**
 * The limit a response reports in RateLimit-Limit/-Remaining/-Reset when several applied: a
 * refusal first (the one with the longest wait, so Retry-After is honest for all of them),
 * otherwise the one with the fewest requests left (ties: the smaller limit, then the longer reset).
 */
export function tightest(checked: readonly CheckedLimit[]): CheckedLimit | undefined {
  let best: CheckedLimit | undefined;
  for (const candidate of checked) {
    if (!best || tighter(candidate.verdict, best.verdict)) best = candidate;
  }
  return best;
}

function tighter(a: RateLimitVerdict, b: RateLimitVerdict): boolean {
  if (a.allowed !== b.allowed) return !a.allowed;
  if (!a.allowed) return a.resetSeconds > b.resetSeconds;
  if (a.remaining !== b.remaining) return a.remaining < b.remaining;
  if (a.limit !== b.limit) return a.limit < b.limit;
  return a.resetSeconds > b.resetSeconds;
}

/**
 * RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers, draft-03 item form): each applied
 * limit as `<limit>;w=60;name="<kind>"`, most restrictive first as given.
 */
export function rateLimitPolicy(checked: readonly CheckedLimit[]): string {
  return checked.map(({ kind, verdict }) => `${verdict.limit};w=${RATE_LIMIT_WINDOW_SECONDS};name="${kind}"`).join(', ');
}

/**
 * RateLimit-Limit / -Remaining / -Reset (draft-ietf-httpapi-ratelimit-headers, separate-field
 * form), on every answer of a limited route; a refused request adds Retry-After. With `checked`
 * it also names every applied limit in RateLimit-Policy.
 */
export function rateLimitHeaders(verdict: RateLimitVerdict, checked?: readonly CheckedLimit[]): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(verdict.limit),
    'ratelimit-remaining': String(verdict.remaining),
    'ratelimit-reset': String(verdict.resetSeconds),
  };
  if (checked && checked.length > 0) headers['ratelimit-policy'] = rateLimitPolicy(checked);
  if (!verdict.allowed) headers['retry-after'] = String(verdict.resetSeconds);
  return headers;
}
