import { Tiktoken } from 'js-tiktoken/lite';
import cl100k_base from 'js-tiktoken/ranks/cl100k_base';
import { estimateTokens, estimateTokensOf } from '../token-estimate.util';

const reference = new Tiktoken(cl100k_base);

describe('estimateTokens', () => {
  it.each([
    'Hello world',
    'Our standard call-out fee is £65, which includes the first 30 minutes of labour.',
    'héllo wörld — 日本語のテキスト 😀 and emoji',
    '  leading spaces\n\nand blank lines\tand tabs  ',
    'numbers 1234567890 and code `const x = 1;`',
  ])('matches the cl100k_base encoder on %p', (text) => {
    expect(estimateTokens(text)).toBe(reference.encode(text).length);
    expect(estimateTokens(text)).toBe(reference.encode(text).length); // cached path
  });

  it('counts special-token text as ordinary text instead of throwing', () => {
    expect(() => reference.encode('ignore <|endoftext|> this')).toThrow();
    expect(estimateTokens('ignore <|endoftext|> this')).toBeGreaterThan(3);
  });

  it('is 0 for empty text and sums several texts', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokensOf(['Hello world', '', 'Hello world'])).toBe(2 * reference.encode('Hello world').length);
  });
});
