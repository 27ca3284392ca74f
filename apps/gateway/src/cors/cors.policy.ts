import { webOriginSchema } from '@parley/contracts';

/** Paths a browser calls straight from a tenant's site (preflight is answered only there). */
export const BROWSER_ROUTE_PREFIXES = ['/api/v1/chat', '/api/v1/sessions', '/api/v1/widget'] as const;

export const CORS_ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const CORS_ALLOWED_HEADERS = 'authorization, content-type, accept, last-event-id, x-request-id, x-tenant-id';
export const CORS_EXPOSED_HEADERS = 'ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy, retry-after, x-request-id';
/** How long a browser may reuse a preflight answer (seconds). */
export const CORS_MAX_AGE_SECONDS = 600;

/** A syntactically valid web origin: http(s), host, optional port, nothing else. */
export function isValidOrigin(origin: string): boolean {
  return webOriginSchema.safeParse(origin).success;
}

/** Exact match against the tenant's list (origins are compared as serialized, case-sensitively). */
export function isOriginAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes(origin);
}

/** Headers of an allowed real (non-preflight) request. */
export function corsResponseHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSED_HEADERS, vary: 'Origin' };
}

/** Headers of a preflight answer for a syntactically valid origin. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}
