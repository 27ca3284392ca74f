import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QuotaService } from './quota.service';

/** How often the counters of recently active tenants are floored at usage_daily's sum. */
export const QUOTA_RECONCILE_INTERVAL_MS = 5 * 60_000;

/**
 * Periodically raises the live counters of the tenants this gateway served since the last run to
 * usage_daily's period sum (never lowering them): turns another path counted in the database
 * (a reply the gateway gave up waiting for, a lost Redis key) reach the counters within one run
 * after the retention job folded them.
 */
@Injectable()
export class QuotaReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(@Inject(QuotaService) private readonly quota: QuotaService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.quota.reconcileActive().finally(() => (this.running = undefined));
    }, QUOTA_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
