import type { TenantTx } from '@parley/persistence';
import type { StaffMember } from './model-action.validator';

/** A tenant has a handful of staff; this bounds the read should one ever have many. */
const MAX_STAFF = 500;

/** The tenant's active staff users (RLS scopes the read to the transaction's tenant as well). */
export async function loadActiveStaff(tx: TenantTx, tenantId: string): Promise<StaffMember[]> {
  return tx.tenantUser.findMany({
    where: { tenantId, status: 'active' },
    select: { id: true, tenantId: true, email: true, displayName: true, role: true, status: true },
    orderBy: { createdAt: 'asc' },
    take: MAX_STAFF,
  });
}
