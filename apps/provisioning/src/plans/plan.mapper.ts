import { PLAN_FEATURES, type LlmProviderKind, type Plan, type PlanFeature, type PlanInput, type PlanPatch } from '@parley/contracts';
import type { Prisma } from '@parley/persistence';

export const PLAN_SELECT = {
  id: true,
  key: true,
  name: true,
  currency: true,
  monthlyFee: true,
  includedMessages: true,
  includedTokens: true,
  capMode: true,
  overagePerMessage: true,
  overagePer1kTokens: true,
  rateLimitPerMinute: true,
  userRateLimitPerMinute: true,
  tenantRateLimitPerMinute: true,
  ipRateLimitPerMinute: true,
  features: true,
  allowedProviders: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type PlanRow = Prisma.PlanGetPayload<{ select: typeof PLAN_SELECT }>;

/** A plan row as the contract carries it: money as exact decimal strings, an empty provider list as null (any). */
export function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    currency: row.currency,
    monthlyFee: row.monthlyFee.toFixed(2),
    includedMessages: row.includedMessages,
    includedTokens: row.includedTokens === null ? null : Number(row.includedTokens),
    capMode: row.capMode === 'soft' ? 'soft' : 'hard',
    overagePerMessage: decimalString(row.overagePerMessage),
    overagePer1kTokens: decimalString(row.overagePer1kTokens),
    rateLimitPerMinute: row.rateLimitPerMinute,
    userRateLimitPerMinute: row.userRateLimitPerMinute,
    tenantRateLimitPerMinute: row.tenantRateLimitPerMinute,
    ipRateLimitPerMinute: row.ipRateLimitPerMinute,
    features: row.features.filter(isPlanFeature),
    allowedProviders: row.allowedProviders.length === 0 ? null : (row.allowedProviders as LlmProviderKind[]),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A stored feature the catalogue knows (the migration that started enforcing features left only those). */
function isPlanFeature(name: string): name is PlanFeature {
  return (PLAN_FEATURES as readonly string[]).includes(name);
}

/** The shortest exact form of a stored price (`0.002`, `1`), never exponent notation. */
function decimalString(value: Prisma.Decimal): string {
  return value.toFixed();
}

/** Column values of a new plan or of a patch (only the fields present). */
export function planColumns(input: PlanInput | PlanPatch) {
  return {
    ...('key' in input && input.key !== undefined ? { key: input.key } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.currency !== undefined ? { currency: input.currency } : {}),
    ...(input.monthlyFee !== undefined ? { monthlyFee: input.monthlyFee } : {}),
    ...(input.includedMessages !== undefined ? { includedMessages: input.includedMessages } : {}),
    ...(input.includedTokens !== undefined ? { includedTokens: input.includedTokens === null ? null : BigInt(input.includedTokens) } : {}),
    ...(input.capMode !== undefined ? { capMode: input.capMode } : {}),
    ...(input.overagePerMessage !== undefined ? { overagePerMessage: input.overagePerMessage } : {}),
    ...(input.overagePer1kTokens !== undefined ? { overagePer1kTokens: input.overagePer1kTokens } : {}),
    ...(input.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: input.rateLimitPerMinute } : {}),
    ...(input.userRateLimitPerMinute !== undefined ? { userRateLimitPerMinute: input.userRateLimitPerMinute } : {}),
    ...(input.tenantRateLimitPerMinute !== undefined ? { tenantRateLimitPerMinute: input.tenantRateLimitPerMinute } : {}),
    ...(input.ipRateLimitPerMinute !== undefined ? { ipRateLimitPerMinute: input.ipRateLimitPerMinute } : {}),
    ...(input.features !== undefined ? { features: [...new Set(input.features)] } : {}),
    ...(input.allowedProviders !== undefined
      ? { allowedProviders: input.allowedProviders === null ? [] : [...new Set(input.allowedProviders)] }
      : {}),
  };
}
