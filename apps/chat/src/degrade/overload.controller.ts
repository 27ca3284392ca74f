import { DEGRADE_SWITCH_FIELDS, NO_DEGRADE, type DegradeSwitches, type DegradeSwitchName, type OverloadSignal } from '@parley/contracts';
import type { DegradeConfig } from '../config/env.schema';

/** Milliseconds since the epoch; injected so tests drive time by hand. */
export type Clock = () => number;

/** The outcome of one turn's model generation, as the automatic controller counts it. */
export type ModelCallOutcome = 'ok' | 'failed';

interface SignalState {
  tripped: boolean;
  since: number | null;
  /** When the value first went below the leave threshold while tripped (the hold runs from here). */
  calmSince: number | null;
}

type ControllerConfig = Pick<
  DegradeConfig,
  | 'autoEnabled'
  | 'errorRateEnter'
  | 'errorRateLeave'
  | 'errorWindowMs'
  | 'errorMinCalls'
  | 'inFlightEnter'
  | 'inFlightLeave'
  | 'holdMs'
  | 'errorSwitches'
  | 'loadSwitches'
>;

const BUCKET_MS = 1000;

/**
 * Chat's automatic degrade mode (ADR 0022), per replica, from two overload signals:
 * - the provider error rate: the share of model generations in a sliding window (one-second
 *   buckets) that failed over or failed, judged only with at least `errorMinCalls` of them;
 * - the turns in flight on this replica (sampled on every evaluation).
 * Each signal has hysteresis: it trips at or above its enter threshold and releases only after
 * its value stayed at or below the lower leave threshold for `holdMs` (going above the leave
 * threshold again restarts the hold). While tripped, its configured switches are on. No timers
 * here: the caller evaluates on each turn and on an interval, with the time from `clock`.
 */
export class OverloadController {
  private readonly buckets = new Map<number, { ok: number; failed: number }>();
  private readonly errors: SignalState = { tripped: false, since: null, calmSince: null };
  private readonly load: SignalState = { tripped: false, since: null, calmSince: null };
  private lastInFlight = 0;

  constructor(
    private readonly config: ControllerConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts one model generation (a turn whose chain has a model); `failed` when any model attempt failed or the chain failed. */
  record(outcome: ModelCallOutcome): void {
    const bucket = Math.floor(this.clock() / BUCKET_MS);
    const counts = this.buckets.get(bucket) ?? { ok: 0, failed: 0 };
    counts[outcome] += 1;
    this.buckets.set(bucket, counts);
  }

  /** Re-judges both signals with `inFlight` turns in progress; returns the automatic switches now on. */
  evaluate(inFlight: number): DegradeSwitches {
    if (!this.config.autoEnabled) return { ...NO_DEGRADE };
    const now = this.clock();
    this.lastInFlight = inFlight;
    const rate = this.errorRate(now);
    // Too few calls to judge: never enters, and counts as calm (a recovered provider with little traffic still clears).
    step(this.errors, rate ?? 0, this.config.errorRateEnter, this.config.errorRateLeave, this.config.holdMs, now, rate !== null);
    step(this.load, inFlight, this.config.inFlightEnter, this.config.inFlightLeave, this.config.holdMs, now, true);
    return this.switches();
  }

  /** The automatic switches as of the last evaluation. */
  switches(): DegradeSwitches {
    const out = { ...NO_DEGRADE };
    const on = (names: readonly DegradeSwitchName[]) => {
      for (const name of names) out[DEGRADE_SWITCH_FIELDS[name]] = true;
    };
    if (this.errors.tripped) on(this.config.errorSwitches);
    if (this.load.tripped) on(this.config.loadSwitches);
    return out;
  }

  /** Both signals with their values and thresholds, for chat.degrade.status. */
  signals(): OverloadSignal[] {
    const now = this.clock();
    const rate = this.errorRate(now);
    return [
      {
        name: 'provider_error_rate',
        value: rate === null ? null : round(rate),
        enterAbove: this.config.errorRateEnter,
        leaveBelow: this.config.errorRateLeave,
        tripped: this.errors.tripped,
        since: iso(this.errors.since),
        switches: [...this.config.errorSwitches],
      },
      {
        name: 'in_flight_turns',
        value: this.lastInFlight,
        enterAbove: this.config.inFlightEnter,
        leaveBelow: this.config.inFlightLeave,
        tripped: this.load.tripped,
        since: iso(this.load.since),
        switches: [...this.config.loadSwitches],
      },
    ];
  }

  /** Failed share of the window's model calls, or null with fewer than errorMinCalls of them. */
  private errorRate(now: number): number | null {
    const oldest = Math.floor((now - this.config.errorWindowMs) / BUCKET_MS);
    let ok = 0;
    let failed = 0;
    for (const [bucket, counts] of this.buckets) {
      if (bucket <= oldest) {
        this.buckets.delete(bucket);
        continue;
      }
      ok += counts.ok;
      failed += counts.failed;
    }
    const total = ok + failed;
    return total < this.config.errorMinCalls ? null : failed / total;
  }
}

/** One hysteresis step: trip at >= enter (when judged); release after value <= leave for holdMs. */
function step(state: SignalState, value: number, enter: number, leave: number, holdMs: number, now: number, judged: boolean): void {
  if (!state.tripped) {
    if (judged && value >= enter) {
      state.tripped = true;
      state.since = now;
      state.calmSince = null;
    }
    return;
  }
  if (value > leave) {
    state.calmSince = null;
    return;
  }
  state.calmSince ??= now;
  if (now - state.calmSince >= holdMs) {
    state.tripped = false;
    state.since = null;
    state.calmSince = null;
  }
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
