import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { GenerationRequest } from '../../generation/generation.types';
import { LlmError } from '../../llm.errors';
import type { LlmProvider } from '../../providers/provider.types';
import { answering, failing, hanging, RecordingLogger, ScriptedProvider } from './test-providers';

const CONFIG: LlmConfig = {
  openai: {},
  gemini: {},
  ollama: {},
  llamacpp: {},
  timeouts: { overallMs: 5_000, firstTokenMs: 5_000 },
  embedding: { provider: 'none' },
};

function setup(providers: LlmProvider[] = [], timeouts = CONFIG.timeouts) {
  const logger = new RecordingLogger();
  const registry = new Registry();
  const router = createLlmRouter({ ...CONFIG, timeouts }, { logger, metrics: { registry }, providers });
  const metric = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return { router, logger, registry, metric };
}

const chain = (...choices: [GenerationRequest['llm']['primary']['provider'], string][]): GenerationRequest['llm'] => ({
  primary: { provider: choices[0][0], model: choices[0][1] },
  fallbacks: choices.slice(1).map(([provider, model]) => ({ provider, model })),
});

async function collect(router: ReturnType<typeof setup>['router'], request: GenerationRequest) {
  const tokens: string[] = [];
  const result = await router.generate(request, { onToken: (t) => tokens.push(t) });
  return { result, tokens };
}

