import { startMockLlm, type MockLlm } from '../mock-llm.server';
import { chat, question } from './mock-llm.test-client';

interface Completion {
  id: string;
  object: string;
  model: string;
  choices: {
    index: number;
    message: {
      role: string;
      content: string | null;
      tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
    };
    finish_reason: string;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

describe('mock LLM: chat completions without streaming', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm();
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it('answers with one chat.completion JSON body and counts tokens', async () => {
    mock.enqueue({ type: 'text', text: 'Yes, we fix boilers.' });
    const res = await chat(mock, { messages: [{ role: 'user', content: [{ type: 'text', text: 'Do you fix boilers?' }] }] });

    expect(res.status).toBe(200);
    const body = (await res.json()) as Completion;
    expect(body).toMatchObject({ object: 'chat.completion', model: 'mock-chat' });
    expect(body.id).toMatch(/^chatcmpl-mock-\d+$/);
    expect(body.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: 'Yes, we fix boilers.', refusal: null }, logprobs: null, finish_reason: 'stop' },
    ]);
    expect(body.usage).toEqual({ prompt_tokens: 4, completion_tokens: 4, total_tokens: 8 });
    expect(mock.requests[0].outcome).toBe('completed');
  });

  it('answers deterministically from the last user message when nothing is queued', async () => {
    const first = (await (await chat(mock, question('What are your hours?'))).json()) as Completion;
    const second = (await (await chat(mock, question('What are your hours?'))).json()) as Completion;
    expect(first.choices[0].message.content).toBe('Mock answer to: What are your hours?');
    expect(second.choices[0].message.content).toBe(first.choices[0].message.content);
    expect(first.usage.completion_tokens).toBe(7);
  });

  it('answers with tool calls in the OpenAI format', async () => {
    mock.enqueue({ type: 'tool_calls', toolCalls: [{ name: 'lookup', arguments: { q: 'boiler' } }] });
    const body = (await (
      await chat(mock, { ...question('Find it'), tools: [{ type: 'function', function: { name: 'lookup' } }] })
    ).json()) as Completion;

    expect(body.choices[0].finish_reason).toBe('tool_calls');
    expect(body.choices[0].message.content).toBeNull();
    expect(body.choices[0].message.tool_calls).toEqual([
      { id: 'call_mock_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"boiler"}' } },
    ]);
    expect(body.usage.completion_tokens).toBe(2);
  });

  it('uses queued responses first in first out, then the responder', async () => {
    mock.enqueue({ type: 'text', text: 'first' }, { type: 'text', text: 'second' });
    mock.setResponder((request) => ({ type: 'text', text: `custom ${request.messages.length}` }));
    const answers: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1)
      answers.push(((await (await chat(mock, question('q'))).json()) as Completion).choices[0].message.content);
    expect(answers).toEqual(['first', 'second', 'custom 1']);
  });

  it('reset() empties the queue, the records and restores the default responder', async () => {
    mock.enqueue({ type: 'text', text: 'queued' });
    mock.setResponder(() => ({ type: 'text', text: 'custom' }));
    await chat(mock, question('q'));
    mock.enqueue({ type: 'text', text: 'left over' });
    mock.reset();

    expect(mock.requests).toHaveLength(0);
    expect(mock.events).toHaveLength(0);
    const body = (await (await chat(mock, question('again'))).json()) as Completion;
    expect(body.choices[0].message.content).toBe('Mock answer to: again');
  });

  it('records path, headers and the parsed body of each request', async () => {
    await chat(mock, { ...question('recorded'), temperature: 0.2 });
    const [request] = mock.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', outcome: 'completed', clientAborted: false });
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.body).toEqual({ model: 'mock-chat', messages: [{ role: 'user', content: 'recorded' }], temperature: 0.2 });
  });

  it.each([
    [429, 'rate_limit_error'],
    [500, 'server_error'],
    [503, 'server_error'],
    [401, 'authentication_error'],
  ])('fails with status %i and an OpenAI-style %s body', async (status, type) => {
    mock.enqueue({ type: 'error', status, message: 'Slow down', headers: { 'retry-after': '1' } });
    const res = await chat(mock, { ...question('q'), stream: true });

    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ error: { message: 'Slow down', type, param: null, code: null } });
    expect(mock.requests[0].outcome).toBe('failed');
  });

  it('uses the error type and code a test gives', async () => {
    mock.enqueue({ type: 'error', status: 400, errorType: 'invalid_request_error', code: 'context_length_exceeded' });
    const res = await chat(mock, question('q'));
    expect(await res.json()).toEqual({
      error: { message: 'Mock failure with status 400', type: 'invalid_request_error', param: null, code: 'context_length_exceeded' },
    });
  });

  it('drops the connection before answering a non-streamed request', async () => {
    mock.enqueue({ type: 'drop' });
    await expect(chat(mock, question('q'))).rejects.toThrow();
    expect(await mock.requests[0].settled).toBe('dropped');
  });

  it('hangs a non-streamed request until the client aborts, and records the abort', async () => {
    mock.enqueue({ type: 'hang' });
    const controller = new AbortController();
    const pending = chat(mock, question('q'), { signal: controller.signal });
    const request = await mock.waitForRequest((r) => r.events.some((e) => e.type === 'hanging'));
    controller.abort();

    await expect(pending).rejects.toThrow();
    expect(await request.settled).toBe('aborted');
    expect(request.clientAborted).toBe(true);
  });

  it('rejects requests without messages with 400', async () => {
    const res = await chat(mock, { messages: [] });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { message: expect.stringContaining('messages') as string, type: 'invalid_request_error', param: 'messages', code: null },
    });
  });
});

describe('mock LLM: options', () => {
  it('requires the configured API key and applies default latency', async () => {
    const mock = await startMockLlm({
      apiKey: 'sk-right',
      latency: { firstTokenDelayMs: 150 },
      // Only the request asking "fast" overrides the default latency.
      responder: (request) => {
        const text = String(request.messages[0].content);
        return text === 'fast' ? { type: 'text', text, latency: { firstTokenDelayMs: 0 } } : { type: 'text', text };
      },
    });
    const authorized = { headers: { 'content-type': 'application/json', authorization: 'Bearer sk-right' } };
    try {
      const denied = await chat(mock, question('q'));
      expect(denied.status).toBe(401);
      expect(await denied.json()).toMatchObject({ error: { code: 'invalid_api_key' } });

      const slow = chat(mock, question('slow'), authorized);
      await mock.waitForRequest((r) => r.id === 2);
      const fast = await chat(mock, question('fast'), authorized);
      expect(((await fast.json()) as Completion).choices[0].message.content).toBe('fast');
      expect(((await (await slow).json()) as Completion).choices[0].message.content).toBe('slow');
      const doneOrder = mock.events.filter((e) => e.type === 'done').map((e) => e.requestId);
      expect(doneOrder).toEqual([3, 2]);
    } finally {
      await mock.close();
    }
  });

  it('close() ends hanging requests and stops listening', async () => {
    const mock = await startMockLlm();
    mock.enqueue({ type: 'hang' });
    const pending = chat(mock, question('q'));
    const request = await mock.waitForRequest();
    await mock.waitFor(() => request.outcome !== 'pending' || request.events.some((e) => e.type === 'hanging'));
    await mock.close();

    await expect(pending).rejects.toThrow();
    expect(await request.settled).toBe('aborted');
    await expect(fetch(`${mock.url}/models`)).rejects.toThrow();
  });
});
