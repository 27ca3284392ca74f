// A tenant's L1a signal settings: the `signal_rules` column of `tenants` (the registry, no
// RLS). Reads take the app-role client or a transaction (`Db`); the write takes the tenant
// transaction of TenantDb.run(), so it commits with its audit and outbox rows.
import type { Db, Prisma, TenantTx } from '@parley/persistence';

/** The stored settings as they are (any JSON), or undefined for an unknown tenant. */
export async function findSignalSettings(db: Db, tenantId: string): Promise<unknown> {
  const row = await db.tenant.findUnique({ where: { id: tenantId }, select: { signalRules: true } });
  return row ? row.signalRules : undefined;
}

export async function writeSignalSettings(tx: TenantTx, tenantId: string, settings: Prisma.InputJsonObject): Promise<void> {
  await tx.tenant.update({ where: { id: tenantId }, data: { signalRules: settings }, select: { id: true } });
}
