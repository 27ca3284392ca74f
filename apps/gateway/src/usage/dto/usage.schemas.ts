import { z } from 'zod';
import { USAGE_MAX_RANGE_DAYS, localDateSchema, usageDaySchema, usageTenantTotalsSchema, usageTotalsSchema } from '@parley/contracts';

const DAY_MS = 86_400_000;

/** ?from=&to=: UTC dates, both inclusive; from not after to, at most USAGE_MAX_RANGE_DAYS days (each refusal names `from`). */
export const usageQuerySchema = z
  .object({
    from: localDateSchema.optional().meta({ description: 'First UTC date (YYYY-MM-DD), inclusive. Default: 29 days before `to`.' }),
    to: localDateSchema.optional().meta({ description: 'Last UTC date (YYYY-MM-DD), inclusive. Default: today (UTC).' }),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.from === undefined || query.to === undefined) return;
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${query.from}) is after to (${query.to})` });
    else if (days > USAGE_MAX_RANGE_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `a usage range may span at most ${USAGE_MAX_RANGE_DAYS} days` });
  });
export type UsageQuery = z.output<typeof usageQuerySchema>;

export const tenantUsageResponseSchema = z
  .object({ tenant_id: z.uuid(), from: localDateSchema, to: localDateSchema, totals: usageTotalsSchema, days: z.array(usageDaySchema) })
  .meta({ id: 'TenantUsage' });

export const platformUsageResponseSchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    totals: usageTotalsSchema,
    tenants: z.array(usageTenantTotalsSchema),
    days: z.array(usageTotalsSchema.extend({ day: localDateSchema })),
  })
  .meta({ id: 'PlatformUsage' });
