import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@parley/observability';

/**
 * A job the notifier runs every `intervalMs()` once the application has bootstrapped: one run at
 * a time (a tick while the previous run is still going is skipped), a failed run logged and the
 * next tick tried again, and on shutdown the timer stopped and the run in progress awaited.
 * Each run must be safe on several replicas at once (the jobs claim their work in transactions).
 */
export abstract class IntervalJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected abstract intervalMs(): number;
  /** What the error log says failed, e.g. "digest run failed". */
  protected abstract failureMessage(): string;
  protected abstract jobLogger(): Logger;
  abstract runOnce(now?: Date): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.jobLogger().error({ err: error }, this.failureMessage()))
        .finally(() => (this.running = null));
    }, this.intervalMs());
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
