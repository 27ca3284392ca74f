/** One item's result in a batch: its value, or the error that failed it. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface MicroBatcherOptions<T, R> {
  /**
   * Processes a batch; resolves with one outcome per item, in order. An item whose outcome is an
   * error (or every item, when `run` rejects) is run again alone when its batch held others, so a
   * poison item fails only itself; alone, its error is final.
   */
  run: (items: T[]) => Promise<Array<Settled<R>>>;
  /** Most items in one batch (default 64). */
  maxBatch?: number;
  /** Batches running at once (default 1). */
  maxConcurrent?: number;
}

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers concurrent submissions into batches for a consumer whose handlers run in parallel
 * (the runner's concurrency): each handler awaits `submit(event)` and acks only when its own
 * item settled, so ack, retry and dead-letter stay per message. A batch starts as soon as a
 * slot is free (items submitted in the same tick share it); items submitted while the slots are
 * busy wait for the next batch, so batches grow with the load and a lone item waits for nothing.
 */
export class MicroBatcher<T, R> {
  private readonly queue: Array<Pending<T, R>> = [];
  private readonly maxBatch: number;
  private readonly maxConcurrent: number;
  private running = 0;
  private scheduled = false;

  constructor(private readonly options: MicroBatcherOptions<T, R>) {
    this.maxBatch = options.maxBatch ?? 64;
    this.maxConcurrent = options.maxConcurrent ?? 1;
    for (const [name, value] of [
      ['maxBatch', this.maxBatch],
      ['maxConcurrent', this.maxConcurrent],
    ] as const)
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }

  /** Items waiting for a batch (not counting those being processed). */
  get waiting(): number {
    return this.queue.length;
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.maxConcurrent || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate: the messages of one pull arrive in the same I/O turn and share the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.maxConcurrent && this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        this.running += 1;
        void this.process(batch).finally(() => {
          this.running -= 1;
          this.schedule();
        });
      }
    });
  }

  private async process(batch: Array<Pending<T, R>>): Promise<void> {
    const outcomes = await this.settle(batch.map((p) => p.item));
    const retry: Array<Pending<T, R>> = [];
    batch.forEach((pending, i) => {
      const outcome = outcomes[i] as Settled<R>;
      if (outcome.ok) pending.resolve(outcome.value);
      else if (batch.length > 1) retry.push(pending);
      else pending.reject(outcome.error);
    });
    // Alone, one after the other: a failed batch's items are told apart, the poison one fails alone.
    for (const pending of retry) {
      const [outcome] = (await this.settle([pending.item])) as [Settled<R>];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    }
  }

  private async settle(items: T[]): Promise<Array<Settled<R>>> {
    try {
      const outcomes = await this.options.run(items);
      if (outcomes.length !== items.length) throw new Error(`batch run returned ${outcomes.length} outcomes for ${items.length} items`);
      return outcomes;
    } catch (error) {
      return items.map(() => ({ ok: false, error }));
    }
  }
}

/**
 * Runs `fn` once per group of items with the same key (e.g. one transaction per tenant), groups
 * one after the other, and returns each item's outcome in the original order: a group that
 * throws fails its own items only.
 */
export async function settleByGroup<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  fn: (group: T[], key: string) => Promise<R[]>,
): Promise<Array<Settled<R>>> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const indexes = groups.get(key);
    if (indexes) indexes.push(i);
    else groups.set(key, [i]);
  });
  const outcomes = new Array<Settled<R>>(items.length);
  for (const [key, indexes] of groups) {
    try {
      const values = await fn(
        indexes.map((i) => items[i] as T),
        key,
      );
      if (values.length !== indexes.length) throw new Error(`group ${key} returned ${values.length} results for ${indexes.length} items`);
      indexes.forEach((i, n) => (outcomes[i] = { ok: true, value: values[n] as R }));
    } catch (error) {
      for (const i of indexes) outcomes[i] = { ok: false, error };
    }
  }
  return outcomes;
}
