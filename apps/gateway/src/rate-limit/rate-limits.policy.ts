import type { Plan } from '@parley/contracts';
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

/** The per-minute limits of the dimensions a tenant's settings or its plan may change. */
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
 * The limits that apply: each from the first layer that sets it, else the gateway's defaults
 * (RATE_LIMIT_*). A tenant's layers: limitsForTenant.
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
 * The tenant's own layer: `config.rateLimitPerMinute` (set by the owner for this tenant) is the
 * limit per API key and per session; null leaves both to the next layer. The tenant settings
 * carry no value for the user, tenant and IP dimensions, so those come from the next layers.
 */
export function tenantOverrides(settings: Pick<TenantSettings, 'rateLimitPerMinute'>): RateLimitOverrides {
  if (settings.rateLimitPerMinute === null) return {};
  return { apiKey: settings.rateLimitPerMinute, session: settings.rateLimitPerMinute };
}

/**
 * The plan's layer (ADR 0024): its `rateLimitPerMinute` is the limit per API key and per session
 * of every tenant on it; null, or no plan, leaves both to the defaults. Plans carry no value for
 * the user, tenant and IP dimensions yet: a new plan field is one more key here.
 */
export function planOverrides(plan: Pick<Plan, 'rateLimitPerMinute'> | null): RateLimitOverrides {
  if (plan === null || plan.rateLimitPerMinute === null) return {};
  return { apiKey: plan.rateLimitPerMinute, session: plan.rateLimitPerMinute };
}

/** A tenant's limits: its own settings first, then its plan, then the gateway's defaults. */
export function limitsForTenant(
  defaults: RateLimits,
  settings: Pick<TenantSettings, 'rateLimitPerMinute'> & { plan: Pick<Plan, 'rateLimitPerMinute'> | null },
): RateLimits {
  return resolveRateLimits(defaults, tenantOverrides(settings), planOverrides(settings.plan));
}

/**
 * The buckets an authenticated tenant request is counted in: its credential's own (API key,
 * session, or user: staff or an identity provider's end user) and its tenant's. The client IP is counted for every request before
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
