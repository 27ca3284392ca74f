import { z } from 'zod';
import { insightPeriodSchema, insightRollupViewSchema, localDateSchema } from '@parley/contracts';

export const insightsQuerySchema = z
  .object({
    period: insightPeriodSchema.default('day').meta({ description: 'day: tenant-local calendar days; week: Monday-to-Sunday local weeks.' }),
    from: localDateSchema.optional().meta({ description: 'First local date (YYYY-MM-DD). Default: 6 days (day) or 3 weeks (week) before `to`.' }),
    to: localDateSchema.optional().meta({ description: "Last local date (YYYY-MM-DD). Default: today in the tenant's time zone." }),
  })
  .strict();

export const insightsResponseSchema = z
  .object({ tenant_id: z.uuid(), timezone: z.string(), period: insightPeriodSchema, rollups: z.array(insightRollupViewSchema) })
  .meta({ id: 'TenantInsights' });
