import { Inject, Injectable } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import type { DeliveryResult } from '../channels/channel.types';
import { NOTIFIER_OPTIONS, type NotifierOptions } from '../common/notifier.options';
import { DeliveryMetrics } from './delivery.metrics';

class RetryableFailure extends Error {
  constructor(readonly result: DeliveryResult) {
    super(result.ok ? 'ok' : result.error);
  }
}

type Send = () => Promise<DeliveryResult>;

/**
 * One circuit breaker per channel (opossum): when a channel keeps failing (timeouts, 5xx,
 * connection errors) its deliveries stop being sent and wait until the breaker half-opens and
 * a trial send succeeds. Refusals that retrying cannot fix (a 4xx, a forbidden address) do not
 * count. The breaker state lives in this replica.
 */
@Injectable()
export class ChannelBreakers {
  private readonly breakers = new Map<string, { breaker: CircuitBreaker<[Send], DeliveryResult>; kind: string }>();
  private readonly openByKind = new Map<string, Set<string>>();

  constructor(
    @Inject(NOTIFIER_OPTIONS) private readonly options: NotifierOptions,
    private readonly metrics: DeliveryMetrics,
  ) {}

  /** The send's result, or 'open' when the channel's breaker refuses to try now. */
  async run(channelId: string, kind: string, send: Send): Promise<DeliveryResult | 'open'> {
    const { breaker } = this.breakerFor(channelId, kind);
    try {
      return await breaker.fire(send);
    } catch (error) {
      if (error instanceof RetryableFailure) return error.result;
      if ((error as { code?: string }).code === 'EOPENBREAKER') return 'open';
      return { ok: false, retryable: true, error: (error as Error).message };
    }
  }

  state(channelId: string): 'closed' | 'open' | 'half_open' {
    const entry = this.breakers.get(channelId);
    if (!entry) return 'closed';
    if (entry.breaker.opened) return 'open';
    return entry.breaker.halfOpen ? 'half_open' : 'closed';
  }

  /** Drops a channel's breaker (the channel was changed or deleted: start afresh). */
  forget(channelId: string): void {
    const entry = this.breakers.get(channelId);
    if (!entry) return;
    entry.breaker.shutdown();
    this.breakers.delete(channelId);
    this.setOpen(channelId, entry.kind, false);
  }

  shutdown(): void {
    for (const id of [...this.breakers.keys()]) this.forget(id);
  }

  private breakerFor(channelId: string, kind: string) {
    let entry = this.breakers.get(channelId);
    if (!entry) {
      const breaker = new CircuitBreaker<[Send], DeliveryResult>(
        async (send: Send) => {
          const result = await send();
          if (!result.ok && result.retryable) throw new RetryableFailure(result);
          return result;
        },
        {
          timeout: false,
          errorThresholdPercentage: this.options.breaker.errorThresholdPercentage,
          volumeThreshold: this.options.breaker.volumeThreshold,
          resetTimeout: this.options.breaker.resetTimeoutMs,
          rollingCountTimeout: 60_000,
          rollingCountBuckets: 6,
        },
      );
      breaker.on('open', () => this.setOpen(channelId, kind, true));
      breaker.on('halfOpen', () => this.setOpen(channelId, kind, false));
      breaker.on('close', () => this.setOpen(channelId, kind, false));
      entry = { breaker, kind };
      this.breakers.set(channelId, entry);
    }
    return entry;
  }

  private setOpen(channelId: string, kind: string, open: boolean): void {
    const set = this.openByKind.get(kind) ?? new Set<string>();
    if (open) set.add(channelId);
    else set.delete(channelId);
    this.openByKind.set(kind, set);
    this.metrics.breakersOpen.set({ channel: kind }, set.size);
  }
}
