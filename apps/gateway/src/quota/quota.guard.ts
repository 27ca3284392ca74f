import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem.exception';
import { quotaCheckFor } from './quota-check.request';
import { QuotaService, type QuotaCheck } from './quota.service';

/** The header that flags an answer served over a soft cap. */
export const QUOTA_HEADER = 'parley-quota';

/** 429 problem+json for a hard cap: Retry-After and RateLimit-* to the period's reset in the tenant's time zone. */
export function quotaExceeded(check: QuotaCheck): ProblemException {
  if (check.decision.kind !== 'blocked') throw new Error('quotaExceeded() needs a blocked decision');
  const { dimension, limit } = check.decision;
  const seconds = String(check.resetSeconds);
  const window = Math.round((check.period.endsAt.getTime() - check.period.startsAt.getTime()) / 1000);
  return new ProblemException({
    status: 429,
    code: 'QUOTA_EXCEEDED',
    title: 'Quota exceeded',
    detail:
      `The ${limit} ${dimension} included in the plan for ${check.period.key} are used up; ` +
      `the quota resets at ${check.period.endsAt.toISOString()} (midnight, ${check.timezone}).`,
    headers: {
      'retry-after': seconds,
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': '0',
      'ratelimit-reset': seconds,
      'ratelimit-policy': `"quota-${dimension}";q=${limit};w=${window}`,
    },
  });
}

/**
 * Runs before a turn route's handler (after AuthGuard: write `@QuotaEnforced()` above `@Auth`,
 * or put `@Auth` on the controller): a hard cap answers 429 before any RPC to chat; a soft cap
 * lets the turn through with `Parley-Quota: soft-exceeded`.
 */
@Injectable()
export class QuotaGuard implements CanActivate {
  constructor(@Inject(QuotaService) private readonly quota: QuotaService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const principal = http.getRequest<FastifyRequest>().principal;
    if (!principal) throw new Error('@QuotaEnforced() runs after @Auth(...): write it above @Auth on the route');
    if (principal.kind === 'owner') return true;
    // Usually started by AuthGuard beside the rate limits' round trip (startQuotaCheck).
    const check = await quotaCheckFor(this.quota, http.getRequest<FastifyRequest>(), principal.tenantId);
    if (check.decision.kind === 'blocked') {
      this.quota.countRefusal();
      throw quotaExceeded(check);
    }
    if (check.decision.kind === 'soft_exceeded') void http.getResponse<FastifyReply>().header(QUOTA_HEADER, 'soft-exceeded');
    return true;
  }
}
