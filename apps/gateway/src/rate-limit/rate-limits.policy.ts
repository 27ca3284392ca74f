import type { ApiKeyPrincipal, IdpUserPrincipal, SessionPrincipal, StaffPrincipal } from '../auth/principal.types';
import type { TenantSettings } from '../http/tenant-settings.cache';

/**
 * What is counted, each in its own token bucket: a tenant backend's key, a browser session, a
 * staff user, a tenant (all its traffic together), a client IP (every API request), login
 * attempts per email, and for the widget: sessions opened per client IP and per site key,
 * config reads per client IP.
 */
export type RateLimitKind = 'api_key' | 'session' | 'user' | 'tenant' | 'ip' | 'login' | 'widget_ip' | 'site_key' | 'widget_config_ip';

export const RATE_LIMIT_KINDS: readonly RateLimitKind[] = [
  'api_key',
  'session',
  'user',
  'tenant',
  'ip',
  'login',
  'widget_ip',
  'site_key',
  'widget_config_ip',
];

/** The per-minute limits of the dimensions a tenant's settings (and later its plan) may change. */
export interface RateLimits {
  apiKey: number;
  session: number;
  user: number;
  tenant: number;
  ip: number;
}

/** One layer of limits: what it sets wins over the layers after it; what it leaves out falls through. */
export type RateLimitOverrides = Partial<RateLimits>;

/** One bucket a request is counted in. */
export interface LimitCheck {
  kind: RateLimitKind;
  id: string;
  /** Requests per minute. */
  limit: number;
}

/**
 * The limits that apply, from the most specific layer to the gateway's defaults: today the
 * tenant's own settings, then the defaults (RATE_LIMIT_*). A plan's limits, once plans exist,
 * are one more layer between the two: `resolveRateLimits(defaults, tenant, plan)`.
 */
export function resolveRateLimits(defaults: RateLimits, ...layers: readonly (RateLimitOverrides | undefined)[]): RateLimits {
  const resolved = { ...defaults };
  for (const key of Object.keys(resolved) as (keyof RateLimits)[]) {
    const layer = layers.find((candidate) => candidate?.[key] !== undefined);
    if (layer) resolved[key] = layer[key]!;
  }
  return resolved;
}

/**
 * The tenant's own layer: `config.rateLimitPerMinute` (set by the owner) is the limit per API
 * key and per session; null leaves both to the next layer. The tenant settings carry no value
 * for the user, tenant and IP dimensions yet, so those come from the next layers.
 */
export function tenantOverrides(settings: Pick<TenantSettings, 'rateLimitPerMinute'>): RateLimitOverrides {
  if (settings.rateLimitPerMinute === null) return {};
  return { apiKey: settings.rateLimitPerMinute, session: settings.rateLimitPerMinute };
}

/**
 * The buckets an authenticated tenant request is counted in: its credential's own (API key,
 * session, or staff user) and its tenant's. The client IP is counted for every request before
 * authentication (ClientIpLimitInstaller).
 */
export function principalLimitChecks(
  principal: ApiKeyPrincipal | SessionPrincipal | StaffPrincipal | IdpUserPrincipal,
  limits: RateLimits,
): LimitCheck[] {
  const own: LimitCheck =
    principal.kind === 'api_key'
      ? { kind: 'api_key', id: principal.apiKeyId, limit: limits.apiKey }
      : principal.kind === 'session'
        ? { kind: 'session', id: principal.sessionId, limit: limits.session }
        : { kind: 'user', id: principal.userId, limit: limits.user };
  return [own, { kind: 'tenant', id: principal.tenantId, limit: limits.tenant }];
}
