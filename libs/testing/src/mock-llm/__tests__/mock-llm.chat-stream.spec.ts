import { startMockLlm, type MockLlm } from '../mock-llm.server';
import { tokenize } from '../mock-llm.tokens';
import { readSseEvents } from '../sse-reader.util';
import { chat, type Chunk, contentOf, question, readChunks } from './mock-llm.test-client';

describe('mock LLM: streamed chat completions', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('streams a text answer token by token as chat.completion.chunk frames ending with [DONE]', async () => {
    mock.enqueue({ type: 'text', text: 'The plumber comes on Monday.' });
    const res = await chat(mock, { ...question('When?'), stream: true });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { chunks, done } = await readChunks(res);
    expect(done).toBe(true);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id && c.model === 'mock-chat')).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(contentOf(chunks)).toEqual(['The', ' plumber', ' comes', ' on', ' Monday.']);
    expect(chunks[chunks.length - 1].choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('streams the default answer derived from the last user message', async () => {
    const { chunks } = await readChunks(
      await chat(mock, {
        messages: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'x' },
          { role: 'user', content: 'Is the boiler covered?' },
        ],
        stream: true,
      }),
    );
    expect(contentOf(chunks).join('')).toBe('Mock answer to: Is the boiler covered?');
  });

  it('adds a final usage chunk when stream_options.include_usage is set, counting the tokens emitted', async () => {
    mock.enqueue({ type: 'text', text: 'one two three' });
    const { chunks, done } = await readChunks(
      await chat(mock, {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Count to three' },
        ],
        stream: true,
        stream_options: { include_usage: true },
      }),
    );

    expect(done).toBe(true);
    const last = chunks[chunks.length - 1];
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(mock.requests[0].events.map((e) => e.type)).toEqual(['received', 'headers', 'token', 'token', 'token', 'usage', 'done']);
  });

  it('reports usage overrides instead of its own counts', async () => {
    mock.enqueue({ type: 'text', text: 'hi', usage: { promptTokens: 100, completionTokens: 7 } });
    const { chunks } = await readChunks(await chat(mock, { ...question('q'), stream: true, stream_options: { include_usage: true } }));
    expect(chunks[chunks.length - 1].usage).toEqual({ prompt_tokens: 100, completion_tokens: 7, total_tokens: 107 });
  });

  it('streams tool calls as OpenAI deltas whose argument fragments join to the full JSON', async () => {
    mock.enqueue({
      type: 'tool_calls',
      toolCalls: [
        { name: 'book_visit', arguments: { day: 'Monday', address: '12 Long Street' } },
        { id: 'call_fixed', name: 'notify', arguments: '{}' },
      ],
    });
    const { chunks, done } = await readChunks(
      await chat(mock, { ...question('Book me'), stream: true, stream_options: { include_usage: true } }),
    );

    expect(done).toBe(true);
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: null });
    const calls = new Map<number, { id?: string; name?: string; args: string }>();
    for (const delta of chunks.flatMap((c) => c.choices.map((choice) => choice.delta))) {
      for (const call of delta.tool_calls ?? []) {
        const entry = calls.get(call.index) ?? { args: '' };
        if (call.id) entry.id = call.id;
        if (call.function.name) entry.name = call.function.name;
        entry.args += call.function.arguments;
        calls.set(call.index, entry);
      }
    }
    expect(calls.get(0)).toEqual({
      id: 'call_mock_1',
      name: 'book_visit',
      args: JSON.stringify({ day: 'Monday', address: '12 Long Street' }),
    });
    expect(calls.get(1)).toEqual({ id: 'call_fixed', name: 'notify', args: '{}' });
    const argumentDeltas = chunks.filter((c) => c.choices[0]?.delta.tool_calls?.[0].function.arguments);
    expect(argumentDeltas.length).toBeGreaterThan(2);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('tool_calls');
    expect(chunks[chunks.length - 1].usage?.completion_tokens).toBe(argumentDeltas.length);
  });

  it('records events in order: received, headers, one token per chunk, done', async () => {
    mock.enqueue({ type: 'text', text: 'a b c' });
    await readChunks(await chat(mock, { ...question('q'), stream: true }));
    const events = mock.requests[0].events;
    expect(events.map((e) => e.type)).toEqual(['received', 'headers', 'token', 'token', 'token', 'done']);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((x, y) => x - y));
  });

  it('delays the first token: a later request without delay finishes before the delayed one emits', async () => {
    mock.enqueue({ type: 'text', text: 'slow answer', latency: { firstTokenDelayMs: 300 } }, { type: 'text', text: 'fast answer' });
    const slow = chat(mock, { ...question('slow'), stream: true }).then(readChunks);
    await mock.waitForRequest((r) => r.events.some((e) => e.type === 'headers'));
    const fast = await readChunks(await chat(mock, { ...question('fast'), stream: true }));
    const slowResult = await slow;

    expect(contentOf(fast.chunks).join('')).toBe('fast answer');
    expect(contentOf(slowResult.chunks).join('')).toBe('slow answer');
    const [slowReq, fastReq] = mock.requests;
    const fastDone = fastReq.events.find((e) => e.type === 'done')!.seq;
    const slowFirstToken = slowReq.events.find((e) => e.type === 'token')!.seq;
    expect(fastDone).toBeLessThan(slowFirstToken);
  });

  it('paces tokens: the client holds the first token while the mock has not yet emitted the rest', async () => {
    const text = 'alpha beta gamma delta epsilon';
    mock.enqueue({ type: 'text', text, latency: { interTokenDelayMs: 60 } });
    const res = await chat(mock, { ...question('q'), stream: true });
    const tokensEmittedWhenReceived: number[] = [];
    const received: string[] = [];
    for await (const event of readSseEvents(res.body)) {
      if (event.data === '[DONE]') break;
      const content = (JSON.parse(event.data) as Chunk).choices[0]?.delta.content;
      if (!content) continue;
      received.push(content);
      tokensEmittedWhenReceived.push(mock.requests[0].events.filter((e) => e.type === 'token').length);
    }
    expect(received).toEqual(tokenize(text));
    // The first token reached the client before the mock had emitted the whole answer.
    expect(tokensEmittedWhenReceived[0]).toBeLessThan(5);
    expect(tokensEmittedWhenReceived).toEqual([...tokensEmittedWhenReceived].sort((a, b) => a - b));
    expect(tokensEmittedWhenReceived[4]).toBe(5);
  });

  it('drops the connection mid-stream after the configured number of tokens', async () => {
    mock.enqueue({ type: 'drop', text: 'one two three four five', afterTokens: 2 });
    const res = await chat(mock, { ...question('q'), stream: true });
    const received: Chunk[] = [];
    const reading = (async () => {
      for await (const event of readSseEvents(res.body)) received.push(JSON.parse(event.data) as Chunk);
    })();

    await expect(reading).rejects.toThrow();
    expect(contentOf(received)).toEqual(['one', ' two']);
    expect(await mock.requests[0].settled).toBe('dropped');
    expect(mock.requests[0].clientAborted).toBe(false);
    expect(mock.requests[0].events.map((e) => e.type)).toEqual(['received', 'headers', 'token', 'token', 'dropped']);
  });

  it('hangs after some tokens until the client aborts, and records the abort', async () => {
    mock.enqueue({ type: 'hang', text: 'one two three', afterTokens: 1 });
    const controller = new AbortController();
    const res = await chat(mock, { ...question('q'), stream: true }, { signal: controller.signal });
    const iterator = readSseEvents(res.body)[Symbol.asyncIterator]();
    await iterator.next();
    const token = await iterator.next();
    expect((JSON.parse(token.value.data) as Chunk).choices[0].delta.content).toBe('one');

    await mock.waitForRequest((r) => r.events.some((e) => e.type === 'hanging'));
    controller.abort();
    await expect(iterator.next()).rejects.toThrow();

    const request = mock.requests[0];
    expect(await request.settled).toBe('aborted');
    expect(request.clientAborted).toBe(true);
    expect(request.events.map((e) => e.type)).toEqual(['received', 'headers', 'token', 'hanging', 'aborted']);
  });

  it('stops emitting when the client aborts a slow stream', async () => {
    mock.enqueue({ type: 'text', text: 'a b c d e f g h i j', latency: { interTokenDelayMs: 50 } });
    const controller = new AbortController();
    const res = await chat(mock, { ...question('q'), stream: true }, { signal: controller.signal });
    const iterator = readSseEvents(res.body)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    controller.abort();

    const request = mock.requests[0];
    expect(await request.settled).toBe('aborted');
    const tokens = request.events.filter((e) => e.type === 'token').length;
    expect(tokens).toBeLessThan(10);
    expect(request.events.some((e) => e.type === 'done')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(request.events.filter((e) => e.type === 'token')).toHaveLength(tokens);
  });
});
