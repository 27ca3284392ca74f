import { unstorableParameters } from '../request-text.installer';
import { findUnstorableText, unstorableTextReason } from '../storable-text.util';

describe('unstorableTextReason', () => {
  it.each([
    ['plain text', 'Hello, wörld 😀', undefined],
    ['a surrogate pair', '\ud83d\ude00', undefined],
    ['NUL', 'a\u0000b', 'must not contain NUL (U+0000) characters'],
    ['a lone high surrogate', 'a\ud800', 'must be valid Unicode text (no lone surrogates)'],
    ['a lone low surrogate', '\udc00b', 'must be valid Unicode text (no lone surrogates)'],
    ['a reversed pair', '\ude00\ud83d', 'must be valid Unicode text (no lone surrogates)'],
  ])('%s', (_name, text, reason) => {
    expect(unstorableTextReason(text)).toBe(reason);
  });
});

describe('findUnstorableText', () => {
  it('names every offending string and member name by its dotted path', () => {
    const body = { name: 'ok', config: { persona: 'x\u0000', tags: ['fine', '\ud800'] }, metadata: { 'k\u0000': 'v' } };
    expect(findUnstorableText(body)).toEqual([
      { path: 'config.persona', message: 'must not contain NUL (U+0000) characters' },
      { path: 'config.tags.1', message: 'must be valid Unicode text (no lone surrogates)' },
      { path: 'metadata.k\u0000', message: 'member name must not contain NUL (U+0000) characters' },
    ]);
  });

  it('checks a bare string body and ignores numbers, booleans and null', () => {
    expect(findUnstorableText('\u0000')).toEqual([{ path: '(body)', message: 'must not contain NUL (U+0000) characters' }]);
    expect(findUnstorableText({ a: 1, b: true, c: null, d: [0.5] })).toEqual([]);
  });

  it('lists at most 20 fields', () => {
    expect(findUnstorableText(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('unstorableParameters', () => {
  it('names query and path parameters whose name or any value cannot be stored', () => {
    expect(unstorableParameters({ search: 'a\u0000', limit: '5', tags: ['x', '\udfff'], 'n\u0000': 'v' })).toEqual([
      { path: 'search', message: 'must not contain NUL (U+0000) characters' },
      { path: 'tags', message: 'must be valid Unicode text (no lone surrogates)' },
      { path: 'n\u0000', message: 'must not contain NUL (U+0000) characters' },
    ]);
    expect(unstorableParameters(undefined)).toEqual([]);
  });
});
