import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { planIncludes, type Plan, type PlanFeature } from '@parley/contracts';
import { ProblemException } from '../http/problem.exception';

/** Route metadata: the plan feature a tenant needs to call the route (read by AuthGuard). */
export const PLAN_FEATURE = 'parley:plan-feature';

/**
 * The route (or every route of the controller) belongs to a plan feature (ADR 0025): a tenant
 * principal whose plan does not include it gets 403 problem+json `plan-feature` before the
 * handler runs, so nothing changes. Tenants without a plan and the owner always pass. Checked by
 * AuthGuard from the tenant's cached settings (dropped on evt.tenant.updated ['plan']), so it
 * needs `@Auth(...)` on the route or controller.
 */
export function RequiresPlanFeature(feature: PlanFeature) {
  return applyDecorators(
    SetMetadata(PLAN_FEATURE, feature),
    ApiForbiddenResponse({ description: `The tenant's plan does not include \`${feature}\` (problem+json \`plan-feature\`).` }),
  );
}

/** 403 `plan-feature` when `plan` lacks `feature`; undefined when the plan includes it (or there is no plan). */
export function planFeatureRefusal(plan: Pick<Plan, 'key' | 'features'> | null, feature: PlanFeature): ProblemException | undefined {
  if (planIncludes(plan, feature)) return undefined;
  return new ProblemException({
    status: 403,
    code: 'PLAN_FEATURE',
    title: 'Not included in the plan',
    detail: `The plan ${plan?.key ?? ''} does not include the feature ${feature}; the platform owner can change the tenant's plan.`,
  });
}
