import type { Plan } from '@parley/contracts';
import type { ApiKeyPrincipal, IdpUserPrincipal, SessionPrincipal, StaffPrincipal } from '../auth/principal.types';
import type { TenantSettings } from '../http/tenant-settings.cache';

/**
 * What is counted, each in its own token bucket: a tenant backend's key, a browser session, a
 * staff user, a tenant (all its traffic together), a client IP (every API request), login
 * attempts per email, a tenant's authenticated requests per client IP when its plan sets a
 * limit for that (tenant_ip), and for the widget: sessions opened per client IP and per site key,
 * config reads per client IP.
 */
export type RateLimitKind =
  'api_key' | 'session' | 'user' | 'tenant' | 'ip' | 'tenant_ip' | 'login' | 'widget_ip' | 'site_key' | 'widget_config_ip';

export const RATE_LIMIT_KINDS: readonly RateLimitKind[] = [
  'api_key',
  'session',
  'user',
  'tenant',
  'ip',
  'tenant_ip',
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

/** The plan fields that set limits; null in each leaves its dimension to the gateway's default. */
export type PlanRateLimits = Pick<
  Plan,
  'rateLimitPerMinute' | 'userRateLimitPerMinute' | 'tenantRateLimitPerMinute' | 'ipRateLimitPerMinute'
>;

/**
 * The plan's layer (ADR 0021, 0025): `rateLimitPerMinute` per API key and per session,
 * `userRateLimitPerMinute` per staff or identity-provider user, `tenantRateLimitPerMinute` per
 * tenant, `ipRateLimitPerMinute` per client IP of the tenant's authenticated requests. A null
 * field, or no plan, leaves its dimension to the gateway's default.
 */
export function planOverrides(plan: PlanRateLimits | null): RateLimitOverrides {
  if (plan === null) return {};
  const out: RateLimitOverrides = {};
  if (plan.rateLimitPerMinute !== null) Object.assign(out, { apiKey: plan.rateLimitPerMinute, session: plan.rateLimitPerMinute });
  if (plan.userRateLimitPerMinute !== null) out.user = plan.userRateLimitPerMinute;
  if (plan.tenantRateLimitPerMinute !== null) out.tenant = plan.tenantRateLimitPerMinute;
  if (plan.ipRateLimitPerMinute !== null) out.ip = plan.ipRateLimitPerMinute;
  return out;
}

/** A tenant's limits, and whether its plan sets its own per-IP limit (then counted per tenant and IP). */
export interface TenantRateLimits extends RateLimits {
  /** The plan's per-client-IP limit of this tenant's requests; null: only the gateway-wide IP limit before authentication. */
  tenantIp: number | null;
}

/** A tenant's limits: its own settings first, then its plan, then the gateway's defaults. */
export function limitsForTenant(
  defaults: RateLimits,
  settings: Pick<TenantSettings, 'rateLimitPerMinute'> & { plan: PlanRateLimits | null },
): TenantRateLimits {
  const plan = planOverrides(settings.plan);
  return { ...resolveRateLimits(defaults, tenantOverrides(settings), plan), tenantIp: plan.ip ?? null };
}

/**
 * The buckets an authenticated tenant request is counted in: its credential's own (API key,
 * session, or user: staff or an identity provider's end user), its tenant's, and when the
 * tenant's plan sets a per-IP limit, its client IP's within the tenant (`clientIp`, already
 * bucketed by clientIpBucket). Every API request is also counted per client IP before
 * authentication at the gateway-wide limit (ClientIpLimitInstaller): a plan's IP limit can be
 * stricter than that, never looser.
 */
export function principalLimitChecks(
  principal: ApiKeyPrincipal | SessionPrincipal | StaffPrincipal | IdpUserPrincipal,
  limits: RateLimits & Partial<Pick<TenantRateLimits, 'tenantIp'>>,
  clientIp?: string,
): LimitCheck[] {
  const own: LimitCheck =
    principal.kind === 'api_key'
      ? { kind: 'api_key', id: principal.apiKeyId, limit: limits.apiKey }
      : principal.kind === 'session'
        ? { kind: 'session', id: principal.sessionId, limit: limits.session }
        : { kind: 'user', id: principal.userId, limit: limits.user };
  const checks: LimitCheck[] = [own, { kind: 'tenant', id: principal.tenantId, limit: limits.tenant }];
  if (limits.tenantIp != null && clientIp !== undefined)
    checks.push({ kind: 'tenant_ip', id: `${principal.tenantId}:${clientIp}`, limit: limits.tenantIp });
  return checks;
}
