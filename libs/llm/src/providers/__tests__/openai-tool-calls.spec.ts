// Test-only: the mock OpenAI-compatible server lives in libs/testing (see openai.provider.spec.ts).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMockLlm, type MockChatRequest, type MockLlm } from '@parley/testing';
import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { GenerationRequest, ModelToolSpec } from '../../generation/generation.types';
import { RecordingLogger } from '../../router/__tests__/test-providers';

// Tool calling through the openai provider over real HTTP: bindTools sends the tools, the
// streamed tool_call chunks are gathered, the visible text still streams token by token.
const TOOLS: ModelToolSpec[] = [
  {
    name: 'request_callback',
    description: 'Ask the team to call the visitor back.',
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { phone: { type: 'string' }, when: { type: 'string' } },
      required: ['phone'],
    },
  },
  {
    name: 'log_event',
    description: 'Note something for the team.',
    parameters: { type: 'object', properties: { kind: { type: 'string' }, details: { type: 'string' } }, required: ['kind', 'details'] },
  },
];

describe('openai provider tool calls (mock OpenAI-compatible server)', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ apiKey: 'sk-test' });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  function router(timeouts: LlmConfig['timeouts'] = { overallMs: 10_000, firstTokenMs: 10_000 }) {
    const config: LlmConfig = {
      openai: { apiKey: 'sk-test', baseUrl: mock.url },
      gemini: {},
      ollama: {},
      llamacpp: {},
      timeouts,
      embedding: { provider: 'none' },
    };
    return createLlmRouter(config, { logger: new RecordingLogger(), metrics: { registry: new Registry() } });
  }

  const request = (overrides: Partial<GenerationRequest> = {}) =>
    generationRequest({ llm: { primary: { provider: 'openai', model: 'mock-chat' }, fallbacks: [] }, tools: TOOLS, ...overrides });

  it('binds the tools, streams the text and returns the calls with their arguments', async () => {
    mock.enqueue({
      type: 'tool_calls',
      text: 'I will ask the team to call you.',
      toolCalls: [
        { id: 'call_a', name: 'request_callback', arguments: { phone: '020 7946 0000', when: 'tomorrow' } },
        { id: 'call_b', name: 'log_event', arguments: { kind: 'complaint', details: 'late engineer' } },
      ],
    });
    const tokens: string[] = [];
    const result = await router().generate(request(), { onToken: (t) => tokens.push(t) });

    expect(tokens.join('')).toBe('I will ask the team to call you.');
    expect(tokens.length).toBeGreaterThan(3);
    expect(result.content).toBe('I will ask the team to call you.');
    expect(result.toolCalls).toEqual([
      { id: 'call_a', name: 'request_callback', args: { phone: '020 7946 0000', when: 'tomorrow' } },
      { id: 'call_b', name: 'log_event', args: { kind: 'complaint', details: 'late engineer' } },
    ]);
    const sent = mock.requests[0].body as MockChatRequest;
    expect(sent.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'request_callback',
          description: TOOLS[0].description,
          parameters: { type: 'object', properties: { phone: { type: 'string' }, when: { type: 'string' } }, required: ['phone'] },
        },
      },
      expect.objectContaining({ type: 'function', function: expect.objectContaining({ name: 'log_event' }) }),
    ]);
    const system = sent.messages[0].content as string;
    expect(system).toContain('request_callback, log_event');
  });

  it('restores the pseudonymized phone number in the arguments', async () => {
    // A second mock whose responder answers with whatever placeholder the visitor's phone became in the prompt.
    let seen = '';
    const tagged = await startMockLlm({
      apiKey: 'sk-test',
      responder: (body) => {
        const last = body.messages[body.messages.length - 1];
        seen = String(last.content);
        const placeholder = /\[PHONE_1_[A-Z0-9]+\]/.exec(seen)?.[0] ?? 'none';
        return { type: 'tool_calls', text: 'Noted.', toolCalls: [{ name: 'request_callback', arguments: { phone: placeholder } }] };
      },
    });
    try {
      const config: LlmConfig = {
        openai: { apiKey: 'sk-test', baseUrl: tagged.url },
        gemini: {},
        ollama: {},
        llamacpp: {},
        timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
        embedding: { provider: 'none' },
      };
      const r = createLlmRouter(config, { logger: new RecordingLogger(), metrics: { registry: new Registry() } });
      const result = await r.generate(request({ userMessage: 'please call me on 07700 900123' }), { onToken: () => undefined });
      expect(seen).not.toContain('07700 900123');
      expect(result.toolCalls).toEqual([{ id: expect.any(String), name: 'request_callback', args: { phone: '07700 900123' } }]);
    } finally {
      await tagged.close();
    }
  });

  it('reports arguments that are not a JSON object as null', async () => {
    mock.enqueue({ type: 'tool_calls', toolCalls: [{ name: 'log_event', arguments: '{"kind": "x", "details' }] });
    const result = await router().generate(request(), { onToken: () => undefined });
    expect(result.content).toBe('');
    expect(result.toolCalls).toEqual([{ id: expect.any(String), name: 'log_event', args: null }]);
  });

  it('does not time out a model that streams only tool-call arguments for longer than the first-token limit', async () => {
    mock.enqueue({
      type: 'tool_calls',
      toolCalls: [{ name: 'log_event', arguments: { kind: 'feedback', details: 'a fairly long piece of detail text for pacing' } }],
      latency: { interTokenDelayMs: 40 },
    });
    const result = await router({ overallMs: 10_000, firstTokenMs: 150 }).generate(request(), { onToken: () => undefined });
    expect(result.toolCalls?.[0]).toMatchObject({ name: 'log_event', args: { kind: 'feedback' } });
  });

  it('binds the tools to a tool_choice task (its own system prompt, no visitor prompt) but not to a structured task', async () => {
    const task = (kind: 'structured' | 'tool_choice') =>
      request({ userMessage: 'pause Bob', task: { kind, system: 'Route the request.' } });
    mock.enqueue({ type: 'tool_calls', toolCalls: [{ id: 'call_t', name: 'log_event', arguments: { kind: 'x', details: 'y' } }] });
    const chosen = await router().generate(task('tool_choice'), { onToken: () => undefined });
    expect(chosen.toolCalls).toEqual([{ id: 'call_t', name: 'log_event', args: { kind: 'x', details: 'y' } }]);
    const sent = mock.requests[0].body as MockChatRequest;
    expect(sent.messages.map((m) => [m.role, m.content])).toEqual([
      ['system', 'Route the request.'],
      ['user', 'pause Bob'],
    ]);
    expect(sent.tools).toHaveLength(TOOLS.length);

    mock.enqueue({ type: 'text', text: '{}' });
    await router().generate(task('structured'), { onToken: () => undefined });
    expect((mock.requests[1].body as MockChatRequest).tools).toBeUndefined();
  });

  it('sends no tools and returns no calls when none are given', async () => {
    mock.enqueue({ type: 'text', text: 'Hello.' });
    const result = await router().generate(request({ tools: undefined }), { onToken: () => undefined });
    expect((mock.requests[0].body as MockChatRequest).tools).toBeUndefined();
    expect(result.toolCalls).toBeUndefined();
  });
});
