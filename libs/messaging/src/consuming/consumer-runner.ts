import { millis } from '@nats-io/nats-core';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import {
  eventContractForSubject,
  parseContract,
  parseEventSubject,
  type ConsumerDefinition,
  type DeadLetterReason,
  type SchemaContract,
} from '@parley/contracts';
import type { MessagingConnection } from '../connection/nats-client';
import { MessagingError } from '../errors/messaging.error';
import { PermanentError } from '../errors/permanent.error';
import { backoffDelayMs } from '../jetstream/consumer-config';
import { ensureConsumer } from '../jetstream/ensure';
import { matchesAny } from '../jetstream/subject-match';
import { silentLogger, type MessagingLogger } from '../observability/messaging-logger';
import type { ConsumerMetricLabels, MessagingMetrics } from '../observability/messaging-metrics';
import { decodeJson } from '../publishing/json-codec';
import type { ConsumerHandler } from './consumer-message';
import { invokeHandler } from './invoke-handler';
import { publishDeadLetter } from './dead-letter';
import { watchMaxDeliveries, type MaxDeliveriesWatcher } from './max-deliveries-watcher';
import { Semaphore } from './semaphore';

export interface StartConsumerOptions {
  client: MessagingConnection;
  /** The logical definition from contracts (`CONSUMERS.notifier`); the namespace is applied here. */
  consumer: ConsumerDefinition;
  /** Contract of a logical subject; default: the event catalog. null -> dead letter. */
  contractFor?: (subject: string) => SchemaContract | null;
  handler: ConsumerHandler;
  /** Handlers running at once (default 4). */
  concurrency?: number;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
  /** Declare (create/update) the durable before consuming (default true). */
  declare?: boolean;
  /** After this, the handler's signal aborts and the attempt counts as failed (default 5 min). */
  maxProcessingMs?: number;
  /** stop() waits this long for in-flight handlers (default 10 s). */
  stopTimeoutMs?: number;
  /** Pause before re-creating consume() after an error (default 1 s). */
  restartDelayMs?: number;
  /**
   * Acks of settled messages (handled, or skipped outside the filters) wait at most this long and
   * go out together, in one socket write (default 50 ms, at most a quarter of the ack wait; 0: at
   * the end of the current I/O turn). An ack lost to a crash in that window only means a
   * redelivery, which the idempotent handlers (and the skip) absorb; naks and terms are sent at once.
   */
  ackDelayMs?: number;
}

/** How long a settled message's ack is held back by default (see `ackDelayMs`). */
const DEFAULT_ACK_DELAY_MS = 50;

export interface ConsumerRunner {
  readonly consumer: string;
  /** Stops pulling, naks buffered messages and waits (bounded) for in-flight handlers. */
  stop(): Promise<void>;
}

/**
 * Runs a durable consumer: consume() in a loop that restarts on errors, bounded concurrency,
 * handlers inside the producer's trace context, explicit ack. Poison messages (no contract,
 * not JSON, schema failure) and PermanentErrors go to `dlq.<consumer>` and are terminated;
 * other errors are nak'ed with the backoff delay until the last allowed delivery, whose
 * failure is dead-lettered with the last error. Nothing is dropped silently. A message outside
 * the consumer's real filters (delivered through the covering filter on servers before 2.10) is
 * acked and skipped in the pull loop, without taking a handler slot.
 */
export async function startConsumer(options: StartConsumerOptions): Promise<ConsumerRunner> {
  const runner = new Runner(options);
  await runner.start();
  return runner;
}

class Runner implements ConsumerRunner {
  private readonly def: ConsumerDefinition;
  private readonly logger: MessagingLogger;
  private readonly slots: Semaphore;
  private readonly inflight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private readonly contractFor: (subject: string) => SchemaContract | null;
  private readonly acks: AckBatch;
  private stopping = false;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private watcher?: MaxDeliveriesWatcher;
  private ackWaitMs = 30_000;
  private wakeRestart?: () => void;

  constructor(private readonly options: StartConsumerOptions) {
    this.def = options.client.namer.consumerDefinition(options.consumer);
    this.logger = options.logger ?? silentLogger;
    this.slots = new Semaphore(options.concurrency ?? 4);
    this.contractFor = options.contractFor ?? eventContractForSubject;
    this.acks = new AckBatch(options.ackDelayMs ?? DEFAULT_ACK_DELAY_MS, (err) =>
      this.logger.warn({ err, consumer: this.def.durable }, 'ack not sent; the message will be redelivered'),
    );
  }

