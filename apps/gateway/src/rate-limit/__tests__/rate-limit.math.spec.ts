import { rateLimitHeaders, rateLimitPolicy, tightest, verdictFrom, type CheckedLimit } from '../rate-limit.math';

const allowed = (limit: number, consumed: number, ms: number) => verdictFrom(true, limit, consumed, ms);
const refused = (limit: number, ms: number) => verdictFrom(false, limit, limit + 1, ms);

describe('rate limit math', () => {
  it('reports what is left after an allowed request and the time until the bucket is full', () => {
    expect(allowed(3, 1, 20_000)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 20 });
    expect(allowed(3, 3, 60_000)).toEqual({ allowed: true, limit: 3, remaining: 0, resetSeconds: 60 });
  });

  it('reports nothing left and the wait until the next request fits when refused', () => {
    expect(refused(2, 29_001)).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 30 });
  });

  it('rounds the reset up to whole seconds, at least 1', () => {
    expect(allowed(3, 0, 0).resetSeconds).toBe(1);
    expect(allowed(3, 1, 1).resetSeconds).toBe(1);
    expect(allowed(3, 1, 1001).resetSeconds).toBe(2);
    expect(refused(3, 0).resetSeconds).toBe(1);
  });

  it('shows the refusal with the longest wait, else the limit with the fewest requests left', () => {
    const key: CheckedLimit = { kind: 'api_key', verdict: allowed(60, 58, 58_000) };
    const tenant: CheckedLimit = { kind: 'tenant', verdict: allowed(3000, 100, 2000) };
    const ip: CheckedLimit = { kind: 'ip', verdict: allowed(1200, 1199, 60_000) };
    expect(tightest([tenant, key])).toBe(key);
    expect(tightest([tenant, key, ip])).toBe(ip);
    const shortWait: CheckedLimit = { kind: 'api_key', verdict: refused(60, 1000) };
    const longWait: CheckedLimit = { kind: 'tenant', verdict: refused(3000, 20_000) };
    expect(tightest([ip, shortWait, longWait])).toBe(longWait);
    expect(tightest([])).toBeUndefined();
  });

  it('breaks ties on remaining by the smaller limit, then the longer reset', () => {
    const small: CheckedLimit = { kind: 'session', verdict: allowed(10, 5, 30_000) };
    const large: CheckedLimit = { kind: 'tenant', verdict: allowed(100, 95, 3_000) };
    expect(tightest([large, small])).toBe(small);
    const later: CheckedLimit = { kind: 'user', verdict: allowed(10, 5, 50_000) };
    expect(tightest([small, later])).toBe(later);
  });

  it('names every applied limit in RateLimit-Policy', () => {
    expect(
      rateLimitPolicy([
        { kind: 'api_key', verdict: allowed(60, 1, 1000) },
        { kind: 'tenant', verdict: allowed(3000, 1, 20) },
      ]),
    ).toBe('60;w=60;name="api_key", 3000;w=60;name="tenant"');
  });

  it('sends RateLimit headers always and Retry-After only when refused', () => {
    expect(rateLimitHeaders(allowed(60, 1, 12_000))).toEqual({
      'ratelimit-limit': '60',
      'ratelimit-remaining': '59',
      'ratelimit-reset': '12',
    });
    const checked: CheckedLimit[] = [{ kind: 'ip', verdict: refused(60, 12_000) }];
    expect(rateLimitHeaders(checked[0]!.verdict, checked)).toEqual({
      'ratelimit-limit': '60',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '12',
      'ratelimit-policy': '60;w=60;name="ip"',
      'retry-after': '12',
    });
  });
});
