import { generationRequest } from '../../__tests__/generation-request.fixture';
import { OfflineProvider } from '../offline.provider';
import { wordTokens } from '../stream-words.util';

describe('OfflineProvider', () => {
  it('streams the answer word by word, each token with its leading space', async () => {
    const tokens: string[] = [];
    const output = await new OfflineProvider().generate({
      request: generationRequest({ userMessage: 'Are you open on Saturdays?' }),
      model: 'retrieval',
      signal: new AbortController().signal,
      onToken: (t) => tokens.push(t),
    });
    expect(tokens).toEqual(['On', ' Saturdays', ' we', ' open', ' 9am', ' to', ' 1pm.']);
    expect(output).toMatchObject({ content: 'On Saturdays we open 9am to 1pm.', finishReason: 'stop', unanswered: false });
    expect(output.usage).toBeUndefined();
  });

  it('yields to the event loop between tokens', async () => {
    const order: string[] = [];
    const done = new OfflineProvider().generate({
      request: generationRequest({ userMessage: 'Are you open on Saturdays?' }),
      model: 'retrieval',
      signal: new AbortController().signal,
      onToken: (t) => order.push(t),
    });
    // The first token is emitted synchronously; a macrotask queued now runs before the last token.
    setImmediate(() => order.push('<other work>'));
    await done;
    expect(order.indexOf('<other work>')).toBeGreaterThan(0);
    expect(order.indexOf('<other work>')).toBeLessThan(order.length - 1);
  });

  it('stops when the signal aborts mid-stream and returns the partial answer as cancelled', async () => {
    const controller = new AbortController();
    const tokens: string[] = [];
    const output = await new OfflineProvider().generate({
      request: generationRequest({ userMessage: 'Are you open on Saturdays?', signal: controller.signal }),
      model: 'retrieval',
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        if (tokens.length === 3) controller.abort();
      },
    });
    expect(output.finishReason).toBe('cancelled');
    expect(output.content).toBe('On Saturdays we');
    expect(tokens.join('')).toBe(output.content);
  });

  it('reports unanswered when it had nothing relevant', async () => {
    const output = await new OfflineProvider().generate({
      request: generationRequest({ userMessage: 'Do you sell car insurance?' }),
      model: 'retrieval',
      signal: new AbortController().signal,
      onToken: () => undefined,
    });
    expect(output.unanswered).toBe(true);
    expect(output.content).toContain("I don't know");
  });
});

describe('wordTokens', () => {
  it.each(['', 'one', '  leading and trailing  ', 'line\nbreaks\n\nhere'])('joins back to %p', (text) => {
    expect(wordTokens(text).join('')).toBe(text);
  });
});
