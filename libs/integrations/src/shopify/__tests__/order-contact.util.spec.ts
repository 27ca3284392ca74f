import { contactMatches, emailsMatch, phonesMatch, sameOrderNumber } from '../order-contact.util';

describe('order contact matching', () => {
  it.each([
    ['+1 415-555-0101', '+14155550101'],
    ['(415) 555-0101', '+1 415 555 0101'],
    ['07700 900123', '+44 7700 900123'],
    ['0044 7700 900123', '+44 7700 900123'],
    ['030 1234 5678', '+49 30 1234 5678'],
  ])('%s matches %s', (given, stored) => {
    expect(phonesMatch(given, stored)).toBe(true);
  });

  it.each([
    ['+1 415-555-0102', '+14155550101', 'another number'],
    ['555-0101', '+14155550101', 'fewer than 8 digits'],
    ['5550101', '5550101', 'both shorter than 8 digits'],
    ['', '+14155550101', 'empty'],
  ])('%s does not match %s (%s)', (given, stored) => {
    expect(phonesMatch(given, stored)).toBe(false);
  });

  it('compares emails case-insensitively and never matches an empty one', () => {
    expect(emailsMatch(' Alice@Example.com', 'alice@example.COM')).toBe(true);
    expect(emailsMatch('alice@example.com', 'alice@example.org')).toBe(false);
    expect(emailsMatch('', '')).toBe(false);
  });

  it('needs the email or the phone of the order', () => {
    const order = { emails: ['alice@example.com'], phones: [null, '+14155550101'] };
    expect(contactMatches({ email: 'ALICE@example.com' }, order)).toBe(true);
    expect(contactMatches({ phone: '415 555 0101' }, order)).toBe(true);
    expect(contactMatches({ email: 'mallory@example.com', phone: '415 555 0101' }, order)).toBe(true);
    expect(contactMatches({ email: 'mallory@example.com' }, order)).toBe(false);
    expect(contactMatches({}, order)).toBe(false);
    expect(contactMatches({ email: 'alice@example.com' }, { emails: [null], phones: [] })).toBe(false);
  });

  it('compares order numbers with or without #', () => {
    expect(sameOrderNumber('#1001', '1001')).toBe(true);
    expect(sameOrderNumber('ab-12', '#AB-12')).toBe(true);
    expect(sameOrderNumber('#1001', '#10011')).toBe(false);
  });
});
