import type { FastifyRequest } from 'fastify';
import type { QuotaCheck, QuotaService } from './quota.service';

/** Marks a route whose turns the tenant's plan limits (set by `@QuotaEnforced()`). */
export const QUOTA_ENFORCED = 'parley:quota-enforced';

declare module 'fastify' {
  interface FastifyRequest {
    /** The tenant's quota read, started by AuthGuard beside the rate limits' round trip; QuotaGuard decides on it. */
    quotaCheck?: { tenantId: string; check: Promise<QuotaCheck> };
  }
}

/**
 * Starts reading the tenant's quota (a Redis read when it has a plan) so that it travels with
 * the rate limits' round trip instead of after it. Nothing is decided here: QuotaGuard still
 * answers after AuthGuard, so a full rate-limit bucket, a 401 or a 403 comes first as before.
 * A request refused before QuotaGuard leaves the read unused (its failure is not unhandled).
 */
export function startQuotaCheck(quota: QuotaService, request: FastifyRequest, tenantId: string): void {
  const check = quota.check(tenantId);
  check.catch(() => undefined);
  request.quotaCheck = { tenantId, check };
}

/** The check started for this request and tenant, or a new one. */
export function quotaCheckFor(quota: QuotaService, request: FastifyRequest, tenantId: string): Promise<QuotaCheck> {
  const started = request.quotaCheck;
  request.quotaCheck = undefined;
  return started?.tenantId === tenantId ? started.check : quota.check(tenantId);
}
