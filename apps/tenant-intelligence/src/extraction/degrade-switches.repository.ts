// The owner's skip_model_extraction switch (docs/adr/0022-degrade-switches.md), platform-wide
// (platform_degrade_switches, no tenant) or for the tenant (tenant_degrade_switches, RLS). Kept
// per tenant by TenantSettingsCache (dropped by evt.tenant.updated, bounded by its TTL).
import type { TenantDb } from '@parley/persistence';

/**
 * Both rows in one statement: a missing row is "off". The tenant's row is read under RLS (the
 * statement runs with the tenant set), the platform's single row has no tenant.
 */
const SKIP_MODEL_EXTRACTION_SQL = `
SELECT COALESCE((SELECT skip_model_extraction FROM platform_degrade_switches WHERE id = 1), false)
    OR COALESCE((SELECT skip_model_extraction FROM tenant_degrade_switches WHERE tenant_id = $1::uuid), false) AS skip`;

/**
 * True when the owner switched model-assisted extraction off for the platform or for this
 * tenant. One statement through TenantDb.statement() (BEGIN, the tenant, the read and COMMIT
 * pipelined in one round trip, no Prisma client work on every event).
 */
export async function modelExtractionSkipped(tenantDb: TenantDb, tenantId: string): Promise<boolean> {
  const [row] = await tenantDb.statement<{ skip: boolean }>(tenantId, { text: SKIP_MODEL_EXTRACTION_SQL, values: [tenantId] });
  return row?.skip === true;
}
