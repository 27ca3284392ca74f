import type { TenantTx } from '../client/prisma.types';
import type { PgTx } from './tenant-db';

/** A tenant transaction of either kind: Prisma's interactive one (TenantDb.run()) or node-postgres' (TenantDb.transaction()). */
export type AnyTenantTx = TenantTx | PgTx;

/**
 * Fixed SQL in either kind of tenant transaction, for statements both paths share: a PgTx as it
 * is, Prisma's through $queryRawUnsafe with the same text and values. Rows come back as each driver
 * parses them, so such SQL casts what would differ (count(*)::int, never a bare bigint or numeric;
 * ids as text); jsonb, text, boolean, int4 and timestamptz (a Date) come back alike.
 */
export function sqlTx(tx: AnyTenantTx): PgTx {
  if (!('$queryRawUnsafe' in tx)) return tx;
  return { query: <R>(text: string, values: readonly unknown[] = []) => tx.$queryRawUnsafe<R[]>(text, ...values) };
}
