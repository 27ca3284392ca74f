// Chat's reads of provisioning's tenant registry (`tenants`, which has no RLS: it is the list
// of tenants itself). Chat only reads it; provisioning owns and writes it.
import type { Db, TenantTx } from '@parley/persistence';

/** The tenant's status ('active' | 'deactivated'), or null for an unknown tenant. Read in the caller's transaction (no extra connection). */
export async function findTenantStatus(tx: TenantTx, tenantId: string): Promise<string | null> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { status: true } });
  return tenant?.status ?? null;
}

/** Up to `limit` tenant ids after `after` (all tenants, in id order), for jobs that page through every tenant with the app role. */
export async function tenantIdPage(db: Db, after: string | undefined, limit: number): Promise<string[]> {
  const rows = await db.tenant.findMany({
    where: after ? { id: { gt: after } } : {},
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
