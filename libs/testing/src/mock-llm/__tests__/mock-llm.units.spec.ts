import { mockEmbedding, embeddingTexts, countEmbeddingTokens } from '../mock-llm.embeddings';
import { countPromptTokens, defaultAnswer, lastUserText, messageText, tokenize } from '../mock-llm.tokens';
import { readSseEvents } from '../sse-reader.util';

async function* bytes(...chunks: string[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield new TextEncoder().encode(chunk);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<unknown[]> {
  const events: unknown[] = [];
  for await (const event of readSseEvents(source)) events.push(event);
  return events;
}

describe('mock LLM helpers', () => {
  it.each([
    ['Hello world', ['Hello', ' world']],
    ['  leading and trailing  ', ['  leading', ' and', ' trailing  ']],
    ['one\ntwo', ['one', '\ntwo']],
    ['   ', ['   ']],
    ['', []],
  ])('tokenizes %j into tokens that join back to the text', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
    expect(tokenize(text).join('')).toBe(text);
  });

  it('reads message text from strings and text parts, and finds the last user message', () => {
    const messages = [
      { role: 'system', content: 'Be kind' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hi' },
          { type: 'image_url', image_url: { url: 'x' } },
          { type: 'text', text: 'there' },
        ],
      },
      { role: 'assistant', content: null },
    ];
    expect(messageText(messages[1])).toBe('Hi there');
    expect(messageText(messages[2])).toBe('');
    expect(lastUserText(messages)).toBe('Hi there');
    expect(countPromptTokens(messages)).toBe(4);
    expect(defaultAnswer({ messages })).toBe('Mock answer to: Hi there');
    expect(defaultAnswer({ messages: [{ role: 'system', content: 'x' }] })).toBe('Mock answer with no user message.');
  });

  it('makes deterministic unit vectors of any dimension', () => {
    for (const dimension of [1, 7, 16, 17, 1536, 3072]) {
      const v = mockEmbedding('text', dimension);
      expect(v).toHaveLength(dimension);
      expect(Math.sqrt(v.reduce((s, x) => s + x * x, 0))).toBeCloseTo(1, 9);
    }
    expect(mockEmbedding('a', 32)).toEqual(mockEmbedding('a', 32));
    expect(mockEmbedding('a', 32)).not.toEqual(mockEmbedding('b', 32));
  });

  it('accepts the OpenAI embedding input shapes and counts their tokens', () => {
    expect(embeddingTexts('x')).toEqual(['x']);
    expect(embeddingTexts(['a', 'b'])).toEqual(['a', 'b']);
    expect(embeddingTexts([1, 2, 3])).toEqual(['[1,2,3]']);
    expect(embeddingTexts([[1], [2, 3]])).toEqual(['[1]', '[2,3]']);
    expect(embeddingTexts([])).toBeNull();
    expect(embeddingTexts({})).toBeNull();
    expect(countEmbeddingTokens([[1], [2, 3]])).toBe(3);
    expect(countEmbeddingTokens([1, 2, 3])).toBe(3);
    expect(countEmbeddingTokens(['a b', 'c'])).toBe(3);
  });

  it('parses SSE split anywhere, with CRLF, comments, named events and multi-line data', async () => {
    const events = await collect(
      bytes(
        ': heartbeat\n\n',
        'event: token\r',
        '\nid: 7\r\ndata: {"a"',
        ':1}\r\n\r\n',
        'data: line1\ndata: line2\n\n',
        'data: [DONE]\n\n',
      ),
    );
    expect(events).toEqual([{ event: 'token', id: '7', data: '{"a":1}' }, { data: 'line1\nline2' }, { data: '[DONE]' }]);
  });

  it('yields nothing for a missing body and drops an unterminated last event', async () => {
    expect(await collect(null as unknown as AsyncIterable<Uint8Array>)).toEqual([]);
    expect(await collect(bytes('data: complete\n\n', 'data: partial'))).toEqual([{ data: 'complete' }]);
  });
});
