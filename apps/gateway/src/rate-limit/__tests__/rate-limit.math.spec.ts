import { rateLimitHeaders, verdictFor, windowOf } from '../rate-limit.math';

describe('rate limit math', () => {
  it('puts a moment in its minute window with the time left', () => {
    expect(windowOf(120_000)).toEqual({ index: 2, msLeft: 60_000 });
    expect(windowOf(179_999)).toEqual({ index: 2, msLeft: 1 });
  });

  it('allows up to the limit and reports what is left', () => {
    expect(verdictFor(1, 3, 30_000)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 30 });
    expect(verdictFor(3, 3, 30_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(verdictFor(4, 3, 30_000)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('rounds the reset up to whole seconds, at least 1', () => {
    expect(verdictFor(1, 3, 1).resetSeconds).toBe(1);
    expect(verdictFor(1, 3, 1001).resetSeconds).toBe(2);
    expect(verdictFor(1, 3, 0).resetSeconds).toBe(1);
  });

  it('sends RateLimit headers always and Retry-After only when refused', () => {
    expect(rateLimitHeaders(verdictFor(1, 60, 12_000))).toEqual({
      'ratelimit-limit': '60',
      'ratelimit-remaining': '59',
      'ratelimit-reset': '12',
    });
    expect(rateLimitHeaders(verdictFor(61, 60, 12_000))).toEqual({
      'ratelimit-limit': '60',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '12',
      'retry-after': '12',
    });
  });
});
