// The owner's skip_model_extraction switch (docs/adr/0022-degrade-switches.md), platform-wide
// (platform_degrade_switches, no tenant) or for the tenant (tenant_degrade_switches, RLS). Read
// on every model-assisted extraction, so a change applies to the next event without a cache.
import type { Db, TenantDb } from '@parley/persistence';

/** True when the owner switched model-assisted extraction off for the platform or for this tenant. */
export async function modelExtractionSkipped(prisma: Db, tenantDb: TenantDb, tenantId: string): Promise<boolean> {
  const [platform, tenant] = await Promise.all([
    prisma.platformDegradeSwitches.findUnique({ where: { id: 1 }, select: { skipModelExtraction: true } }),
    tenantDb.run(tenantId, (tx) => tx.tenantDegradeSwitches.findUnique({ where: { tenantId }, select: { skipModelExtraction: true } })),
  ]);
  return (platform?.skipModelExtraction ?? false) || (tenant?.skipModelExtraction ?? false);
}
