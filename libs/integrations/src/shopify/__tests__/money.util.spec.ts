import { currencyCode, currencyDigits, formatMoney } from '../money.util';

describe('formatMoney', () => {
  it.each([
    ['799.0', 'USD', '799.00'],
    ['799', 'USD', '799.00'],
    ['49.5', 'EUR', '49.50'],
    ['0.125', 'USD', '0.13'],
    ['0.124', 'USD', '0.12'],
    ['19.995', 'USD', '20.00'],
    ['1200.0', 'JPY', '1200'],
    ['1200.5', 'JPY', '1201'],
    ['1.2345', 'KWD', '1.235'],
    ['-5.5', 'USD', '-5.50'],
    ['-0.001', 'USD', '0.00'],
    [' 12.30 ', null, '12.30'],
    [12.3, 'USD', '12.30'],
  ])('%p %s -> %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it.each([[''], ['abc'], ['1e3'], ['1,000.00'], [null], [undefined], [Number.NaN]])('%p is no amount', (amount) => {
    expect(formatMoney(amount, 'USD')).toBeNull();
  });

  it('uses two digits for an unknown or malformed currency', () => {
    expect(currencyDigits('ZZZ')).toBe(2);
    expect(currencyDigits('dollars')).toBe(2);
    expect(currencyDigits(undefined)).toBe(2);
  });

  it('keeps only three-letter currency codes, upper case', () => {
    expect(currencyCode('usd')).toBe('USD');
    expect(currencyCode('US$')).toBeNull();
    expect(currencyCode(840)).toBeNull();
  });
});