describe('LlmRouter', () => {
  it('answers with the offline responder and estimates usage', async () => {
    const { router, metric } = setup();
    const { result, tokens } = await collect(router, generationRequest({ userMessage: 'Are you open on Saturdays?' }));
    expect(result).toMatchObject({ content: 'On Saturdays we open 9am to 1pm.', finishReason: 'stop', unanswered: false, failedOver: [] });
    expect(tokens.join('')).toBe(result.content);
    expect(result.usage).toMatchObject({ provider: 'offline', model: 'retrieval', estimated: true });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.usage.inputTokens).toBeGreaterThan(result.usage.outputTokens);
    const series = await metric('parley_llm_tokens_total');
    expect(series.find((s) => s.labels.direction === 'output')?.value).toBe(result.usage.outputTokens);
  });

  it('appends the offline responder when the chain lacks it, logs the fallback and counts it', async () => {
    const { router, logger, metric } = setup();
    const { result } = await collect(router, generationRequest({ llm: chain(['gemini', 'gemini-2.0-flash']) }));
    expect(result.usage.provider).toBe('offline');
    expect(result.failedOver).toEqual([{ provider: 'gemini', model: 'gemini-2.0-flash', reason: 'not_configured' }]);
    expect(logger.warnings).toEqual([
      {
        message: 'llm fallback',
        fields: expect.objectContaining({
          tenantId: generationRequest().tenantId,
          from: 'gemini',
          to: 'offline',
          reason: 'not_configured',
        }),
      },
    ]);
    expect(await metric('parley_llm_fallbacks_total')).toEqual([
      expect.objectContaining({ labels: { from_provider: 'gemini', to_provider: 'offline', reason: 'not_configured' }, value: 1 }),
    ]);
  });

  it('tries primary then fallbacks in order and stops at the first that answers', async () => {
    const openai = new ScriptedProvider('openai', failing(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })));
    const ollama = new ScriptedProvider('ollama', failing(new Error('HTTP 500')));
    const gemini = new ScriptedProvider('gemini', answering(['Hello', ' there.'], { inputTokens: 12, outputTokens: 2 }));
    const { router, logger } = setup([openai, ollama, gemini]);
    const { result } = await collect(
      router,
      generationRequest({ llm: chain(['openai', 'a'], ['ollama', 'b'], ['gemini', 'c'], ['offline', 'retrieval']) }),
    );
    expect(result.content).toBe('Hello there.');
    expect(result.usage).toMatchObject({ provider: 'gemini', model: 'c', inputTokens: 12, outputTokens: 2, estimated: false });
    expect(result.failedOver).toEqual([
      { provider: 'openai', model: 'a', reason: 'connection_error' },
      { provider: 'ollama', model: 'b', reason: 'provider_error' },
    ]);
    expect(logger.warnings.map((w) => [w.fields.from, w.fields.to])).toEqual([
      ['openai', 'ollama'],
      ['ollama', 'gemini'],
    ]);
    expect([openai.runs.length, ollama.runs.length, gemini.runs.length]).toEqual([1, 1, 1]);
  });

  it('falls back when the first token does not come in time', async () => {
    const slow = new ScriptedProvider('ollama', hanging());
    const { router, metric } = setup([slow], { overallMs: 5_000, firstTokenMs: 20 });
    const { result } = await collect(router, generationRequest({ llm: chain(['ollama', 'llama3']) }));
    expect(result.usage.provider).toBe('offline');
    expect(result.failedOver).toEqual([{ provider: 'ollama', model: 'llama3', reason: 'first_token_timeout' }]);
    expect(slow.runs[0].signal.aborted).toBe(true);
    expect(await metric('parley_llm_fallbacks_total')).toEqual([
      expect.objectContaining({ labels: expect.objectContaining({ reason: 'first_token_timeout' }) }),
    ]);
  });

  it('ends the turn with a typed error carrying the partial answer when a provider fails after streaming', async () => {
    const broken = new ScriptedProvider('ollama', async (run) => {
      run.onToken('We open');
      throw new Error('socket hang up');
    });
    const { router, logger } = setup([broken]);
    const tokens: string[] = [];
    const error = await router
      .generate(generationRequest({ llm: chain(['ollama', 'm']) }), { onToken: (t) => tokens.push(t) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({
      code: 'stream_interrupted',
      partialContent: 'We open',
      details: { provider: 'ollama', model: 'm', reason: 'connection_error' },
    });
    expect(tokens).toEqual(['We open']);
    expect(logger.warnings).toEqual([]);
  });

  it('ends the turn with a typed error when the overall timeout fires after text was streamed', async () => {
    const { router } = setup([new ScriptedProvider('ollama', hanging(['Partial']))], { overallMs: 30, firstTokenMs: 5_000 });
    const error = await router
      .generate(generationRequest({ llm: chain(['ollama', 'm']) }), { onToken: () => undefined })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'stream_interrupted', partialContent: 'Partial', details: { reason: 'timeout' } });
    expect((error as LlmError).message).toContain('timeout');
  });

  it('returns the partial answer as cancelled when the caller aborts, without falling back', async () => {
    const controller = new AbortController();
    const provider = new ScriptedProvider('ollama', hanging(['First', ' words']));
    const { router, logger } = setup([provider]);
    const pending = collect(router, generationRequest({ llm: chain(['ollama', 'm']), signal: controller.signal }));
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const { result } = await pending;
    expect(result).toMatchObject({ content: 'First words', finishReason: 'cancelled', failedOver: [] });
    expect(result.usage).toMatchObject({ provider: 'ollama', estimated: true });
    expect(logger.warnings).toEqual([]);
  });

  it('does not start a provider when the caller aborted before the turn', async () => {
    const controller = new AbortController();
    controller.abort();
    const provider = new ScriptedProvider('ollama', answering(['never']));
    const { router } = setup([provider]);
    const { result, tokens } = await collect(router, generationRequest({ llm: chain(['ollama', 'm']), signal: controller.signal }));
    expect(result).toMatchObject({ content: '', finishReason: 'cancelled' });
    expect(result.usage).toMatchObject({ inputTokens: 0, outputTokens: 0 });
    expect(tokens).toEqual([]);
    expect(provider.runs).toHaveLength(0);
  });

  it('pseudonymizes text for external providers and restores placeholders split across tokens', async () => {
    const openai = new ScriptedProvider('openai', async (run) => {
      const email = /\[EMAIL_1_[A-Z2-9]+\]/.exec(run.request.userMessage)?.[0] ?? 'no email placeholder';
      const name = /\[NAME_1_[A-Z2-9]+\]/.exec(run.request.userMessage)?.[0] ?? 'no name placeholder';
      return answering(['I will email ', email.slice(0, 5), email.slice(5), ' today, ', name.slice(0, 3), name.slice(3), '.'])(run);
    });
    const { router } = setup([openai]);
    const request = generationRequest({
      llm: chain(['openai', 'gpt']),
      userMessage: 'I am Zoë, mail zoe@example.com or call 07700 900123',
      history: [{ role: 'user', content: 'earlier: zoe@example.com' }],
      knownNames: ['Zoë'],
    });
    const { result, tokens } = await collect(router, request);
    const seen = openai.runs[0].request;
    expect(seen.userMessage).not.toMatch(/zoe@example\.com|07700|Zoë/);
    expect(seen.history[0].content).not.toContain('zoe@example.com');
    expect(result.content).toBe('I will email zoe@example.com today, Zoë.');
    expect(tokens.join('')).toBe(result.content);
  });

  it('gives local providers the raw text', async () => {
    const ollama = new ScriptedProvider('ollama', answering(['ok']));
    const { router } = setup([ollama]);
    await collect(router, generationRequest({ llm: chain(['ollama', 'm']), userMessage: 'mail zoe@example.com' }));
    expect(ollama.runs[0].request.userMessage).toBe('mail zoe@example.com');
  });

  it('lets two routers share one registry', () => {
    const registry = new Registry();
    const logger = new RecordingLogger();
    expect(() => {
      createLlmRouter(CONFIG, { logger, metrics: { registry } });
      createLlmRouter(CONFIG, { logger, metrics: { registry } });
      createLlmRouter(CONFIG, { logger });
      createLlmRouter(CONFIG, { logger });
    }).not.toThrow();
  });
});
