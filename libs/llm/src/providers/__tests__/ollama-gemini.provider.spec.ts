import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { GenerationRequest } from '../../generation/generation.types';
import { RecordingLogger } from '../../router/__tests__/test-providers';
import { startFakeGemini, startFakeOllama, type FakeServer } from './fake-provider-servers';

// The ollama and gemini providers over real HTTP against loopback stand-ins of their APIs
// (see fake-provider-servers.ts): LangChain's clients, streaming, usage and cancellation.

const BASE: LlmConfig = {
  openai: {},
  gemini: {},
  ollama: {},
  llamacpp: {},
  timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
  embedding: { provider: 'none' },
};

const only = (provider: 'ollama' | 'gemini', model: string): GenerationRequest['llm'] => ({ primary: { provider, model }, fallbacks: [] });

function router(config: Partial<LlmConfig>) {
  return createLlmRouter({ ...BASE, ...config }, { logger: new RecordingLogger(), metrics: { registry: new Registry() } });
}

describe('ollama provider (loopback /api/chat)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeOllama();
  });
  afterEach(() => {
    server.calls.length = 0;
  });
  afterAll(() => server.close());

  it('streams tokens, sends the raw text with the system prompt, and reports Ollama counts', async () => {
    server.answer = { tokens: ['We', ' open', ' at', ' 9am.'], usage: { input: 120, output: 4 } };
    const tokens: string[] = [];
    const result = await router({ ollama: { baseUrl: server.url } }).generate(
      generationRequest({ llm: only('ollama', 'llama3.2'), userMessage: 'Mail me at zoe@example.com' }),
      { onToken: (t) => tokens.push(t) },
    );
    expect(tokens).toEqual(['We', ' open', ' at', ' 9am.']);
    expect(result).toMatchObject({ content: 'We open at 9am.', finishReason: 'stop', failedOver: [] });
    expect(result.usage).toMatchObject({ provider: 'ollama', model: 'llama3.2', inputTokens: 120, outputTokens: 4, estimated: false });
    const body = server.calls[0].body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(server.calls[0].path).toBe('/api/chat');
    expect(body).toMatchObject({ model: 'llama3.2', stream: true });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toContain('Answer only from the knowledge below.');
    // A local provider: no pseudonymization.
    expect(body.messages[1].content).toBe('Mail me at zoe@example.com');
  });

  it('aborting the signal closes the upstream request and returns the partial answer', async () => {
    server.answer = { tokens: ['Our', ' engineer'], hang: true };
    const controller = new AbortController();
    const tokens: string[] = [];
    const result = await router({ ollama: { baseUrl: server.url } }).generate(
      generationRequest({ llm: only('ollama', 'llama3.2'), signal: controller.signal }),
      {
        onToken: (t) => {
          tokens.push(t);
          if (tokens.length === 2) controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ content: 'Our engineer', finishReason: 'cancelled' });
    expect(await server.calls[0].closedEarly).toBe(true);
  });
});

describe('ollama provider: a stalled server', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeOllama();
  });
  afterAll(() => server.close());

  it('times out before the first token, closes the request and falls back', async () => {
    server.answer = { tokens: [], hang: true };
    const result = await router({ ollama: { baseUrl: server.url }, timeouts: { overallMs: 10_000, firstTokenMs: 150 } }).generate(
      generationRequest({ llm: only('ollama', 'llama3.2'), userMessage: 'Are you open on Saturdays?' }),
      { onToken: () => undefined },
    );
    expect(result.failedOver).toEqual([{ provider: 'ollama', model: 'llama3.2', reason: 'first_token_timeout' }]);
    expect(result).toMatchObject({ content: 'On Saturdays we open 9am to 1pm.', usage: { provider: 'offline' } });
    expect(await server.calls[0].closedEarly).toBe(true);
  });
});

describe('gemini provider (loopback streamGenerateContent)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeGemini();
  });
  afterEach(() => {
    server.calls.length = 0;
  });
  afterAll(() => server.close());

  it('streams tokens, pseudonymizes the visitor text, restores it, and reports Gemini counts', async () => {
    // The fake answers with the email placeholder it was sent, split over two chunks.
    server.answer = (body) => {
      const placeholder = /\[EMAIL_1_[A-Z2-9]{4}\]/.exec(JSON.stringify(body))?.[0] ?? 'no placeholder';
      return { tokens: ['I will write to ', placeholder.slice(0, 6), placeholder.slice(6), ' today.'], usage: { input: 80, output: 7 } };
    };
    const tokens: string[] = [];
    const result = await router({ gemini: { apiKey: 'g-test', baseUrl: server.url } }).generate(
      generationRequest({ llm: only('gemini', 'gemini-2.0-flash'), userMessage: 'Please email zoe@example.com' }),
      { onToken: (t) => tokens.push(t) },
    );
    expect(result).toMatchObject({ content: 'I will write to zoe@example.com today.', finishReason: 'stop', failedOver: [] });
    expect(tokens.join('')).toBe(result.content);
    expect(result.usage).toMatchObject({
      provider: 'gemini',
      model: 'gemini-2.0-flash',
      inputTokens: 80,
      outputTokens: 7,
      estimated: false,
    });

    const call = server.calls[0];
    expect(call.path).toBe('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse');
    expect(call.headers['x-goog-api-key']).toBe('g-test');
    const sent = JSON.stringify(call.body);
    expect(sent).not.toContain('zoe@example.com');
    expect(sent).toContain('Answer only from the knowledge below.');
  });

  // Before guardStreamResponses this failed: the Google SDK's unobserved `response` promise
  // rejected (an unhandled rejection, which Jest reports and which ends a service process).
  it('aborting the signal closes the upstream request and returns the partial answer, with no unhandled rejection', async () => {
    server.answer = { tokens: ['Our', ' engineer'], hang: true };
    const controller = new AbortController();
    const tokens: string[] = [];
    const result = await router({ gemini: { apiKey: 'g-test', baseUrl: server.url } }).generate(
      generationRequest({ llm: only('gemini', 'gemini-2.0-flash'), signal: controller.signal }),
      {
        onToken: (t) => {
          tokens.push(t);
          if (tokens.length === 2) controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ content: 'Our engineer', finishReason: 'cancelled' });
    expect(await server.calls[0].closedEarly).toBe(true);
  });
});
