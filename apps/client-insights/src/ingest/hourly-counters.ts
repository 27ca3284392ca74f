import { Prisma, type TenantTx } from '@parley/persistence';

/** Counter columns of insight_hourly_buckets that events increment. */
export type BucketCounter =
  | 'turns'
  | 'sessions_started'
  | 'returning_sessions'
  | 'sessions_closed'
  | 'sentiment_sum'
  | 'sentiment_count'
  | 'lead_sessions'
  | 'escalations'
  | 'escalated_sessions'
  | 'summarized_sessions'
  | 'resolved_without_human'
  | 'unmet_needs'
  | 'tokens_in'
  | 'tokens_out';

/**
 * Adds the deltas to the tenant's bucket of that UTC hour, creating it at zero first: one
 * atomic INSERT ... ON CONFLICT, so concurrent events of the same hour never lose an update.
 * Column names come from the BucketCounter union, never from input.
 */
export async function bumpBucket(tx: TenantTx, tenantId: string, hourStart: Date, deltas: Partial<Record<BucketCounter, number>>): Promise<void> {
  const entries = Object.entries(deltas).filter(([, v]) => v !== undefined && v !== 0) as Array<[BucketCounter, number]>;
  if (entries.length === 0) return;
  const columns = entries.map(([c]) => Prisma.raw(`"${c}"`));
  const values = entries.map(([, v]) => Prisma.sql`${v}`);
  const updates = entries.map(([c]) => Prisma.raw(`"${c}" = b."${c}" + EXCLUDED."${c}"`));
  await tx.$executeRaw`
    INSERT INTO insight_hourly_buckets AS b (tenant_id, hour_start, ${Prisma.join(columns)})
    VALUES (${tenantId}::uuid, ${hourStart}, ${Prisma.join(values)})
    ON CONFLICT (tenant_id, hour_start) DO UPDATE SET ${Prisma.join(updates)}, updated_at = now()`;
}

/** Adds to the (kind, key) count of the tenant's UTC hour, with optional token sums (model usage). */
export async function bumpTerm(tx: TenantTx, tenantId: string, hourStart: Date, kind: string, key: string, count: number, tokens = { in: 0, out: 0 }): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO insight_hourly_terms AS t (tenant_id, hour_start, kind, key, count, tokens_in, tokens_out)
    VALUES (${tenantId}::uuid, ${hourStart}, ${kind}, ${key}, ${count}, ${tokens.in}, ${tokens.out})
    ON CONFLICT (tenant_id, hour_start, kind, key) DO UPDATE
      SET count = t.count + EXCLUDED.count, tokens_in = t.tokens_in + EXCLUDED.tokens_in, tokens_out = t.tokens_out + EXCLUDED.tokens_out`;
}

/** Topics and unmet needs are counted case- and spacing-insensitively ("Gas safety  certificate" = "gas safety certificate"). */
export function normalizeTermKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 200);
}
