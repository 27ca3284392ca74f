import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@parley/observability';

/**
 * A job run once at start-up and then every interval, never overlapping itself (a tick while
 * the previous run is still going is skipped). Shutdown stops the timer, sets `stopRequested`
 * and waits for the run in progress; runOnce() checks `stopRequested` between its units of work
 * (a tenant, a batch) and returns early, so a pass over every tenant does not hold the process
 * past its shutdown timeout (the jobs are idempotent: the next run does what was left).
 * Subclasses (the `@Injectable()` schedulers) implement runOnce(); a failed run is logged and
 * the next tick retries.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;

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
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** True once shutdown began: stop between units of work. */
  protected get stopRequested(): boolean {
    return this.stopping;
  }

  private tick(): void {
    if (this.running || this.stopping) return;
    this.running = this.runOnce()
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err }, this.failureMessage),
      )
      .finally(() => (this.running = undefined));
  }
}
