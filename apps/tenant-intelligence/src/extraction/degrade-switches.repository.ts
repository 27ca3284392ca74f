// The owner's skip_model_extraction switch (docs/adr/0022-degrade-switches.md), platform-wide
// (platform_degrade_switches, no tenant) or for the tenant (tenant_degrade_switches, RLS). Read
// on every model-assisted extraction, so a change applies to the next event without a cache.
import type { TenantDb } from '@parley/persistence';

/**
 * True when the owner switched model-assisted extraction off for the platform or for this
 * tenant. Both rows in one batch transaction (tenant set first, one round trip through the
 * client instead of an interactive transaction and a second query).
 */
export async function modelExtractionSkipped(tenantDb: TenantDb, tenantId: string): Promise<boolean> {
  const [platform, tenant] = await tenantDb.batch(tenantId, (db) => [
    db.platformDegradeSwitches.findUnique({ where: { id: 1 }, select: { skipModelExtraction: true } }),
    db.tenantDegradeSwitches.findUnique({ where: { tenantId }, select: { skipModelExtraction: true } }),
  ]);
  return (platform?.skipModelExtraction ?? false) || (tenant?.skipModelExtraction ?? false);
}
