import { z } from 'zod';
import { tenantIdSchema, version1 } from '../common/primitives.schema';
import { defineRpc } from '../contract.types';
import { RPC_SUBJECTS } from '../subjects';
import { localDateSchema } from './insights.rpc';

// Usage (the permanent billing record, usage_daily) as client-insights serves it to the gateway:
// tenant staff read their own tenant (the tenant id always comes from the credential), the owner
// reads any tenant and the platform total. Days are each tenant's local calendar days (tenants.timezone; docs/adr/0017).

/** Longest range (inclusive days) one usage request may ask for. */
export const USAGE_MAX_RANGE_DAYS = 366;

const count = z.int().nonnegative();
const money = z.number().nonnegative();

/** Totals of a day, a tenant or a range: messages (every role), sessions started, tokens and cost in USD. */
export const usageTotalsSchema = z.object({ messages: count, sessions: count, tokensIn: count, tokensOut: count, costUsd: money });
export type UsageTotals = z.infer<typeof usageTotalsSchema>;

/** One model's share of a day (messages without a model, e.g. the visitor's, are under provider and model ""). */
export const usageByModelSchema = z.object({
  provider: z.string(),
  model: z.string(),
  messages: count,
  tokensIn: count,
  tokensOut: count,
  costUsd: money,
});
export type UsageByModel = z.infer<typeof usageByModelSchema>;

export const usageDaySchema = usageTotalsSchema.extend({
  day: localDateSchema,
  /** True once the retention job sealed the day: its totals are final (its messages may be deleted). */
  final: z.boolean(),
  byModel: z.array(usageByModelSchema),
});
export type UsageDay = z.infer<typeof usageDaySchema>;

/** Range asked for: dates, both inclusive; `to` defaults to the tenant's local today (the owner's: today in UTC), `from` to 29 days before `to`. */
const rangeRequest = { from: localDateSchema.optional(), to: localDateSchema.optional() };
/** Range answered (the defaults filled in). */
const rangeResponse = { from: localDateSchema, to: localDateSchema };

/** One tenant's usage per local day of [from, to] (only days with usage are listed). */
export const UsageTenantGetRpc = defineRpc(
  RPC_SUBJECTS.usageTenantGet,
  z.object({ version: version1, tenantId: tenantIdSchema, ...rangeRequest }),
  z.object({ version: version1, tenantId: tenantIdSchema, ...rangeResponse, totals: usageTotalsSchema, days: z.array(usageDaySchema) }),
);

export const usageTenantTotalsSchema = usageTotalsSchema.extend({ tenantId: tenantIdSchema, slug: z.string(), displayName: z.string() });
export type UsageTenantTotals = z.infer<typeof usageTenantTotalsSchema>;

/** Every tenant's usage over [from, to] (owner only): per tenant, per day (all tenants) and the total. */
export const UsageOwnerGetRpc = defineRpc(
  RPC_SUBJECTS.usageOwnerGet,
  z.object({ version: version1, ...rangeRequest }),
  z.object({
    version: version1,
    ...rangeResponse,
    totals: usageTotalsSchema,
    tenants: z.array(usageTenantTotalsSchema),
    days: z.array(usageTotalsSchema.extend({ day: localDateSchema })),
  }),
);
