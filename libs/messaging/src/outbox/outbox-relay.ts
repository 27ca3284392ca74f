import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { MessagingConnection } from '../connection/nats-client';
import { silentLogger, type MessagingLogger } from '../observability/messaging-logger';
import type { MessagingMetrics } from '../observability/messaging-metrics';
import { encodeJson } from '../publishing/json-codec';
import { headersWithTraceContext } from '../tracing/trace-context';
import type { OutboxRow, OutboxStore } from './outbox.types';

export interface OutboxRelayOptions {
  client: MessagingConnection;
  store: OutboxStore;
  /** Rows per claim. */
  batchSize?: number;
  /** Poll interval when the outbox is empty. */
  intervalMs?: number;
  /** Cap of the exponential backoff after failures. */
  maxBackoffMs?: number;
  publishTimeoutMs?: number;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
}

export interface RelayBatchResult {
  claimed: number;
  published: number;
  failed: number;
}

/**
 * Publishes outbox rows to JetStream with Nats-Msg-Id = row id, then marks them sent. A crash
 * between publish and markSent re-publishes the row on the next run and JetStream drops the
 * duplicate (within the stream's duplicate window), so each event lands exactly once.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: MessagingLogger;
  private running = false;
  private loop?: Promise<void>;
  private interrupt?: () => void;
  private woken = false;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.intervalMs = options.intervalMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.logger = options.logger ?? silentLogger;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Publish now instead of at the next poll (call after committing a transaction with outbox rows). */
  wake(): void {
    this.woken = true;
    // while backing off after a failure, a wake does not cut the backoff short
    if (this.failures === 0) this.interrupt?.();
  }

  /** Stops polling; resolves once the batch in progress is published and marked. */
  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.loop;
  }

  /** Claims one batch and publishes it; publish failures leave rows pending. */
  async runOnce(): Promise<RelayBatchResult> {
    const rows = await this.options.store.claimBatch(this.batchSize);
    if (rows.length === 0) return { claimed: 0, published: 0, failed: 0 };
    // Publishes are issued in row order on one connection (so the stream keeps that order)
    // and awaited together.
    const results = await Promise.allSettled(rows.map((row) => this.publish(row)));
    const sent = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
    const failed = rows.length - sent.length;
    for (const [i, r] of results.entries()) {
      if (r.status === 'fulfilled') continue;
      this.logger.warn({ outboxId: rows[i].id, err: r.reason }, 'outbox publish failed; row stays pending');
      await this.options.store.markFailed?.(rows[i].id, (r.reason as Error)?.message ?? String(r.reason)).catch((err: unknown) => {
        this.logger.warn({ outboxId: rows[i].id, err }, 'outbox markFailed failed');
      });
    }
    if (sent.length) await this.options.store.markSent(sent);
    if (sent.length) this.options.metrics?.outboxPublished?.(sent.length);
    if (failed) this.options.metrics?.outboxFailed?.(failed);
    return { claimed: rows.length, published: sent.length, failed };
  }

  private publish(row: OutboxRow) {
    // The row's own headers carry the producer's trace context; don't mix in the relay's.
    const headers = headersWithTraceContext(row.headers ?? undefined, ROOT_CONTEXT);
    return this.options.client.js.publish(this.options.client.namer.subject(row.subject), encodeJson(row.payload), {
      msgID: row.id,
      headers,
      timeout: this.options.publishTimeoutMs ?? 5000,
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delayMs = this.intervalMs;
      try {
        const result = await this.runOnce();
        if (result.failed > 0) {
          delayMs = this.backoff();
        } else {
          this.failures = 0;
          if (result.claimed === this.batchSize) delayMs = 0; // more may be waiting
        }
      } catch (err) {
        delayMs = this.backoff();
        this.logger.error({ err, retryInMs: delayMs }, 'outbox relay batch failed');
      }
      if (this.woken && this.failures === 0) delayMs = 0;
      this.woken = false;
      if (this.running && delayMs > 0) await this.sleep(delayMs);
    }
  }

  private backoff(): number {
    this.failures += 1;
    return Math.min(this.maxBackoffMs, this.intervalMs * 2 ** Math.min(this.failures, 16));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}
