import CircuitBreaker from 'opossum';
import { IntegrationCallError } from '../connector.types';
import { CallCancelledError } from './call-cancelled.error';

export interface BreakerSettings {
  /** Calls in the rolling window before the breaker may open (default 5). */
  volumeThreshold: number;
  /** Percentage of failed calls that opens it (default 50). */
  errorThresholdPercentage: number;
  /** How long it stays open before one trial call may pass (half-open), in ms (default 30 s). */
  resetTimeoutMs: number;
}

export const DEFAULT_BREAKER: BreakerSettings = { volumeThreshold: 5, errorThresholdPercentage: 50, resetTimeoutMs: 30_000 };

/** Failures that say the system is unwell; the others (bad arguments, refused targets, 429s) do not open a breaker. */
const COUNTED = new Set(['unavailable', 'timeout', 'upstream_error']);

export class BreakerOpenError extends Error {
  constructor() {
    super('the circuit is open');
    this.name = 'BreakerOpenError';
  }
}

type Work = () => Promise<unknown>;

/**
 * One circuit breaker per integration (opossum), in this replica: when an integration keeps
 * failing (timeouts, connection errors, 5xx), its calls fail at once with circuit_open instead
 * of making every visitor wait for the timeout; after `resetTimeoutMs` one trial call passes,
 * and its success closes the breaker again.
 */
export class IntegrationBreakers {
  private readonly breakers = new Map<string, CircuitBreaker<[Work], unknown>>();

  constructor(
    private readonly settings: BreakerSettings = DEFAULT_BREAKER,
    private readonly onChange: (integrationId: string, state: 'open' | 'half_open' | 'closed') => void = () => undefined,
  ) {}

  async run<T>(integrationId: string, work: () => Promise<T>): Promise<T> {
    try {
      return (await this.breakerFor(integrationId).fire(work)) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'EOPENBREAKER') throw new BreakerOpenError();
      throw error;
    }
  }

  state(integrationId: string): 'closed' | 'open' | 'half_open' {
    const breaker = this.breakers.get(integrationId);
    if (!breaker) return 'closed';
    if (breaker.opened) return 'open';
    return breaker.halfOpen ? 'half_open' : 'closed';
  }

  /** Drops an integration's breaker (it was edited or deleted: start afresh). */
  forget(integrationId: string): void {
    this.breakers.get(integrationId)?.shutdown();
    this.breakers.delete(integrationId);
  }

  shutdown(): void {
    for (const id of [...this.breakers.keys()]) this.forget(id);
  }

  private breakerFor(integrationId: string): CircuitBreaker<[Work], unknown> {
    let breaker = this.breakers.get(integrationId);
    if (!breaker) {
      breaker = new CircuitBreaker<[Work], unknown>((work: Work) => work(), {
        timeout: false,
        volumeThreshold: this.settings.volumeThreshold,
        errorThresholdPercentage: this.settings.errorThresholdPercentage,
        resetTimeout: this.settings.resetTimeoutMs,
        rollingCountTimeout: 60_000,
        rollingCountBuckets: 6,
        // true = not a failure of the system (the call still rejects).
        errorFilter: (error: unknown) =>
          error instanceof CallCancelledError || (error instanceof IntegrationCallError && !COUNTED.has(error.failure)),
      });
      breaker.on('open', () => this.onChange(integrationId, 'open'));
      breaker.on('halfOpen', () => this.onChange(integrationId, 'half_open'));
      breaker.on('close', () => this.onChange(integrationId, 'closed'));
      this.breakers.set(integrationId, breaker);
    }
    return breaker;
  }
}
