// Reads the owner's degrade switches (written by provisioning; docs/adr/0022-degrade-switches.md):
// the platform row (no tenant) and the tenant's row (RLS, in the tenant's transaction).
import { NO_DEGRADE, type DegradeSwitches } from '@parley/contracts';
import type { Db, TenantDb } from '@parley/persistence';

const SWITCHES = { cheaperModel: true, leanContext: true, skipModelExtraction: true, offlineOnly: true } as const;

export async function readPlatformSwitches(db: Db): Promise<DegradeSwitches> {
  return (await db.platformDegradeSwitches.findUnique({ where: { id: 1 }, select: SWITCHES })) ?? { ...NO_DEGRADE };
}

export async function readTenantSwitches(tenantDb: TenantDb, tenantId: string, maxWaitMs?: number): Promise<DegradeSwitches> {
  const row = await tenantDb.run(tenantId, (tx) => tx.tenantDegradeSwitches.findUnique({ where: { tenantId }, select: SWITCHES }), {
    maxWaitMs,
  });
  return row ?? { ...NO_DEGRADE };
}

/** Per switch, how many tenants have it on (SECURITY DEFINER list_degraded_tenants(): switches only). */
export async function countDegradedTenants(db: Db): Promise<Record<keyof DegradeSwitches, number>> {
  const rows = await db.$queryRaw<
    Array<{ cheaper_model: boolean; lean_context: boolean; skip_model_extraction: boolean; offline_only: boolean }>
  >`SELECT cheaper_model, lean_context, skip_model_extraction, offline_only FROM list_degraded_tenants()`;
  return {
    cheaperModel: rows.filter((r) => r.cheaper_model).length,
    leanContext: rows.filter((r) => r.lean_context).length,
    skipModelExtraction: rows.filter((r) => r.skip_model_extraction).length,
    offlineOnly: rows.filter((r) => r.offline_only).length,
  };
}
