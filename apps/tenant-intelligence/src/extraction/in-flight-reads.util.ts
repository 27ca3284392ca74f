/**
 * Concurrent reads of the same key share one query: a caller arriving while a read of its key
 * is in flight gets that read's result; nothing is kept once it settles (no cache, no TTL), so
 * a change committed before a read starts is seen by every caller of that read.
 */
export class InFlightReads<V> {
  private readonly inflight = new Map<string, Promise<V>>();

  read(key: string, load: () => Promise<V>): Promise<V> {
    const running = this.inflight.get(key);
    if (running) return running;
    const read = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, read);
    return read;
  }
}
