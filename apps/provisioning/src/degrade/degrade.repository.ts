// The owner's degrade switches (docs/adr/0022-degrade-switches.md): one row per tenant in
// `tenant_degrade_switches` (RLS: read and written in the tenant's transaction) and the single
// platform row of `platform_degrade_switches` (no tenant). No row means every switch off.
import type { DegradeSetting, DegradeSwitches } from '@parley/contracts';
import type { Db, TenantTx } from '@parley/persistence';

interface SwitchRow {
  cheaperModel: boolean;
  leanContext: boolean;
  skipModelExtraction: boolean;
  offlineOnly: boolean;
  reason: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

const SWITCH_COLUMNS = {
  cheaperModel: true,
  leanContext: true,
  skipModelExtraction: true,
  offlineOnly: true,
  reason: true,
  updatedBy: true,
  updatedAt: true,
} as const;

export interface DegradeWrite {
  switches: DegradeSwitches;
  reason: string | null;
  updatedBy: string | null;
}

function toSetting(tenantId: string | null, row: SwitchRow | null): DegradeSetting {
  return {
    tenantId,
    switches: {
      cheaperModel: row?.cheaperModel ?? false,
      leanContext: row?.leanContext ?? false,
      skipModelExtraction: row?.skipModelExtraction ?? false,
      offlineOnly: row?.offlineOnly ?? false,
    },
    reason: row?.reason ?? null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** The tenant's switches (all off without a row). Needs the tenant's transaction. */
export async function findTenantDegrade(tx: TenantTx, tenantId: string): Promise<DegradeSetting> {
  const row = await tx.tenantDegradeSwitches.findUnique({ where: { tenantId }, select: SWITCH_COLUMNS });
  return toSetting(tenantId, row);
}

export async function writeTenantDegrade(tx: TenantTx, tenantId: string, write: DegradeWrite): Promise<DegradeSetting> {
  const data = { ...write.switches, reason: write.reason, updatedBy: write.updatedBy };
  const row = await tx.tenantDegradeSwitches.upsert({
    where: { tenantId },
    create: { tenantId, ...data },
    update: data,
    select: SWITCH_COLUMNS,
  });
  return toSetting(tenantId, row);
}

/** The platform's switches (all off without the row). */
export async function findPlatformDegrade(db: Db): Promise<DegradeSetting> {
  const row = await db.platformDegradeSwitches.findUnique({ where: { id: 1 }, select: SWITCH_COLUMNS });
  return toSetting(null, row);
}

export async function writePlatformDegrade(db: Db, write: DegradeWrite): Promise<DegradeSetting> {
  const data = { ...write.switches, reason: write.reason, updatedBy: write.updatedBy };
  const row = await db.platformDegradeSwitches.upsert({
    where: { id: 1 },
    create: { id: 1, ...data },
    update: data,
    select: SWITCH_COLUMNS,
  });
  return toSetting(null, row);
}

interface DegradedTenantRow {
  tenant_id: string;
  cheaper_model: boolean;
  lean_context: boolean;
  skip_model_extraction: boolean;
  offline_only: boolean;
  reason: string | null;
  updated_at: Date;
}

/** Every tenant with a switch of its own on (SECURITY DEFINER list_degraded_tenants(): switches only). */
export async function listDegradedTenants(db: Db): Promise<DegradeSetting[]> {
  const rows = await db.$queryRaw<DegradedTenantRow[]>`SELECT * FROM list_degraded_tenants()`;
  return rows.map((r) =>
    toSetting(r.tenant_id, {
      cheaperModel: r.cheaper_model,
      leanContext: r.lean_context,
      skipModelExtraction: r.skip_model_extraction,
      offlineOnly: r.offline_only,
      reason: r.reason,
      updatedBy: null,
      updatedAt: r.updated_at,
    }),
  );
}

/** True when the tenant exists (tenants is the registry: no RLS). */
export async function tenantExists(db: Db, tenantId: string): Promise<boolean> {
  return (await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })) !== null;
}
