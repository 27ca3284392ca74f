import { decideQuota, thresholdsReached } from '../quota.policy';
import { quotaNoticeId } from '../quota-notices.publisher';

const hard = { capMode: 'hard' as const, includedMessages: 1000, includedTokens: 50_000 };
const soft = { ...hard, capMode: 'soft' as const };

describe('quota decisions', () => {
  it('lets turns through under every included amount and refuses on a hard cap once one is used up', () => {
    expect(decideQuota(hard, { messages: 999, tokens: 49_999 })).toEqual({ kind: 'within' });
    expect(decideQuota(hard, { messages: 1000, tokens: 0 })).toEqual({ kind: 'blocked', dimension: 'messages', limit: 1000, used: 1000 });
    expect(decideQuota(hard, { messages: 10, tokens: 50_001 })).toEqual({
      kind: 'blocked',
      dimension: 'tokens',
      limit: 50_000,
      used: 50_001,
    });
  });

  it('serves over a soft cap, flagged', () => {
    expect(decideQuota(soft, { messages: 1001, tokens: 0 })).toEqual({
      kind: 'soft_exceeded',
      dimension: 'messages',
      limit: 1000,
      used: 1001,
    });
  });

  it('never limits unlimited amounts', () => {
    expect(decideQuota({ capMode: 'hard', includedMessages: null, includedTokens: null }, { messages: 1e9, tokens: 1e12 })).toEqual({
      kind: 'within',
    });
  });

  it('reaches 80% and 100% in integer arithmetic, on whichever amount gets there first', () => {
    expect(thresholdsReached(hard, { messages: 799, tokens: 39_999 })).toEqual([]);
    expect(thresholdsReached(hard, { messages: 800, tokens: 0 })).toEqual([{ threshold: 80, dimension: 'messages' }]);
    expect(thresholdsReached(hard, { messages: 0, tokens: 50_000 })).toEqual([
      { threshold: 80, dimension: 'tokens' },
      { threshold: 100, dimension: 'tokens' },
    ]);
    // 80% of 5 is 4.
    expect(thresholdsReached({ ...soft, includedMessages: 5, includedTokens: null }, { messages: 4, tokens: 0 })).toEqual([
      { threshold: 80, dimension: 'messages' },
    ]);
  });
});

describe('quota notice ids', () => {
  it('are stable RFC 9562 uuids per tenant, period and threshold', () => {
    const tenant = '6f1c8f57-2f7e-4d55-9a55-6f0a0d7a1c11';
    const id = quotaNoticeId(tenant, '2027-03', 80);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(quotaNoticeId(tenant, '2027-03', 80)).toBe(id);
    expect(new Set([id, quotaNoticeId(tenant, '2027-03', 100), quotaNoticeId(tenant, '2027-04', 80)]).size).toBe(3);
  });
});
