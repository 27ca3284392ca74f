import { WooCurrencyCache } from '../woocommerce-currency.cache';

describe('WooCurrencyCache', () => {
  it('keeps a currency (or its absence) for an hour', () => {
    let now = 0;
    const cache = new WooCurrencyCache(() => now);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'USD');
    cache.set('b', null);
    now = 60 * 60 * 1000 - 1;
    expect(cache.get('a')).toBe('USD');
    expect(cache.get('b')).toBeNull();
    now += 1;
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets the oldest entry beyond 1000', () => {
    const cache = new WooCurrencyCache(() => 0);
    for (let i = 0; i <= 1000; i += 1) cache.set(`k${i}`, 'EUR');
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k1')).toBe('EUR');
    expect(cache.get('k1000')).toBe('EUR');
  });
});
