import { safeLink, singleLine, truncate } from '../text-limits.util';

describe('text limits', () => {
  it('keeps text within the limit and marks the cut', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abcdefghij', 5)).toHaveLength(5);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('ab😀cdef', 4);
    expect(cut).toBe('ab…');
    expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
  });

  it('folds line breaks out of header values', () => {
    expect(singleLine('Subject\r\nBcc: victim@example.com')).toBe('Subject Bcc: victim@example.com');
  });

  it('only renders absolute http(s) links', () => {
    expect(safeLink('https://parley.example.com/s/1')).toBe('https://parley.example.com/s/1');
    expect(safeLink('javascript:alert(1)')).toBeNull();
    expect(safeLink('/relative')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
