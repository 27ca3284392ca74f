// Test-only: the mock OpenAI-compatible server lives in libs/testing, which the infra layer rule
// does not list for type:infra (the lint config exempts spec files from the testing-import ban only).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMockLlm, type MockLlm } from '@parley/testing';
import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { GenerationRequest } from '../../generation/generation.types';
import { LlmError } from '../../llm.errors';
import { RecordingLogger } from '../../router/__tests__/test-providers';

// The openai provider over real HTTP against the mock OpenAI-compatible server (loopback only).
const API_KEY = 'sk-test-mock';

describe('openai provider (mock OpenAI-compatible server)', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ apiKey: API_KEY, models: ['mock-chat', 'mock-backup'] });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  function setup(overrides: Partial<LlmConfig> = {}) {
    const config: LlmConfig = {
      openai: { apiKey: API_KEY, baseUrl: mock.url },
      gemini: {},
      ollama: {},
      llamacpp: {},
      timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
      embedding: { provider: 'none' },
      ...overrides,
    };
    const registry = new Registry();
    const logger = new RecordingLogger();
    const router = createLlmRouter(config, { logger, metrics: { registry } });
    const fallbacks = async () => (await registry.getSingleMetric('parley_llm_fallbacks_total')?.get())?.values ?? [];
    return { router, logger, fallbacks };
  }

  const openai = (model = 'mock-chat', fallbacks: GenerationRequest['llm']['fallbacks'] = []): GenerationRequest['llm'] => ({
    primary: { provider: 'openai', model },
    fallbacks,
  });

  async function run(router: ReturnType<typeof setup>['router'], request: GenerationRequest) {
    const tokens: string[] = [];
    const result = await router.generate(request, { onToken: (t) => tokens.push(t) });
    return { result, tokens };
  }

  it('streams the answer token by token and reports the provider usage', async () => {
    mock.enqueue({ type: 'text', text: 'We open at 9am on Saturdays.', usage: { promptTokens: 321, completionTokens: 8 } });
    const { router } = setup();
    const { result, tokens } = await run(
      router,
      generationRequest({ llm: openai(), userMessage: 'Are you open on Saturdays?', firstTurn: true }),
    );

    expect(tokens).toEqual(['We', ' open', ' at', ' 9am', ' on', ' Saturdays.']);
    expect(result).toMatchObject({ content: 'We open at 9am on Saturdays.', finishReason: 'stop', failedOver: [], unanswered: false });
    expect(result.usage).toMatchObject({ provider: 'openai', model: 'mock-chat', inputTokens: 321, outputTokens: 8, estimated: false });

    const body = mock.requests[0].body as {
      model: string;
      stream: boolean;
      stream_options?: { include_usage?: boolean };
      messages: { role: string; content: string }[];
    };
    expect(body).toMatchObject({ model: 'mock-chat', stream: true, stream_options: { include_usage: true } });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toContain('You are the website assistant for Pipe Dreams Plumbing');
    expect(body.messages[0].content).toContain('We are open Monday to Friday, 8am to 6pm.');
    expect(body.messages[0].content).toContain('greet the visitor');
    expect(body.messages[1].content).toBe('Are you open on Saturdays?');
  });

  it('sends the history between the system prompt and the message', async () => {
    const { router } = setup();
    await run(
      router,
      generationRequest({
        llm: openai(),
        history: [
          { role: 'user', content: 'Hello' },
          { role: 'assistant', content: 'Hi! How can I help?' },
        ],
      }),
    );
    const body = mock.requests[0].body as { messages: { role: string; content: string }[] };
    expect(body.messages.map((m) => [m.role, m.role === 'system' ? '' : m.content])).toEqual([
      ['system', ''],
      ['user', 'Hello'],
      ['assistant', 'Hi! How can I help?'],
      ['user', 'What are your opening hours?'],
    ]);
  });

  it('sends the output token limit', async () => {
    const { router } = setup();
    await run(router, generationRequest({ llm: openai(), maxOutputTokens: 64 }));
    const body = mock.requests[0].body as Record<string, unknown>;
    expect(body.max_tokens ?? body.max_completion_tokens).toBe(64);
  });

  it('falls back to the next provider on an HTTP 500 and counts it', async () => {
    mock.enqueue({ type: 'error', status: 500, message: 'boom' }, { type: 'text', text: 'From the backup model.' });
    const { router, logger, fallbacks } = setup();
    const { result, tokens } = await run(
      router,
      generationRequest({ llm: openai('mock-chat', [{ provider: 'openai', model: 'mock-backup' }]) }),
    );

    expect(result.content).toBe('From the backup model.');
    expect(tokens.join('')).toBe('From the backup model.');
    expect(result.usage).toMatchObject({ provider: 'openai', model: 'mock-backup' });
    expect(result.failedOver).toEqual([{ provider: 'openai', model: 'mock-chat', reason: 'provider_error' }]);
    expect(mock.requests.map((r) => r.outcome)).toEqual(['failed', 'completed']);
    expect(mock.requests.map((r) => (r.body as { model: string }).model)).toEqual(['mock-chat', 'mock-backup']);
    expect(logger.warnings.map((w) => w.fields)).toEqual([
      expect.objectContaining({ from: 'openai', to: 'openai', reason: 'provider_error' }),
    ]);
    expect(await fallbacks()).toEqual([
      expect.objectContaining({ labels: { from_provider: 'openai', to_provider: 'openai', reason: 'provider_error' }, value: 1 }),
    ]);
  });

  it('falls back to the offline responder when the first token is late, and cancels the upstream request', async () => {
    mock.enqueue({ type: 'text', text: 'Too late.', latency: { firstTokenDelayMs: 5_000 } });
    const { router, fallbacks } = setup({ timeouts: { overallMs: 10_000, firstTokenMs: 150 } });
    const { result } = await run(router, generationRequest({ llm: openai(), userMessage: 'Are you open on Saturdays?' }));

    expect(result.content).toBe('On Saturdays we open 9am to 1pm.');
    expect(result.usage.provider).toBe('offline');
    expect(result.failedOver).toEqual([{ provider: 'openai', model: 'mock-chat', reason: 'first_token_timeout' }]);
    expect(await mock.requests[0].settled).toBe('aborted');
    expect(await fallbacks()).toEqual([
      expect.objectContaining({ labels: { from_provider: 'openai', to_provider: 'offline', reason: 'first_token_timeout' } }),
    ]);
  });

  it('falls back when the whole answer takes longer than the overall timeout and nothing was streamed yet', async () => {
    mock.enqueue({ type: 'hang', afterTokens: 0 });
    const { router } = setup({ timeouts: { overallMs: 150, firstTokenMs: 10_000 } });
    const { result } = await run(router, generationRequest({ llm: openai() }));
    expect(result.failedOver).toEqual([{ provider: 'openai', model: 'mock-chat', reason: 'timeout' }]);
    expect(result.usage.provider).toBe('offline');
    expect(await mock.requests[0].settled).toBe('aborted');
  });

  it('falls back when the key is rejected', async () => {
    const { router } = setup({ openai: { apiKey: 'sk-wrong', baseUrl: mock.url } });
    const { result } = await run(router, generationRequest({ llm: openai() }));
    expect(result.failedOver).toEqual([{ provider: 'openai', model: 'mock-chat', reason: 'provider_error' }]);
    expect(mock.requests[0].outcome).toBe('failed');
  });

  it('fails without a key (not_configured) and never calls the server', async () => {
    const { router } = setup({ openai: { baseUrl: mock.url } });
    const { result } = await run(router, generationRequest({ llm: openai() }));
    expect(result.failedOver).toEqual([{ provider: 'openai', model: 'mock-chat', reason: 'not_configured' }]);
    expect(mock.requests).toHaveLength(0);
  });

  it('ends the turn with LlmError and the partial answer when the connection drops mid-answer', async () => {
    mock.enqueue({ type: 'drop', afterTokens: 3, text: 'We can come tomorrow morning.' });
    const { router, logger } = setup();
    const tokens: string[] = [];
    const error = await router.generate(generationRequest({ llm: openai() }), { onToken: (t) => tokens.push(t) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'stream_interrupted', partialContent: 'We can come' });
    expect(tokens.join('')).toBe('We can come');
    expect(logger.warnings).toEqual([]);
    expect(mock.requests).toHaveLength(1);
  });

  it('never sends emails or phone numbers to the server and restores them in the answer', async () => {
    const message = 'I am Zoë, email zoe.smith@example.com or call 07700 900123 about the boiler';
    const { router } = setup();
    const { result, tokens } = await run(
      router,
      generationRequest({
        llm: openai(),
        userMessage: message,
        history: [{ role: 'user', content: 'My other address is z.s@example.org' }],
        knownNames: ['Zoë'],
      }),
    );
    const sent = mock.requests[0].rawBody;
    for (const secret of ['zoe.smith@example.com', '07700 900123', '07700', 'z.s@example.org', 'Zoë', 'Zo\\u00eb'])
      expect(sent).not.toContain(secret);
    expect(sent).toMatch(/\[EMAIL_1_[A-Z2-9]{4}\]/);
    expect(sent).toMatch(/\[PHONE_1_[A-Z2-9]{4}\]/);
    // The mock echoes the (pseudonymized) question; the visitor gets the originals back.
    expect(result.content).toBe(`Mock answer to: ${message}`);
    expect(tokens.join('')).toBe(result.content);
  });

  it('stops the request when the signal aborts and returns the partial answer as cancelled', async () => {
    mock.enqueue({ type: 'hang', afterTokens: 2, text: 'Our engineer will arrive soon.' });
    const controller = new AbortController();
    const { router, logger } = setup();
    const tokens: string[] = [];
    const result = await router.generate(generationRequest({ llm: openai(), signal: controller.signal }), {
      onToken: (t) => {
        tokens.push(t);
        if (tokens.length === 2) controller.abort();
      },
    });
    expect(result).toMatchObject({ content: 'Our engineer', finishReason: 'cancelled', failedOver: [] });
    expect(result.usage).toMatchObject({ provider: 'openai', model: 'mock-chat' });
    expect(await mock.requests[0].settled).toBe('aborted');
    expect(mock.requests).toHaveLength(1);
    expect(logger.warnings).toEqual([]);
  });
});
