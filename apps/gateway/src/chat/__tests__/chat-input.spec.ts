import { wantsEventStream } from '../chat.controller';
import { chatRequestSchema } from '../dto/chat.schemas';
import { isCleanText } from '../dto/text-input.schema';

describe('wantsEventStream', () => {
  it.each([
    ['text/event-stream', undefined, true],
    ['application/json, Text/Event-Stream;q=0.9', undefined, true],
    ['*/*', true, true],
    ['*/*', undefined, false],
    [undefined, false, false],
    ['application/json', undefined, false],
  ])('Accept %s with stream %s -> %s', (accept, stream, expected) => {
    expect(wantsEventStream(accept, stream)).toBe(expected);
  });
});

describe('chat message input', () => {
  it('accepts real text (accents, emoji, U+FFFD typed on purpose) and trims it', () => {
    expect(chatRequestSchema.parse({ message: '  Café 🔧 \uFFFD ' })).toEqual({ message: 'Café 🔧 \uFFFD' });
  });

  it('refuses lone surrogates, empty messages and unknown fields', () => {
    expect(isCleanText('a\uD800b')).toBe(false);
    expect(isCleanText('a\uDC00')).toBe(false);
    expect(isCleanText('🔧')).toBe(true);
    expect(chatRequestSchema.safeParse({ message: '\n\t ' }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ message: 'hi', session: 'x' }).success).toBe(false);
  });
});
