import type { HourlyTerm } from '../rollup/rollup.calculator';
import type { BucketCounter } from './insight-ingest.repository';

/** One (hour, kind, key) term increment of a batch, with its token sums (an insight_hourly_terms row's shape). */
export type TermDelta = HourlyTerm;

/**
 * The bucket and term increments of a batch of events of one tenant, summed in memory and
 * written once at the end of its transaction: one upsert per UTC hour and one multi-row upsert
 * for the terms, instead of one statement per event. Nothing reads the buckets while events
 * are folded, so deferring the writes to just before the commit changes no result (and holds
 * the hot bucket row's lock only for the end of the transaction).
 */
export class IngestBatchAccumulator {
  private readonly buckets = new Map<number, Map<BucketCounter, number>>();
  private readonly terms = new Map<string, TermDelta>();

  bumpBucket(hourStart: Date, deltas: Partial<Record<BucketCounter, number>>): void {
    const hour = hourStart.getTime();
    let bucket = this.buckets.get(hour);
    for (const [column, value] of Object.entries(deltas) as Array<[BucketCounter, number | undefined]>) {
      if (value === undefined || value === 0) continue;
      if (!bucket) this.buckets.set(hour, (bucket = new Map()));
      bucket.set(column, (bucket.get(column) ?? 0) + value);
    }
  }

  bumpTerm(hourStart: Date, kind: string, key: string, count: number, tokens = { in: 0, out: 0 }): void {
    const id = JSON.stringify([hourStart.getTime(), kind, key]);
    const term = this.terms.get(id);
    if (term) {
      term.count += count;
      term.tokensIn += tokens.in;
      term.tokensOut += tokens.out;
    } else this.terms.set(id, { hourStart, kind, key, count, tokensIn: tokens.in, tokensOut: tokens.out });
  }

  /** Hour by hour (oldest first), the summed non-zero deltas: the order rows are locked in. */
  bucketWrites(): Array<{ hourStart: Date; deltas: Partial<Record<BucketCounter, number>> }> {
    return [...this.buckets]
      .sort(([a], [b]) => a - b)
      .map(([hour, deltas]) => ({ hourStart: new Date(hour), deltas: Object.fromEntries([...deltas].filter(([, v]) => v !== 0)) }))
      .filter((w) => Object.keys(w.deltas).length > 0);
  }

  /** The summed terms, one per (hour, kind, key), in a fixed order (hour, kind, key). */
  termWrites(): TermDelta[] {
    return [...this.terms.values()].sort(
      (a, b) => a.hourStart.getTime() - b.hourStart.getTime() || compare(a.kind, b.kind) || compare(a.key, b.key),
    );
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
