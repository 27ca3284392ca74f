import { z } from 'zod';
import {
  insightAlertViewSchema,
  insightPeriodSchema,
  insightRollupViewSchema,
  localDateSchema,
  ownerPortfolioSchema,
} from '@parley/contracts';

export const insightsQuerySchema = z
  .object({
    period: insightPeriodSchema
      .default('day')
      .meta({ description: 'day: tenant-local calendar days; week: Monday-to-Sunday local weeks.' }),
    from: localDateSchema
      .optional()
      .meta({ description: 'First local date (YYYY-MM-DD). Default: 6 days (day) or 3 weeks (week) before `to`.' }),
    to: localDateSchema.optional().meta({ description: "Last local date (YYYY-MM-DD). Default: today in the tenant's time zone." }),
  })
  .strict();

export const insightsResponseSchema = z
  .object({ tenant_id: z.uuid(), timezone: z.string(), period: insightPeriodSchema, rollups: z.array(insightRollupViewSchema) })
  .meta({ id: 'TenantInsights' });

export const ownerInsightsQuerySchema = z
  .object({
    period: insightPeriodSchema.default('week').meta({ description: 'day: a UTC calendar day; week: a Monday-to-Sunday UTC week.' }),
    date: localDateSchema.optional().meta({ description: 'Any date (YYYY-MM-DD) inside the period. Default: today (UTC).' }),
  })
  .strict();

export const ownerInsightsResponseSchema = z
  .object({ portfolio: ownerPortfolioSchema, alerts: z.array(insightAlertViewSchema) })
  .meta({ id: 'OwnerInsights' });
