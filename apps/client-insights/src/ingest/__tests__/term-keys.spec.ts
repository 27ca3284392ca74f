import { redactPii } from '@parley/signals';
import { MAX_CLEAN_TERMS, normalizeTermKey, TermKeys } from '../term-key.util';

describe('TermKeys', () => {
  it('gives the key of the redacted, normalized term, remembered or not', () => {
    const keys = new TermKeys();
    const terms = [
      'Boiler  Service',
      'boiler service',
      'call me on 07700 900123 about taps',
      'email jo@example.com',
      'Gas safety certificate',
    ];
    for (const term of [...terms, ...terms]) expect(keys.key(term)).toBe(normalizeTermKey(redactPii(term)));
    expect(keys.key('call me on 07700 900123 about taps')).not.toContain('07700');
  });

  it('remembers only terms redaction left unchanged (no personal data is kept), at most MAX_CLEAN_TERMS', () => {
    const keys = new TermKeys();
    keys.key('boiler service');
    keys.key('email jo@example.com');
    keys.key('call me on 07700 900123');
    expect(keys.size).toBe(1);
    for (let i = 0; i < MAX_CLEAN_TERMS + 5; i++) keys.key(`tap washer ${'x'.repeat(i % 50)} ${String.fromCharCode(97 + (i % 26))}${i}`);
    expect(keys.size).toBeLessThanOrEqual(MAX_CLEAN_TERMS);
  });
});
