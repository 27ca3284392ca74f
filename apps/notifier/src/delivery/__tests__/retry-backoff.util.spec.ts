import { retryDelayMs } from '../retry-backoff.util';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the exponential delay', () => {
    expect(retryDelayMs(1, 1000, 60_000, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, undefined, () => 0)).toBe(2000);
    expect(retryDelayMs(3, 1000, 60_000, undefined, () => 1)).toBe(4000);
  });

  it('is capped, and honours a Retry-After up to the cap', () => {
    expect(retryDelayMs(30, 1000, 60_000, undefined, () => 1)).toBe(60_000);
    expect(retryDelayMs(1, 1000, 60_000, 20_000, () => 0)).toBe(20_000);
    expect(retryDelayMs(1, 1000, 60_000, 10 * 60_000, () => 0)).toBe(60_000);
  });

  it('spreads retries of the same attempt', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(4, 1000, 60_000)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4000);
  });
});
