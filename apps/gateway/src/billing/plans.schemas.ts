import { z } from 'zod';
import {
  capModeSchema,
  currencySchema,
  decimalAmountSchema,
  llmProviderSchema,
  PLAN_FEATURES,
  planFeatureSchema,
  planKeySchema,
  type Plan,
  type PlanInput,
  type PlanPatch,
} from '@parley/contracts';

// The HTTP shape of billing plans (snake_case, docs/adr/0025-plans-quotas-invoice-preview.md):
// money as exact decimal strings in the plan's currency.

export const planKeyParamSchema = planKeySchema;

const planBodyFields = {
  name: z.string().trim().min(1).max(200),
  currency: currencySchema,
  monthly_fee: decimalAmountSchema(2),
  included_messages: z.int().min(0).max(1_000_000_000).nullable(),
  included_tokens: z.int().min(0).max(1_000_000_000_000).nullable(),
  cap_mode: capModeSchema,
  overage_per_message: decimalAmountSchema(6),
  overage_per_1k_tokens: decimalAmountSchema(6),
  rate_limit_per_minute: z.int().min(1).max(100_000).nullable(),
  rate_limit_user_per_minute: z.int().min(1).max(1_000_000).nullable(),
  rate_limit_tenant_per_minute: z.int().min(1).max(1_000_000).nullable(),
  rate_limit_ip_per_minute: z.int().min(1).max(1_000_000).nullable(),
  features: z.array(planFeatureSchema).max(PLAN_FEATURES.length),
  allowed_providers: z.array(llmProviderSchema).min(1).max(10).nullable(),
};

/** POST /api/v1/admin/plans: every field but the optional ones. */
export const createPlanBodySchema = z
  .object({
    key: planKeySchema,
    ...planBodyFields,
    monthly_fee: planBodyFields.monthly_fee.default('0.00'),
    included_messages: planBodyFields.included_messages.default(null),
    included_tokens: planBodyFields.included_tokens.default(null),
    cap_mode: planBodyFields.cap_mode.default('hard'),
    overage_per_message: planBodyFields.overage_per_message.default('0'),
    overage_per_1k_tokens: planBodyFields.overage_per_1k_tokens.default('0'),
    rate_limit_per_minute: planBodyFields.rate_limit_per_minute.default(null),
    rate_limit_user_per_minute: planBodyFields.rate_limit_user_per_minute.default(null),
    rate_limit_tenant_per_minute: planBodyFields.rate_limit_tenant_per_minute.default(null),
    rate_limit_ip_per_minute: planBodyFields.rate_limit_ip_per_minute.default(null),
    // A plan created without a feature list includes every feature; `[]` names a plan with none.
    features: planBodyFields.features.default([...PLAN_FEATURES]),
    allowed_providers: planBodyFields.allowed_providers.default(null),
  })
  .strict()
  .meta({ id: 'CreatePlanRequest' });
export type CreatePlanBody = z.output<typeof createPlanBodySchema>;

/** PATCH /api/v1/admin/plans/:key: the fields to change (the key stays). */
export const patchPlanBodySchema = z
  .object(planBodyFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'at least one field to change')
  .meta({ id: 'PatchPlanRequest' });
export type PatchPlanBody = z.output<typeof patchPlanBodySchema>;

/** PUT /api/v1/admin/tenants/:id/plan. */
export const assignPlanBodySchema = z.object({ plan_key: planKeySchema.nullable() }).strict().meta({ id: 'AssignPlanRequest' });
export type AssignPlanBody = z.output<typeof assignPlanBodySchema>;

export const planAnswerSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    currency: z.string(),
    monthly_fee: z.string(),
    included_messages: z.int().nullable(),
    included_tokens: z.int().nullable(),
    cap_mode: capModeSchema,
    overage_per_message: z.string(),
    overage_per_1k_tokens: z.string(),
    rate_limit_per_minute: z.int().nullable(),
    rate_limit_user_per_minute: z.int().nullable(),
    rate_limit_tenant_per_minute: z.int().nullable(),
    rate_limit_ip_per_minute: z.int().nullable(),
    features: z.array(z.string()),
    allowed_providers: z.array(z.string()).nullable(),
    tenant_count: z.int().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Plan' });
