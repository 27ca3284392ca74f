import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { QUOTA_ENFORCED } from './quota-check.request';
import { QuotaGuard } from './quota.guard';

/**
 * Enforces the tenant's plan on a route that starts model work (ADR 0025). Write it above
 * `@Auth(...)` on the method (guards run in that order) or use it with a controller-level `@Auth`.
 */
export function QuotaEnforced() {
  return applyDecorators(
    SetMetadata(QUOTA_ENFORCED, true),
    UseGuards(QuotaGuard),
    ApiTooManyRequestsResponse({
      description:
        "The plan's hard cap is reached (problem+json `quota-exceeded`, Retry-After to the period's reset, RateLimit-*). " +
        'Over a soft cap the answer is served with the header `Parley-Quota: soft-exceeded`.',
    }),
  );
}
