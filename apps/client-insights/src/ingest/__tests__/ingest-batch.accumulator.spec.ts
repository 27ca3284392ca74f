import { IngestBatchAccumulator } from '../ingest-batch.accumulator';

const h = (iso: string) => new Date(iso);

describe('IngestBatchAccumulator', () => {
  it('sums bucket deltas per hour, drops zeros and orders hours oldest first', () => {
    const batch = new IngestBatchAccumulator();
    batch.bumpBucket(h('2026-07-06T09:00:00Z'), { turns: 1, escalations: 0, tokens_in: 100 });
    batch.bumpBucket(h('2026-07-06T08:00:00Z'), { sessions_started: 1 });
    batch.bumpBucket(h('2026-07-06T09:00:00Z'), { turns: 1, tokens_in: 50, sentiment_sum: -0.5, sentiment_count: 1 });
    batch.bumpBucket(h('2026-07-06T10:00:00Z'), { escalations: 0 });
    expect(batch.bucketWrites()).toEqual([
      { hourStart: h('2026-07-06T08:00:00Z'), deltas: { sessions_started: 1 } },
      { hourStart: h('2026-07-06T09:00:00Z'), deltas: { turns: 2, tokens_in: 150, sentiment_sum: -0.5, sentiment_count: 1 } },
    ]);
  });

  it('drops a column whose deltas cancel out', () => {
    const batch = new IngestBatchAccumulator();
    batch.bumpBucket(h('2026-07-06T09:00:00Z'), { sentiment_sum: 0.5, sentiment_count: 1 });
    batch.bumpBucket(h('2026-07-06T09:00:00Z'), { sentiment_sum: -0.5, sentiment_count: 1 });
    expect(batch.bucketWrites()).toEqual([{ hourStart: h('2026-07-06T09:00:00Z'), deltas: { sentiment_count: 2 } }]);
  });

  it('sums terms per (hour, kind, key) with their tokens, in a fixed order', () => {
    const batch = new IngestBatchAccumulator();
    batch.bumpTerm(h('2026-07-06T09:00:00Z'), 'topic', 'boiler', 1);
    batch.bumpTerm(h('2026-07-06T09:00:00Z'), 'model', 'openai/gpt', 1, { in: 10, out: 4 });
    batch.bumpTerm(h('2026-07-06T08:00:00Z'), 'topic', 'boiler', 1);
    batch.bumpTerm(h('2026-07-06T09:00:00Z'), 'model', 'openai/gpt', 1, { in: 5, out: 1 });
    batch.bumpTerm(h('2026-07-06T09:00:00Z'), 'topic', 'boiler', 2);
    expect(batch.termWrites()).toEqual([
      { hourStart: h('2026-07-06T08:00:00Z'), kind: 'topic', key: 'boiler', count: 1, tokensIn: 0, tokensOut: 0 },
      { hourStart: h('2026-07-06T09:00:00Z'), kind: 'model', key: 'openai/gpt', count: 2, tokensIn: 15, tokensOut: 5 },
      { hourStart: h('2026-07-06T09:00:00Z'), kind: 'topic', key: 'boiler', count: 3, tokensIn: 0, tokensOut: 0 },
    ]);
  });

  it('has nothing to write when nothing was added', () => {
    const batch = new IngestBatchAccumulator();
    expect(batch.bucketWrites()).toEqual([]);
    expect(batch.termWrites()).toEqual([]);
  });
});
