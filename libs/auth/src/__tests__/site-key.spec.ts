import { generateSiteKey, isWellFormedSiteKey } from '../api-keys/site-key';

describe('site keys', () => {
  it('are pk_live_ and 32 base62 characters, different every time', () => {
    const keys = new Set(Array.from({ length: 50 }, generateSiteKey));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key).toMatch(/^pk_live_[0-9A-Za-z]{32}$/);
      expect(isWellFormedSiteKey(key)).toBe(true);
    }
  });

  it.each([['sk_live_' + 'a'.repeat(32)], ['pk_live_' + 'a'.repeat(31)], ['pk_live_' + 'a'.repeat(31) + '-'], [''], ['pk_live_']])(
    'refuses %s',
    (candidate) => {
      expect(isWellFormedSiteKey(candidate)).toBe(false);
    },
  );
});
