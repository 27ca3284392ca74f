import { findPhones } from '../phone.detector';

const found = (text: string): string[] => findPhones(text).map((m) => text.slice(m.start, m.end));

describe('findPhones', () => {
  it.each([
    ['call me on 07700 900123 please', '07700 900123'],
    ['mobile: 07700900123.', '07700900123'],
    ['ring +44 7700 900123 today', '+44 7700 900123'],
    ['+44 (0)113 496 0000', '+44 (0)113 496 0000'],
    ['office (0113) 496 0000, ask for Sam', '(0113) 496 0000'],
    ['London 020 7946 0000', '020 7946 0000'],
    ['landline 0113-496-0000', '0113-496-0000'],
    ['dotted 07700.900.123', '07700.900.123'],
    ['US +1 415 555 2671 works', '+1 415 555 2671'],
    ['France +33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['dialled 0044 7700 900123', '0044 7700 900123'],
    ['freephone 0800 123 4567', '0800 123 4567'],
    ['call 07700 900123 2 times', '07700 900123'],
    ['(07700 900123)', '07700 900123'],
    // The shortest accepted number: +cc and 8 digits in all (the digit-count shortcut must keep it).
    ['Berlin +49 301234', '+49 301234'],
  ])('finds the number in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['Berlin +49 30123'],
    ['order #123456'],
    ['order 0123456789 has shipped'],
    ['ref: 01234567890'],
    ['it costs £1,250.00'],
    ['paid $1,234,567.89'],
    ['on 12/03/2025 at 10:30'],
    ['on 2025-03-12'],
    ['01.02.2025'],
    ['postcode LS1 4AB'],
    ['in 2024'],
    ['3 4 5 6 7 8'],
    ['123'],
    ['IP 192.168.0.1'],
    ['version 0.12.345'],
    ['+44 12'],
    ['07700 900123456789'],
    ['A07700900123'],
    ['07700900123abc'],
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('gives the same key to one number written in several ways', () => {
    const keys = ['07700 900123', '+44 7700 900123', '+447700900123', '0044 7700 900123'].map((t) => findPhones(t)[0]?.key);
    expect(new Set(keys)).toEqual(new Set(['07700900123']));
  });
});