export type PlanAnswer = z.output<typeof planAnswerSchema>;

export const planListAnswerSchema = z.object({ items: z.array(planAnswerSchema) }).meta({ id: 'PlanList' });
export const tenantPlanAnswerSchema = z.object({ tenant_id: z.uuid(), plan: planAnswerSchema.nullable() }).meta({ id: 'TenantPlan' });

/** The contract's field of each HTTP name (for field errors of provisioning's VALIDATION answers). */
export const PLAN_HTTP_NAMES: Readonly<Record<string, string>> = {
  monthlyFee: 'monthly_fee',
  includedMessages: 'included_messages',
  includedTokens: 'included_tokens',
  capMode: 'cap_mode',
  overagePerMessage: 'overage_per_message',
  overagePer1kTokens: 'overage_per_1k_tokens',
  rateLimitPerMinute: 'rate_limit_per_minute',
  userRateLimitPerMinute: 'rate_limit_user_per_minute',
  tenantRateLimitPerMinute: 'rate_limit_tenant_per_minute',
  ipRateLimitPerMinute: 'rate_limit_ip_per_minute',
  allowedProviders: 'allowed_providers',
  planKey: 'plan_key',
};

export function toPlanAnswer(plan: Plan, tenantCount?: number): PlanAnswer {
  return {
    key: plan.key,
    name: plan.name,
    currency: plan.currency,
    monthly_fee: plan.monthlyFee,
    included_messages: plan.includedMessages,
    included_tokens: plan.includedTokens,
    cap_mode: plan.capMode,
    overage_per_message: plan.overagePerMessage,
    overage_per_1k_tokens: plan.overagePer1kTokens,
    rate_limit_per_minute: plan.rateLimitPerMinute,
    rate_limit_user_per_minute: plan.userRateLimitPerMinute,
    rate_limit_tenant_per_minute: plan.tenantRateLimitPerMinute,
    rate_limit_ip_per_minute: plan.ipRateLimitPerMinute,
    features: plan.features,
    allowed_providers: plan.allowedProviders,
    ...(tenantCount === undefined ? {} : { tenant_count: tenantCount }),
    created_at: plan.createdAt,
    updated_at: plan.updatedAt,
  };
}

export function fromCreateBody(body: CreatePlanBody): PlanInput {
  return {
    key: body.key,
    ...(fromPatchBody(body) as Omit<PlanInput, 'key'>),
  };
}

export function fromPatchBody(body: PatchPlanBody): PlanPatch {
  const out: PlanPatch = {};
  if (body.name !== undefined) out.name = body.name;
  if (body.currency !== undefined) out.currency = body.currency;
  if (body.monthly_fee !== undefined) out.monthlyFee = body.monthly_fee;
  if (body.included_messages !== undefined) out.includedMessages = body.included_messages;
  if (body.included_tokens !== undefined) out.includedTokens = body.included_tokens;
  if (body.cap_mode !== undefined) out.capMode = body.cap_mode;
  if (body.overage_per_message !== undefined) out.overagePerMessage = body.overage_per_message;
  if (body.overage_per_1k_tokens !== undefined) out.overagePer1kTokens = body.overage_per_1k_tokens;
  if (body.rate_limit_per_minute !== undefined) out.rateLimitPerMinute = body.rate_limit_per_minute;
  if (body.rate_limit_user_per_minute !== undefined) out.userRateLimitPerMinute = body.rate_limit_user_per_minute;
  if (body.rate_limit_tenant_per_minute !== undefined) out.tenantRateLimitPerMinute = body.rate_limit_tenant_per_minute;
  if (body.rate_limit_ip_per_minute !== undefined) out.ipRateLimitPerMinute = body.rate_limit_ip_per_minute;
  if (body.features !== undefined) out.features = body.features;
  if (body.allowed_providers !== undefined) out.allowedProviders = body.allowed_providers;
  return out;
}
