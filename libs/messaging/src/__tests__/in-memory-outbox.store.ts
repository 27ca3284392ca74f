import type { OutboxRow, OutboxStore } from '../outbox/outbox.types';

/** Test double of the Prisma store: claims are leases that lapse when not marked sent. */
export class InMemoryOutboxStore implements OutboxStore {
  private readonly rows: Array<OutboxRow & { sent: boolean; claimedUntil: number }> = [];
  readonly failures: Array<{ id: string; error: string }> = [];
  /** When > 0, the next markSent calls throw (a relay "crash" after publishing). */
  failMarkSent = 0;

  constructor(private readonly leaseMs = 0) {}

  add(row: OutboxRow): void {
    this.rows.push({ ...row, sent: false, claimedUntil: 0 });
  }

  pending(): string[] {
    return this.rows.filter((r) => !r.sent).map((r) => r.id);
  }

  async claimBatch(limit: number): Promise<OutboxRow[]> {
    const now = Date.now();
    const batch = this.rows.filter((r) => !r.sent && r.claimedUntil <= now).slice(0, limit);
    for (const r of batch) r.claimedUntil = now + this.leaseMs;
    return batch.map(({ id, subject, payload, headers }) => ({ id, subject, payload, headers }));
  }

  async markSent(ids: string[]): Promise<void> {
    if (this.failMarkSent > 0) {
      this.failMarkSent -= 1;
      throw new Error('database connection lost');
    }
    for (const r of this.rows) if (ids.includes(r.id)) r.sent = true;
  }

  async markFailed(id: string, error: string): Promise<void> {
    this.failures.push({ id, error });
    const row = this.rows.find((r) => r.id === id);
    if (row) row.claimedUntil = 0;
  }
}
