import type { TenantTx } from '@parley/persistence';
import type { HourlyBucket, HourlyTerm } from './compute-rollup';

export interface RollupInputs {
  buckets: HourlyBucket[];
  terms: HourlyTerm[];
  feedback: Array<{ rating: number; createdAt: Date }>;
}

/** Everything the rollups of [start, end) need, in three indexed range reads (never chat_messages). */
export async function loadRollupInputs(tx: TenantTx, tenantId: string, start: Date, end: Date): Promise<RollupInputs> {
  const hourStart = { gte: start, lt: end };
  const [buckets, terms, feedback] = await Promise.all([
    tx.insightHourlyBucket.findMany({ where: { tenantId, hourStart }, orderBy: { hourStart: 'asc' } }),
    tx.insightHourlyTerm.findMany({ where: { tenantId, hourStart } }),
    tx.messageFeedback.findMany({ where: { tenantId, createdAt: hourStart }, select: { rating: true, createdAt: true } }),
  ]);
  return {
    buckets: buckets.map(({ id: _id, tenantId: _tenant, updatedAt: _updated, ...b }) => ({ ...b, tokensIn: Number(b.tokensIn), tokensOut: Number(b.tokensOut) })),
    terms: terms.map((t) => ({ hourStart: t.hourStart, kind: t.kind, key: t.key, count: t.count, tokensIn: Number(t.tokensIn), tokensOut: Number(t.tokensOut) })),
    feedback,
  };
}