  get consumer(): string {
    return this.def.durable;
  }

  async start(): Promise<void> {
    const { client } = this.options;
    if (this.options.declare ?? true) await ensureConsumer(client.jsm, this.def, client.features);
    const info = await client.jsm.consumers.info(this.def.stream, this.def.durable);
    this.ackWaitMs = info.config.ack_wait ? millis(info.config.ack_wait) : this.def.backoffMs[0];
    // an ack held back must reach the server well before the ack wait would redeliver its message
    this.acks.delayMs = Math.min(this.acks.delayMs, Math.floor(this.ackWaitMs / 4));
    this.watcher = watchMaxDeliveries(client, this.def, {
      logger: this.logger,
      onDeadLettered: (subject) => this.options.metrics?.consumerDeadLettered?.(this.labels(subject), 'max_deliver'),
    });
    this.loop = this.run();
    this.logger.info({ consumer: this.def.durable, stream: this.def.stream }, 'consumer started');
  }

  async stop(): Promise<void> {
    if (this.stopping) return this.loop;
    this.stopping = true;
    this.wakeRestart?.();
    await this.messages?.close().catch(() => undefined);
    const timeoutMs = this.options.stopTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([Promise.allSettled([...this.inflight]).then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn({ consumer: this.def.durable, inflight: this.inflight.size }, 'consumer stop timed out; aborting handlers');
      for (const c of this.controllers) c.abort(new MessagingError('HANDLER_TIMEOUT', 'consumer stopping'));
    }
    this.acks.flush();
    await this.watcher?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { client } = this.options;
    while (!this.stopping && !client.nc.isClosed()) {
      try {
        const consumer = await client.js.consumers.get(this.def.stream, this.def.durable);
        // Pull again when a quarter of the last pull is still to come (nats.js' default: at three
        // quarters, so a consumer of 4 slots sends a pull request for every message it receives).
        this.messages = await consumer.consume({
          max_messages: this.slots.capacity,
          threshold_messages: Math.max(1, Math.floor(this.slots.capacity / 4)),
        });
        if (this.stopping) await this.messages.close();
        for await (const m of this.messages) {
          if (!matchesAny(this.def.filterSubjects, m.subject)) {
            this.skip(m);
            continue;
          }
          const release = this.stopping ? undefined : await this.slots.acquire();
          if (!release || this.stopping) {
            release?.();
            m.nak(); // hand it to another instance now instead of after the ack wait
            continue;
          }
          const task = this.process(m).finally(release);
          this.inflight.add(task);
          void task.finally(() => this.inflight.delete(task));
        }
      } catch (err) {
        if (this.stopping || client.nc.isClosed()) break;
        this.logger.warn({ err, consumer: this.def.durable }, 'consume failed; restarting');
      }
      if (!this.stopping && !client.nc.isClosed()) await this.pause(this.options.restartDelayMs ?? 1000);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeRestart = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** A message outside the real filters (covering filter, servers before 2.10): acked, no handler. */
  private skip(m: JsMsg): void {
    this.acks.add(m);
    this.options.metrics?.consumerSkipped?.(this.labels(this.logicalSubject(m.subject)));
  }

  private labels(subject: string, contract?: SchemaContract | null): ConsumerMetricLabels {
    return { consumer: this.def.durable, event: contract?.id ?? this.contractFor(subject)?.id ?? 'unknown' };
  }

  /** Never rejects: an ack/nak on a closed connection must not become an unhandled rejection. */
  private async process(m: JsMsg): Promise<void> {
    try {
      await this.handleMessage(m);
    } catch (err) {
      this.logger.error({ err, consumer: this.def.durable, seq: m.seq }, 'message settlement failed; it will be redelivered');
    }
  }

  private async handleMessage(m: JsMsg): Promise<void> {
    const started = Date.now();
    const subject = this.logicalSubject(m.subject);
    const controller = new AbortController();
    this.controllers.add(controller);
    // in-progress acks keep a long handler from being redelivered while it still runs
    const heartbeat = setInterval(
      () => {
        try {
          m.working();
        } catch {
          clearInterval(heartbeat); // connection closed: the server will redeliver
        }
      },
      Math.max(50, Math.floor(this.ackWaitMs / 2)),
    );
    const maxMs = this.options.maxProcessingMs ?? 300_000;
    const deadline = setTimeout(() => controller.abort(new MessagingError('HANDLER_TIMEOUT', `handler exceeded ${maxMs} ms`)), maxMs);
    let contract: SchemaContract | null = null;
    try {
      contract = this.contractFor(subject);
      if (!contract) {
        return await this.deadLetter(m, subject, { kind: 'unknown_subject', message: `no contract handles ${subject}`, errorCode: null });
      }
      const decoded = decodeJson(m.data);
      if (!decoded.ok) {
        return await this.deadLetter(m, subject, { kind: 'schema', message: decoded.reason, errorCode: 'VALIDATION' }, contract);
      }
      const parsed = parseContract(contract, decoded.value);
      if (!parsed.ok) {
        const reason: DeadLetterReason = {
          kind: 'schema',
          message: parsed.error.message,
          errorCode: 'VALIDATION',
          issues: parsed.error.issues,
        };
        return await this.deadLetter(m, subject, reason, contract);
      }
      await invokeHandler(this.options.handler, parsed.value, m.headers, this.def.durable, {
        subject,
        msgId: m.headers?.get('Nats-Msg-Id') || null,
        tenantId: parseEventSubject(subject)?.tenantId ?? null,
        deliveryCount: m.info.deliveryCount,
        streamSequence: m.seq,
        contract,
        signal: controller.signal,
      });
      this.acks.add(m);
      this.options.metrics?.consumerProcessed?.(this.labels(subject, contract), Date.now() - started);
    } catch (err) {
      await this.fail(m, subject, err, contract);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(deadline);
      this.controllers.delete(controller);
    }
  }

  private logicalSubject(subject: string): string {
    try {
      return this.options.client.namer.strip(subject);
    } catch {
      return subject;
    }
  }

  private async fail(m: JsMsg, subject: string, err: unknown, contract: SchemaContract | null): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const code = typeof (err as { code?: unknown })?.code === 'string' ? String((err as { code: string }).code) : null;
    const deliveries = m.info.deliveryCount;
    if (err instanceof PermanentError) {
      return this.deadLetter(m, subject, { kind: 'permanent', message, errorCode: err.code }, contract);
    }
    if (deliveries >= this.def.maxDeliver) {
      const reason = `delivery ${deliveries} of ${this.def.maxDeliver} failed: ${message}`;
      return this.deadLetter(m, subject, { kind: 'max_deliver', message: reason, errorCode: code }, contract);
    }
    const delay = backoffDelayMs(this.def.backoffMs, deliveries);
    m.nak(delay);
    this.options.metrics?.consumerFailed?.(this.labels(subject, contract), delay);
    this.logger.warn({ consumer: this.def.durable, seq: m.seq, deliveries, code, err, retryInMs: delay }, 'handler failed; will retry');
  }

  private async deadLetter(m: JsMsg, subject: string, reason: DeadLetterReason, contract?: SchemaContract | null): Promise<void> {
    try {
      await publishDeadLetter(
        this.options.client,
        {
          consumer: this.def.durable,
          deadLetterSubject: this.def.deadLetterSubject,
          stream: this.def.stream,
          streamSequence: m.seq,
          subject,
          deliveryCount: m.info.deliveryCount,
          headers: m.headers,
          data: m.data,
        },
        reason,
      );
    } catch (err) {
      // keep the message: it comes back after the backoff and we try again
      const delay = backoffDelayMs(this.def.backoffMs, m.info.deliveryCount);
      m.nak(delay);
      this.logger.error({ consumer: this.def.durable, seq: m.seq, err }, 'dead letter not stored; message kept for redelivery');
      return;
    }
    m.term(`${reason.kind}: ${reason.message}`.slice(0, 200));
    this.options.metrics?.consumerDeadLettered?.(this.labels(subject, contract), reason.kind);
    this.logger.warn({ consumer: this.def.durable, seq: m.seq, reason: reason.kind, code: reason.errorCode }, 'message dead-lettered');
  }
}

/**
 * Acks gathered for a short while and sent together: nats.js writes every command issued in the
 * same tick in one socket write, so N acks cost one write instead of N. flush() sends at once.
 */
class AckBatch {
  private pending: JsMsg[] = [];
  private timer?: NodeJS.Timeout | NodeJS.Immediate;

  constructor(
    public delayMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  add(m: JsMsg): void {
    this.pending.push(m);
    if (this.timer) return;
    this.timer = this.delayMs > 0 ? setTimeout(() => this.flush(), this.delayMs) : setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    const batch = this.pending;
    this.pending = [];
    for (const m of batch) {
      try {
        m.ack();
      } catch (err) {
        this.onError(err); // connection closed: the server redelivers after the ack wait
      }
    }
  }
}
