import type { TurnMetrics, TurnStage } from './turn.metrics';

/**
 * Times the consecutive stages of one turn: each lap() ends the running stage and starts the
 * next one. performance.now() and one histogram observation per stage, nothing else.
 */
export class TurnStageClock {
  private last = performance.now();

  constructor(private readonly metrics: Pick<TurnMetrics, 'stage'>) {}

  /** Ends the running stage as `stage`; `nestedMs` (a stage inside it, observed on its own) is left out. */
  lap(stage: TurnStage, nestedMs = 0): void {
    const now = performance.now();
    this.metrics.stage(stage, Math.max(0, now - this.last - nestedMs) / 1000);
    this.last = now;
  }

  /** Observes `stage` as `ms` without touching the running stage (a stage timed by its own clock). */
  record(stage: TurnStage, ms: number): void {
    this.metrics.stage(stage, ms / 1000);
  }
}
