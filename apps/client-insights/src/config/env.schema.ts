import { z } from 'zod';
import {
  envVar,
  loadConfigOrExit,
  serviceEnvShape,
  toServiceConfig,
  type EnvSource,
  type ServiceConfig,
} from '@parley/observability/startup';
import { DEFAULT_ALERT_RULES, type AlertRules } from '../alerts/alert.rules';
import { DEFAULT_PORTFOLIO_RULES, type PortfolioRules } from '../portfolio/portfolio.rules';
import { DEFAULT_MODEL_PRICES, type ModelPriceTable } from '../shared/model-prices.util';

export const SERVICE_NAME = 'client-insights';
export const DEFAULT_PORT = 3003;

const priceTableSchema = z.record(
  z.string().regex(/^[a-z0-9_-]+\/.+$/),
  z.object({ inputPerMTok: z.number().nonnegative(), outputPerMTok: z.number().nonnegative() }).strict(),
);

/** JSON `{"provider/model": {"inputPerMTok": 2.5, "outputPerMTok": 10}}` (USD per 1M tokens; `provider/*` for a whole provider). */
const modelPrices = z.string().transform((raw, ctx): ModelPriceTable => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const parsed = priceTableSchema.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object {"provider/model": {"inputPerMTok": n, "outputPerMTok": n}}' });
    return z.NEVER;
  }
  return parsed.data;
});

/** A JSON object overriding some of a rule set's numbers; unknown keys and non-numbers are refused. */
function jsonRules<T extends object>(shape: z.ZodRawShape, example: string) {
  const schema = z.object(shape).partial().strict();
  return z.string().transform((raw, ctx): Partial<T> => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a JSON object with some of ${Object.keys(shape).join(', ')} (e.g. ${example}): ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      });
      return z.NEVER;
    }
    return parsed.data as Partial<T>;
  });
}

const fraction = z.number().min(0).max(1);
const percent = z.number().gt(0).max(100);
const alertRules = jsonRules<AlertRules>(
  {
    sentimentDropPct: percent,
    escalationRate: fraction,
    unansweredRepeats: z.int().min(1),
    usageDropPct: percent,
    minSessions: z.int().min(1),
  },
  '{"escalationRate":0.2}',
);
const portfolioRules = jsonRules<PortfolioRules>(
  {
    minSessions: z.int().min(1),
    escalationAmber: fraction,
    escalationRed: fraction,
    sentimentAmber: z.number().min(-1).max(1),
    sentimentRed: z.number().min(-1).max(1),
    resolutionAmber: fraction,
    conversionVsKind: fraction,
    churnMedium: fraction,
    churnHigh: fraction,
    trendPeriods: z.int().min(1).max(12),
    emergingMinTenants: z.int().min(2),
  },
  '{"emergingMinTenants":2}',
);

/** Every variable this service reads (see serviceEnvShape for defaults). */
export const envSchema = z.object({
  ...serviceEnvShape(DEFAULT_PORT),
  // Analytics role (BYPASSRLS, read-only): owner-level cross-tenant reads (L4).
  ANALYTICS_DATABASE_URL: envVar.postgresUrl(),
  // Events in flight at once in this replica: those waiting together are folded as one batch
  // (one transaction per tenant), so this is also the largest batch.
  INSIGHTS_CONSUMER_CONCURRENCY: envVar.int(1, 64).default(32),
  // How often the L3 job recomputes today/yesterday and this/last week for every active tenant.
  INSIGHTS_ROLLUP_INTERVAL_MS: envVar.int(60_000, 86_400_000).default(3_600_000),
  // How often L5 rules are evaluated for every active tenant and the owner's portfolio recomputed.
  INSIGHTS_OWNER_INTERVAL_MS: envVar.int(5_000, 86_400_000).default(3_600_000),
  // Extra or overriding per-model token prices for the cost metric (merged over the defaults).
  INSIGHTS_MODEL_PRICES: modelPrices.optional(),
  // L5 thresholds (defaults in alerts/alert.rules.ts), e.g. {"escalationRate":0.2,"unansweredRepeats":3}.
  INSIGHTS_ALERT_RULES: alertRules.optional(),
  // L4 health, churn and emerging-topic thresholds (defaults in portfolio/portfolio.rules.ts).
  INSIGHTS_PORTFOLIO_RULES: portfolioRules.optional(),
  // Retention job (docs/adr/0017-retention-and-usage.md): how often it folds recent usage into
  // usage_daily, seals the days past each tenant's retention and deletes their messages.
  RETENTION_INTERVAL_MS: envVar.int(60_000, 86_400_000).default(3_600_000),
  // Rows deleted per statement (each batch its own short transaction).
  RETENTION_BATCH_SIZE: envVar.int(100, 100_000).default(5_000),
  // Age after which tool_executions are deleted.
  RETENTION_TOOL_EXECUTION_DAYS: envVar.int(1, 3_650).default(90),
  // Longest a run holds the advisory lock; a run that reaches it stops between batches and the next run resumes.
  RETENTION_MAX_RUN_MS: envVar.int(60_000, 86_400_000).default(3_600_000),
});
export type Env = z.output<typeof envSchema>;

/** client-insights' own settings (AppConfig.insights), injected as INSIGHTS_OPTIONS. */
export interface InsightsOptions {
  consumerConcurrency: number;
  rollupIntervalMs: number;
  ownerIntervalMs: number;
  modelPrices: ModelPriceTable;
  alertRules: AlertRules;
  portfolioRules: PortfolioRules;
  retention: RetentionOptions;
}

/** The retention job's settings (InsightsOptions.retention). */
export interface RetentionOptions {
  intervalMs: number;
  batchSize: number;
  toolExecutionDays: number;
  maxRunMs: number;
}

export type AppConfig = ServiceConfig & {
  database: { url: string; analyticsUrl: string };
  insights: InsightsOptions;
};

export function toAppConfig(env: Env): AppConfig {
  const base = toServiceConfig(SERVICE_NAME, env);
  return {
    ...base,
    database: { ...base.database, analyticsUrl: env.ANALYTICS_DATABASE_URL },
    insights: {
      consumerConcurrency: env.INSIGHTS_CONSUMER_CONCURRENCY,
      rollupIntervalMs: env.INSIGHTS_ROLLUP_INTERVAL_MS,
      ownerIntervalMs: env.INSIGHTS_OWNER_INTERVAL_MS,
      modelPrices: { ...DEFAULT_MODEL_PRICES, ...env.INSIGHTS_MODEL_PRICES },
      alertRules: { ...DEFAULT_ALERT_RULES, ...env.INSIGHTS_ALERT_RULES },
      portfolioRules: { ...DEFAULT_PORTFOLIO_RULES, ...env.INSIGHTS_PORTFOLIO_RULES },
      retention: {
        intervalMs: env.RETENTION_INTERVAL_MS,
        batchSize: env.RETENTION_BATCH_SIZE,
        toolExecutionDays: env.RETENTION_TOOL_EXECUTION_DAYS,
        maxRunMs: env.RETENTION_MAX_RUN_MS,
      },
    },
  };
}

/** The only reader of process.env: validates it, or prints one line naming the problem and exits 1. */
export function loadAppConfig(env: EnvSource = process.env): AppConfig {
  return toAppConfig(loadConfigOrExit(envSchema, env));
}
