import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@parley/observability';

/**
 * A job run once at start-up and then every interval, never overlapping itself (a tick while
 * the previous run is still going is skipped). Shutdown stops the timer and waits for the run
 * in progress. Subclasses (the `@Injectable()` schedulers) implement runOnce(); a failed run is
 * logged and the next tick retries.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected constructor(
    protected readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly failureMessage: string,
  ) {}

  abstract runOnce(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
    this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err }, this.failureMessage),
      )
      .finally(() => (this.running = undefined));
  }
}
