import { DEFAULT_TENANT_CONFIG, type TenantConfigPatch } from '@parley/contracts';
import { tenantConfigToColumns } from '@parley/persistence';

/** Column values for a config patch, ready for Prisma (json columns as plain JSON). */
export function configPatchToColumns(patch: TenantConfigPatch) {
  // rateLimitPerMinute null is stored as NULL: the tenant follows the platform default.
  const { escalationSettings, llmFallbacks, ...rest } = tenantConfigToColumns(patch);
  return {
    ...rest,
    ...(escalationSettings !== undefined ? { escalationSettings: { ...escalationSettings } } : {}),
    ...(llmFallbacks !== undefined ? { llmFallbacks: llmFallbacks.map((f) => ({ ...f })) } : {}),
  };
}

/** The full column set of a new tenant: contract defaults, then the owner's config. */
export function initialConfigColumns(patch: TenantConfigPatch | undefined, domain: string | null) {
  const allowedOrigins = patch?.allowedOrigins ?? (domain ? [domain] : []);
  return configPatchToColumns({ ...DEFAULT_TENANT_CONFIG, ...patch, allowedOrigins });
}
