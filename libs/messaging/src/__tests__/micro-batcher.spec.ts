import { MicroBatcher, settleByGroup, type Settled } from '../messaging.api';

const ok = <R>(value: R): Settled<R> => ({ ok: true, value });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MicroBatcher', () => {
  it('runs a lone item at once, in a batch of one', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>({
      run: async (items) => {
        batches.push(items);
        return items.map((i) => ok(i * 2));
      },
    });
    await expect(batcher.submit(21)).resolves.toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it('gathers items submitted in one tick, and those arriving while a batch runs, into the next batch', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new MicroBatcher<number, string>({
      run: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((i) => ok(`v${i}`));
      },
    });
    const first = [1, 2, 3].map((i) => batcher.submit(i));
    await tick();
    const second = [4, 5].map((i) => batcher.submit(i));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    expect(batcher.waiting).toBe(2);
    release();
    await expect(Promise.all([...first, ...second])).resolves.toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('caps a batch at maxBatch and runs at most maxConcurrent batches at once', async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const batcher = new MicroBatcher<number, number>({
      maxBatch: 3,
      maxConcurrent: 2,
      run: async (items) => {
        running += 1;
        most = Math.max(most, running);
        sizes.push(items.length);
        await tick();
        running -= 1;
        return items.map(ok);
      },
    });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(i)));
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(Math.max(...sizes)).toBe(3);
    expect(most).toBe(2);
  });

  it('runs the items of a failed batch again one by one, so only the poison item fails', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>({
      run: async (items) => {
        batches.push(items);
        if (items.includes(13)) throw new Error('poison 13');
        return items.map(ok);
      },
    });
    const outcomes = await Promise.allSettled([1, 13, 2].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('poison 13'));
    expect(batches).toEqual([[1, 13, 2], [1], [13], [2]]);
  });

  it('retries alone only the items whose own outcome failed', async () => {
    const batches: string[][] = [];
    const batcher = new MicroBatcher<string, string>({
      run: async (items) => {
        batches.push(items);
        return items.map((i) => (i.startsWith('b') && items.length > 1 ? { ok: false, error: new Error(`group of ${i}`) } : ok(i)));
      },
    });
    await expect(Promise.all(['a1', 'b1', 'a2'].map((i) => batcher.submit(i)))).resolves.toEqual(['a1', 'b1', 'a2']);
    expect(batches).toEqual([['a1', 'b1', 'a2'], ['b1']]);
  });

  it('fails every item when run returns the wrong number of outcomes, after retrying each alone', async () => {
    const batcher = new MicroBatcher<number, number>({ run: async () => [] });
    const outcomes = await Promise.allSettled([1, 2].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('0 outcomes for 1 items');
  });

  it('refuses a batch size or concurrency below 1', () => {
    expect(() => new MicroBatcher({ run: async () => [], maxBatch: 0 })).toThrow(RangeError);
    expect(() => new MicroBatcher({ run: async () => [], maxConcurrent: 1.5 })).toThrow(RangeError);
  });
});

describe('settleByGroup', () => {
  it('calls fn once per key with that key items and maps the results back in order', async () => {
    const calls: Array<[string, string[]]> = [];
    const items = [
      { tenant: 't1', id: 'a' },
      { tenant: 't2', id: 'b' },
      { tenant: 't1', id: 'c' },
    ];
    const outcomes = await settleByGroup(
      items,
      (i) => i.tenant,
      async (group, key) => {
        calls.push([key, group.map((g) => g.id)]);
        return group.map((g) => `${key}:${g.id}`);
      },
    );
    expect(calls).toEqual([
      ['t1', ['a', 'c']],
      ['t2', ['b']],
    ]);
    expect(outcomes).toEqual([ok('t1:a'), ok('t2:b'), ok('t1:c')]);
  });

  it('fails only the items of a group that threw', async () => {
    const boom = new Error('t2 failed');
    const outcomes = await settleByGroup(['t1', 't2', 't1'], String, async (group, key) => {
      if (key === 't2') throw boom;
      return group;
    });
    expect(outcomes).toEqual([ok('t1'), { ok: false, error: boom }, ok('t1')]);
  });
});
