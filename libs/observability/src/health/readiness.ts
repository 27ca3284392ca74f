import { runHealthChecks, type HealthCheck, type ReadinessReport } from './run-health-checks';

/**
 * The readiness of a process: its dependency checks, and whether it is shutting down. Once
 * shutdown starts, readiness is an error without running the checks (the pools are closing).
 */
export class Readiness {
  private shuttingDown = false;

  constructor(
    private readonly checks: readonly HealthCheck[],
    private readonly checkTimeoutMs: number,
    /** Sees every report whose checks ran (e.g. to set the parley_dependency_up gauge). */
    private readonly onReport?: (report: ReadinessReport) => void,
  ) {}

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async report(): Promise<ReadinessReport> {
    if (this.shuttingDown) return { status: 'error', checks: {}, shutting_down: true };
    const report = await runHealthChecks(this.checks, this.checkTimeoutMs);
    this.onReport?.(report);
    // A shutdown that began while the checks ran wins: the process is about to go away.
    return this.shuttingDown ? { ...report, status: 'error', shutting_down: true } : report;
  }
}
