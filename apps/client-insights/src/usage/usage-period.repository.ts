import type { BilledUsage } from '@parley/contracts';
import { Prisma, type TenantTx } from '@parley/persistence';

interface SumRow {
  tenant: boolean;
  messages: bigint | null;
  tokens_in: bigint | null;
  tokens_out: bigint | null;
}

/**
 * The billed usage of the tenant's usage_daily days in [from, to] (inclusive): the rows with a
 * provider only. Null for an unknown tenant. Needs the tenant's transaction (RLS).
 */
export async function billedUsageOfDays(tx: TenantTx, tenantId: string, from: string, to: string): Promise<BilledUsage | null> {
  const [row] = await tx.$queryRaw<SumRow[]>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM tenants WHERE id = ${tenantId}::uuid) AS tenant,
           sum(messages) AS messages, sum(tokens_in) AS tokens_in, sum(tokens_out) AS tokens_out
      FROM usage_daily
     WHERE tenant_id = ${tenantId}::uuid AND day BETWEEN ${from}::date AND ${to}::date AND provider <> ''`);
  if (!row?.tenant) return null;
  return { messages: Number(row.messages ?? 0), tokensIn: Number(row.tokens_in ?? 0), tokensOut: Number(row.tokens_out ?? 0) };
}
