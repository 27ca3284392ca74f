import { z } from 'zod';
import { isoDateTimeSchema, tenantIdSchema, uuidSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { localDateSchema } from './insights.rpc';
import { actorSchema, llmProviderSchema, type LlmChoice, type TenantConfig } from './tenant.schema';

// Billing plans and quotas (docs/adr/0025-plans-quotas-invoice-preview.md). The owner defines
// plans (platform-level, no tenant); each tenant is on one plan or none (unlimited, not
// invoiced). A period is the calendar month in the tenant's time zone. Billed usage: every
// answer a turn stores (one message with a provider and model) and its tokens in + out, which
// is exactly what usage_daily counts on its rows with a provider.

/** A plan's stable key (`starter`, `pro-2027`). */
export const planKeySchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'lowercase letters, digits and dashes (1-40)');

/** An exact non-negative decimal amount as a string with at most `scale` decimals (`"49.00"`, `"0.0125"`). */
export function decimalAmountSchema(scale: number) {
  return z
    .string()
    .regex(new RegExp(`^(0|[1-9]\\d{0,9})(\\.\\d{1,${scale}})?$`), `a non-negative decimal with at most ${scale} decimals, as a string`);
}

/** ISO 4217 currency code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
export const capModeSchema = z.enum(['hard', 'soft']);
export type CapMode = z.infer<typeof capModeSchema>;
/**
 * The features a plan may include, each gating a tenant API (ADR 0025): `knowledge` (the
 * knowledge base), `tools` (the tool catalogue and tenant tools), `integrations` (connectors and
 * their endpoints), `notification_channels` (webhook, Slack, Discord and email channels) and
 * `identity_providers` (the tenant's external IdPs). A plan includes exactly the ones it lists.
 */
export const PLAN_FEATURES = ['knowledge', 'tools', 'integrations', 'notification_channels', 'identity_providers'] as const;
export const planFeatureSchema = z.enum(PLAN_FEATURES);
export type PlanFeature = z.infer<typeof planFeatureSchema>;

/** A tenant's plan includes `feature`; no plan (unlimited) includes every feature. */
export function planIncludes(plan: Pick<Plan, 'features'> | null, feature: PlanFeature): boolean {
  return plan === null || plan.features.includes(feature);
}

/** The offline responder: what a tenant's chain falls back to when its plan allows none of its providers. */
const OFFLINE_CHOICE: LlmChoice = { provider: 'offline', model: 'retrieval' };

/**
 * The part of a tenant's model chain its plan allows (ADR 0025), as chat and tenant-intelligence
 * run it: entries whose provider the plan excludes are dropped, the rest keep their order (the
 * first allowed one becomes the primary), and the offline responder answers when none is left.
 * `allowed` null or empty: any provider. Provisioning refuses such configurations; this covers a
 * plan change that raced a model change, and keeps a plan's promise whatever is stored.
 */
export function llmWithinPlan(llm: TenantConfig['llm'], allowed: readonly string[] | null): TenantConfig['llm'] {
  if (allowed === null || allowed.length === 0) return llm;
  const kept = [llm.primary, ...llm.fallbacks].filter((choice) => allowed.includes(choice.provider));
  const [primary, ...fallbacks] = kept;
  return primary ? { primary, fallbacks } : { primary: OFFLINE_CHOICE, fallbacks: [] };
}

const perMinuteSchema = z.int().min(1).max(1_000_000).nullable();

const planFields = {
  key: planKeySchema,
  name: z.string().trim().min(1).max(200),
  currency: currencySchema,
  /** The monthly base fee (2 decimals). */
  monthlyFee: decimalAmountSchema(2),
  /** Billed messages included per period; null = unlimited. */
  includedMessages: z.int().min(0).max(1_000_000_000).nullable(),
  /** Tokens (in + out) included per period; null = unlimited. */
  includedTokens: z.int().min(0).max(1_000_000_000_000).nullable(),
  /** hard: turns are refused (429) once an included amount is used up; soft: served and billed as overage. */
  capMode: capModeSchema,
  /** Price of each billed message over the included ones (6 decimals). */
  overagePerMessage: decimalAmountSchema(6),
  /** Price of each 1,000 tokens over the included ones (6 decimals; partial thousands pro rata). */
  overagePer1kTokens: decimalAmountSchema(6),
  /** Requests per minute per API key and session for tenants on the plan; null = the platform default. */
  rateLimitPerMinute: z.int().min(1).max(100_000).nullable(),
  /** Requests per minute per staff or identity-provider user of a tenant on the plan; null = RATE_LIMIT_USER_PER_MINUTE. */
  userRateLimitPerMinute: perMinuteSchema,
  /** Requests per minute of a tenant on the plan, all credentials together; null = RATE_LIMIT_TENANT_PER_MINUTE. */
  tenantRateLimitPerMinute: perMinuteSchema,
  /** Authenticated requests per minute per client IP of a tenant on the plan; null = RATE_LIMIT_IP_PER_MINUTE. */
  ipRateLimitPerMinute: perMinuteSchema,
  features: z.array(planFeatureSchema).max(PLAN_FEATURES.length),
  /** The model providers a tenant on the plan may configure; null = any. */
  allowedProviders: z.array(llmProviderSchema).min(1).max(10).nullable(),
};

