// What the chat service (and others) need of a tenant at the start of a turn. `tenants` has
// no tenant_id column and no RLS, so it is read with the app-role client directly.
import { llmWithinPlan, PLAN_FEATURES, type PlanFeature, type TenantConfig, type TenantStatus } from '@parley/contracts';
import type { Db } from '../client/prisma.types';
import { isUuid } from '../tenant/tenant-id.util';
import { tenantConfigFromRow } from './tenant-config.mapper';

export interface TenantRuntime {
  tenantId: string;
  status: TenantStatus;
  displayName: string;
  timezone: string;
  kind: string;
  /** The tenant's config; `llm` is the chain its plan allows (llmWithinPlan, ADR 0025). */
  config: TenantConfig;
  /** The tenant's extension of the L1a rules as stored (a JSON object; {} when none or malformed). Validate with libs/signals. */
  signalRules: Record<string, unknown>;
  /** The features of the tenant's plan (ADR 0025); null: no plan, every feature. */
  planFeatures: PlanFeature[] | null;
}

/** Whether the tenant's plan includes `feature` (a tenant without a plan has every feature). */
export function runtimeHasFeature(runtime: Pick<TenantRuntime, 'planFeatures'>, feature: PlanFeature): boolean {
  return runtime.planFeatures === null || runtime.planFeatures.includes(feature);
}

const isPlanFeature = (value: string): value is PlanFeature => (PLAN_FEATURES as readonly string[]).includes(value);

export const TENANT_CONFIG_SELECT = {
  persona: true,
  tone: true,
  allowedTopics: true,
  emergencyText: true,
  escalationSettings: true,
  llmProvider: true,
  llmModel: true,
  llmFallbacks: true,
  retentionDays: true,
  derivedDataRetention: true,
  rateLimitPerMinute: true,
  allowedOrigins: true,
  country: true,
  timezone: true,
} as const;

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The tenant's status, names and parsed config; null for an unknown (or non-uuid) id. */
export async function loadTenantRuntime(prisma: Db, tenantId: string): Promise<TenantRuntime | null> {
  if (!isUuid(tenantId)) return null;
  const row = await prisma.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true,
      status: true,
      displayName: true,
      kind: true,
      signalRules: true,
      plan: { select: { allowedProviders: true, features: true } },
      ...TENANT_CONFIG_SELECT,
    },
  });
  if (!row) return null;
  const config = tenantConfigFromRow(row);
  return {
    tenantId: row.id,
    status: row.status,
    displayName: row.displayName,
    timezone: row.timezone,
    kind: row.kind,
    config: { ...config, llm: llmWithinPlan(config.llm, row.plan?.allowedProviders ?? null) },
    signalRules: asObject(row.signalRules),
    planFeatures: row.plan ? row.plan.features.filter(isPlanFeature) : null,
  };
}
