import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_LOGGER, type Logger } from '@parley/observability';
import { EVENT_NAMES } from '@parley/contracts';
import { TenantDb } from '@parley/persistence';
import { ActionOutcomeService } from '../actions/action-outcome.service';
import { ChannelRegistry } from '../channels/channel.registry';
import type { ChannelKind, DeliveryResult } from '../channels/channel.types';
import { SecretBox } from '@parley/auth';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { ChannelBreakers } from './channel-breakers.registry';
import { DeliveryWakeup } from './delivery-wakeup.signal';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryRepository, type ClaimedDelivery, type DeliveryToSend, type SendOutcome } from './delivery.repository';
import { TargetUnavailable, toOutbound, toTarget, type StaleSecret } from './outbound.mapper';
import { retryDelayMs } from './retry-backoff.util';

/**
 * Sends due deliveries: leases them (a killed notifier's leases run out and the rows come
 * back), sends each outside any transaction with a timeout, through the channel's circuit
 * breaker, then records the outcome: delivered, pending again with a jittered exponential
 * delay, or dead after NOTIFIER_MAX_ATTEMPTS (redrive brings it back). Polls every
 * NOTIFIER_POLL_MS and at once when intake stored something.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly inflight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private claiming = false;
  private again = false;
  /** The last claim filled every free slot: more may be due, so a finished send claims again at once. */
  private backlog = false;
  private stopping = false;

  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: DeliveryRepository,
    private readonly registry: ChannelRegistry,
    private readonly breakers: ChannelBreakers,
    private readonly secrets: SecretBox,
    private readonly metrics: DeliveryMetrics,
    private readonly wakeup: DeliveryWakeup,
    private readonly outcomes: ActionOutcomeService,
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.wakeup.onWake(() => void this.tick());
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    // Sends in flight finish (each is bounded by the HTTP timeout); unfinished leases expire.
    await Promise.allSettled([...this.inflight]);
    this.breakers.shutdown();
  }

  /** Sends one delivery this replica has leased (claimed, or created as 'sending' by a test send). */
  async deliver(claimed: ClaimedDelivery): Promise<void> {
    const delivery = await this.db.run(claimed.tenantId, (tx) => this.repo.load(tx, claimed.id));
    if (!delivery || delivery.status !== 'sending') return;
    const attempts = delivery.attempts + 1;
    const kind = delivery.channelKind;
    let target;
    const stale: StaleSecret[] = [];
    try {
      target = toTarget(delivery, this.secrets, new Date(), stale);
    } catch (error) {
      const reason = error instanceof TargetUnavailable ? error.message : `cannot open the channel's secret: ${(error as Error).message}`;
      await this.finish(delivery, attempts, { ok: false, retryable: false, error: reason }, 0);
      return;
    }
    await this.reseal(delivery.tenantId, stale);
    const notification = toOutbound(delivery, this.options.publicUrl);
    const started = performance.now();
    const send = (): Promise<DeliveryResult> =>
      this.registry.send(notification, target, AbortSignal.timeout(this.options.httpTimeoutMs + 1_000));
    const result = delivery.channelId
      ? await this.breakers.run(delivery.channelId, kind, send)
      : await send().catch((error: Error) => ({ ok: false as const, retryable: true, error: error.message }));
    const latencyMs = Math.round(performance.now() - started);
    if (result === 'open') {
      this.metrics.deliveries.inc({ channel: kind, outcome: 'deferred' });
      await this.db.run(delivery.tenantId, (tx) =>
        this.repo.defer(tx, delivery.id, delivery.lockedUntil, new Date(Date.now() + this.options.breaker.resetTimeoutMs)),
      );
      return;
    }
    this.metrics.sendSeconds.observe({ channel: kind }, latencyMs / 1000);
    await this.finish(delivery, attempts, result, latencyMs);
  }

  /**
   * Secrets sealed before they were bound to their channel, or under a key that is no longer
   * the active one, are sealed again when they are next used (ADR 0010). A failure here only
   * delays it to the next send.
   */
  private async reseal(tenantId: string, stale: readonly StaleSecret[]): Promise<void> {
    for (const secret of stale) {
      try {
        const sealed = this.secrets.seal(secret.plaintext, secret.channelId);
        const written = await this.db.run(tenantId, (tx) =>
          this.repo.resealSecret(tx, secret.channelId, secret.slot, secret.ciphertext, {
            ciphertext: new Uint8Array(sealed.ciphertext),
            keyId: sealed.keyId,
          }),
        );
        if (written)
          this.logger.info({ tenantId, channelId: secret.channelId, slot: secret.slot, keyId: sealed.keyId }, 'channel secret re-sealed');
      } catch (error) {
        this.logger.warn(
          { err: error, tenantId, channelId: secret.channelId },
          're-sealing a channel secret failed; will retry on the next send',
        );
      }
    }
  }

  private async finish(delivery: DeliveryToSend, attempts: number, result: DeliveryResult, latencyMs: number): Promise<void> {
    const kind: ChannelKind = delivery.channelKind;
    const outcome: SendOutcome = { latencyMs, statusCode: result.statusCode ?? null, error: result.ok ? null : result.error };
    const log = {
      tenantId: delivery.tenantId,
      deliveryId: delivery.id,
      notificationId: delivery.notification.id,
      channel: kind,
      attempts,
      statusCode: outcome.statusCode,
      latencyMs,
    };
    // An action's outcome is decided in the transaction that records the delivery (ADR 0010).
    const isAction = delivery.notification.source === EVENT_NAMES.actionRequested;
    if (result.ok) {
      const { recorded, decided } = await this.db.run(delivery.tenantId, async (tx) => {
        const marked = await this.repo.markDelivered(tx, delivery.id, delivery.lockedUntil, attempts, outcome);
        return { recorded: marked, decided: marked && isAction ? await this.outcomes.afterDelivered(tx, delivery.notification.id) : null };
      });
      this.outcomes.publish(decided);
      if (recorded) {
        this.metrics.deliveries.inc({ channel: kind, outcome: 'delivered' });
        this.metrics.lagSeconds.observe({ channel: kind }, Math.max(0, Date.now() - delivery.notification.occurredAt.getTime()) / 1000);
        this.logger.info(log, 'notification delivered');
      }
      return;
    }
    if (result.retryable && attempts < this.options.maxAttempts) {
      const delay = retryDelayMs(attempts, this.options.retryBaseMs, this.options.retryMaxMs, result.retryAfterMs);
      await this.db.run(delivery.tenantId, (tx) =>
        this.repo.markRetry(tx, delivery.id, delivery.lockedUntil, attempts, new Date(Date.now() + delay), outcome),
      );
      this.metrics.deliveries.inc({ channel: kind, outcome: 'retry' });
      this.logger.warn({ ...log, err: { message: result.error }, retryInMs: delay }, 'notification delivery failed; will retry');
      return;
    }
    const decided = await this.db.run(delivery.tenantId, async (tx) => {
      const marked = await this.repo.markDead(tx, delivery.id, delivery.lockedUntil, attempts, outcome);
      return marked && isAction ? this.outcomes.afterDead(tx, delivery.notification.id) : null;
    });
    this.outcomes.publish(decided);
    this.metrics.deliveries.inc({ channel: kind, outcome: 'dead' });
    this.logger.error({ ...log, err: { message: result.error } }, 'notification delivery dead');
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => void this.tick().finally(() => this.schedule()), this.options.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopping) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    try {
      do {
        this.again = false;
        const free = this.options.dispatchConcurrency - this.inflight.size;
        if (free <= 0) break;
        const claimed = await this.repo.claim(free, this.options.leaseMs);
        for (const row of claimed) this.track(row);
        this.backlog = claimed.length === free;
        if (this.backlog) this.again = true;
      } while (this.again && !this.stopping);
    } catch (error) {
      this.logger.error({ err: error }, 'claiming deliveries failed');
    } finally {
      this.claiming = false;
    }
  }

  private track(row: ClaimedDelivery): void {
    const work = this.deliver(row)
      .catch((error: unknown) =>
        this.logger.error(
          { err: error, deliveryId: row.id, tenantId: row.tenantId },
          'delivery crashed; its lease will expire and it will be retried',
        ),
      )
      .finally(() => {
        this.inflight.delete(work);
        // A slot is free: look for more work at once if there was a backlog.
        if (!this.stopping && this.backlog) void this.tick();
      });
    this.inflight.add(work);
  }
}