/** A new plan; a rate limit left out is null (the gateway's default). */
export const planInputSchema = z
  .object({
    ...planFields,
    userRateLimitPerMinute: planFields.userRateLimitPerMinute.default(null),
    tenantRateLimitPerMinute: planFields.tenantRateLimitPerMinute.default(null),
    ipRateLimitPerMinute: planFields.ipRateLimitPerMinute.default(null),
  })
  .strict();
export type PlanInput = z.infer<typeof planInputSchema>;

export const planPatchSchema = z
  .object(planFields)
  .omit({ key: true })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'at least one field to change');
export type PlanPatch = z.infer<typeof planPatchSchema>;

export const planSchema = z.object({
  id: uuidSchema,
  ...planFields,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Plan = z.infer<typeof planSchema>;

const planReply = z.object({ version: version1, plan: planSchema, tenantCount: z.int().nonnegative() });

/** Every plan, by key, with how many tenants are on each (owner only). */
export const PlanListRpc = defineRpc(
  RPC_SUBJECTS.planList,
  z.object({ version: version1 }),
  z.object({ version: version1, items: z.array(planSchema.extend({ tenantCount: z.int().nonnegative() })).max(1000) }),
);

/** One plan by key; NOT_FOUND when there is none. */
export const PlanGetRpc = defineRpc(RPC_SUBJECTS.planGet, z.object({ version: version1, key: planKeySchema }), planReply);

/** Creates a plan (audited). CONFLICT when the key is taken. */
export const PlanCreateRpc = defineRpc(
  RPC_SUBJECTS.planCreate,
  z.object({ version: version1, actor: actorSchema, plan: planInputSchema }),
  planReply,
);

/**
 * Changes a plan (audited); every tenant on it gets evt.tenant.updated (changedFields ['plan'])
 * so cached settings drop at once. CONFLICT when `allowedProviders` would exclude a provider a
 * tenant on the plan has configured.
 */
export const PlanUpdateRpc = defineRpc(
  RPC_SUBJECTS.planUpdate,
  z.object({ version: version1, actor: actorSchema, key: planKeySchema, patch: planPatchSchema }),
  planReply,
);

/** Deletes a plan (audited). CONFLICT while a tenant is on it. */
export const PlanDeleteRpc = defineRpc(
  RPC_SUBJECTS.planDelete,
  z.object({ version: version1, actor: actorSchema, key: planKeySchema }),
  z.object({ version: version1, deleted: z.literal(true) }),
);

/**
 * Puts a tenant on a plan (planKey null: no plan). Audited, evt.tenant.updated (['plan']).
 * NOT_FOUND for an unknown tenant or plan; CONFLICT when the tenant's model configuration names
 * a provider the plan excludes.
 */
export const TenantPlanAssignRpc = defineRpc(
  RPC_SUBJECTS.tenantPlanAssign,
  z.object({ version: version1, actor: actorSchema, tenantId: tenantIdSchema, planKey: planKeySchema.nullable() }),
  z.object({ version: version1, tenantId: tenantIdSchema, plan: planSchema.nullable() }),
);

/** Billed usage of a period. */
export const billedUsageSchema = z.object({
  /** Stored answers (usage_daily messages on rows with a provider). */
  messages: z.int().nonnegative(),
  tokensIn: z.int().nonnegative(),
  tokensOut: z.int().nonnegative(),
});
export type BilledUsage = z.infer<typeof billedUsageSchema>;

/**
 * A tenant's billed usage over [from, to] (local dates of usage_daily, inclusive): the counters'
 * floor and the invoice's quantities. NOT_FOUND for an unknown tenant.
 */
export const UsagePeriodTotalsRpc = defineRpc(
  RPC_SUBJECTS.usagePeriodTotals,
  z.object({ version: version1, tenantId: tenantIdSchema, from: localDateSchema, to: localDateSchema }),
  z.object({ version: version1, tenantId: tenantIdSchema, from: localDateSchema, to: localDateSchema, usage: billedUsageSchema }),
);
