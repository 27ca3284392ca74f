import type { Logger } from '@parley/observability';
import { PeriodicJob } from '../periodic-job.base';

class TestJob extends PeriodicJob {
  runs = 0;
  release?: () => void;
  failNext = false;

  constructor(logger: Logger) {
    super(logger, 1_000, 'test job failed');
  }

  runOnce(): Promise<void> {
    this.runs += 1;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('boom'));
    }
    return new Promise((resolve) => (this.release = resolve));
  }
}

/** A pass over units of work, each waiting for the test to release it. */
class UnitsJob extends PeriodicJob {
  done = 0;
  releases: Array<() => void> = [];

  constructor(
    logger: Logger,
    private readonly units: number,
  ) {
    super(logger, 1_000, 'units job failed');
  }

  async runOnce(): Promise<void> {
    for (let i = 0; i < this.units; i++) {
      if (this.stopRequested) return;
      await new Promise<void>((resolve) => this.releases.push(resolve));
      this.done += 1;
    }
  }
}

describe('PeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start-up, skips ticks while a run is in progress, and shutdown waits for that run', async () => {
    const logger = { error: jest.fn() } as unknown as Logger;
    const job = new TestJob(logger);
    job.onApplicationBootstrap();
    expect(job.runs).toBe(1);
    jest.advanceTimersByTime(3_000);
    expect(job.runs).toBe(1);

    let stopped = false;
    const stopping = job.beforeApplicationShutdown().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    job.release!();
    await stopping;
    jest.advanceTimersByTime(3_000);
    expect(job.runs).toBe(1);
  });

  it('logs a failed run and tries again on the next tick', async () => {
    const logger = { error: jest.fn() } as unknown as Logger;
    const job = new TestJob(logger);
    job.failNext = true;
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(logger.error).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'boom' }) }, 'test job failed');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(job.runs).toBe(2);
    job.release!();
    await job.beforeApplicationShutdown();
  });

  it('tells a run in progress that shutdown began, so it stops after the unit in hand, and starts no run after', async () => {
    const logger = { error: jest.fn() } as unknown as Logger;
    const job = new UnitsJob(logger, 1_000);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    job.releases.shift()!();
    await jest.advanceTimersByTimeAsync(0);
    expect(job.done).toBe(1);

    const stopping = job.beforeApplicationShutdown();
    job.releases.shift()!();
    await stopping;
    expect(job.done).toBe(2);
    expect(job.releases).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(job.done).toBe(2);
    expect(job.releases).toHaveLength(0);
  });
});
