import { currentPeriod } from '@parley/contracts/calendar';
import { quotaExceeded } from '../quota.guard';
import type { QuotaCheck } from '../quota.service';

describe('the 429 of a hard cap', () => {
  it('is problem quota-exceeded with Retry-After and RateLimit-* to the reset in the tenant time zone', () => {
    const now = new Date('2027-04-01T03:59:59Z'); // 23:59:59 EDT on 31 March
    const period = currentPeriod(now, 'America/New_York');
    const check: QuotaCheck = {
      decision: { kind: 'blocked', dimension: 'messages', limit: 1000, used: 1000 },
      plan: null,
      period,
      timezone: 'America/New_York',
      usage: { messages: 1000, tokens: 0 },
      resetSeconds: 1,
    };
    const problem = quotaExceeded(check);
    expect(problem.getStatus()).toBe(429);
    expect(problem.toProblem('req-1')).toMatchObject({
      type: 'urn:parley:problem:quota-exceeded',
      code: 'QUOTA_EXCEEDED',
      status: 429,
      detail:
        'The 1000 messages included in the plan for 2027-03 are used up; the quota resets at 2027-04-01T04:00:00.000Z (midnight, America/New_York).',
    });
    expect(problem.headers).toEqual({
      'retry-after': '1',
      'ratelimit-limit': '1000',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '1',
      'ratelimit-policy': `"quota-messages";q=1000;w=${31 * 86_400 - 3_600}`,
    });
  });
});
