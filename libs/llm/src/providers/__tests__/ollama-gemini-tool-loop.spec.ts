import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { DataToolCall, GenerationRequest, ModelToolSpec } from '../../generation/generation.types';
import { RecordingLogger } from '../../router/__tests__/test-providers';
import { startFakeGemini, startFakeOllama, type FakeAnswer, type FakeServer } from './fake-provider-servers';

// The data-tool loop through LangChain's Ollama and Gemini clients over real HTTP: the tool
// round's AIMessage and ToolMessage reach each API in its own wire format.
const BASE: LlmConfig = {
  openai: {},
  gemini: {},
  ollama: {},
  llamacpp: {},
  timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
  embedding: { provider: 'none' },
};
const ORDER_STATUS: ModelToolSpec = {
  name: 'order_status',
  description: 'Look up an order.',
  parameters: { type: 'object', properties: { order_number: { type: 'string' }, email: { type: 'string' } }, required: ['order_number'] },
};
const RESULT = { order: { orderNumber: '1001', status: 'shipped', contactEmail: 'zoe@example.com' } };

/** First request: the tool call (the email as the prompt had it); later requests: the answer. */
function script(email: (body: unknown) => string): (body: unknown) => FakeAnswer {
  let round = 0;
  return (body) => {
    round += 1;
    return round === 1
      ? { tokens: [], toolCalls: [{ name: 'order_status', args: { order_number: '1001', email: email(body) } }] }
      : { tokens: ['It', ' has', ' shipped.'], usage: { input: 50, output: 3 } };
  };
}

async function run(server: FakeServer, llm: GenerationRequest['llm'], config: Partial<LlmConfig>) {
  const calls: DataToolCall[] = [];
  const router = createLlmRouter({ ...BASE, ...config }, { logger: new RecordingLogger(), metrics: { registry: new Registry() } });
  const result = await router.generate(
    generationRequest({
      llm,
      userMessage: 'Where is order 1001? I am zoe@example.com',
      dataTools: [ORDER_STATUS],
      runTool: async (call) => {
        calls.push(call);
        return { ok: true, result: RESULT };
      },
    }),
    { onToken: () => undefined },
  );
  return { result, calls };
}

describe('data-tool loop over ollama (loopback /api/chat)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeOllama();
  });
  afterAll(() => server.close());

  it('runs the call and sends the result back as a tool message', async () => {
    server.answer = script(() => 'zoe@example.com');
    const { result, calls } = await run(
      server,
      { primary: { provider: 'ollama', model: 'llama3.2' }, fallbacks: [] },
      {
        ollama: { baseUrl: server.url },
      },
    );
    expect(calls).toEqual([{ id: expect.any(String), name: 'order_status', args: { order_number: '1001', email: 'zoe@example.com' } }]);
    expect(server.calls).toHaveLength(2);
    const messages = (server.calls[1].body as { messages: { role: string; content: string; tool_calls?: unknown[] }[] }).messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(messages[2].tool_calls).toHaveLength(1);
    expect(messages[3].content).toContain('<tool_result name="order_status">');
    // Ollama is local: the result goes as it is.
    expect(messages[3].content).toContain('zoe@example.com');
    expect(result.content).toBe('It has shipped.');
  });
});

describe('data-tool loop over gemini (loopback streamGenerateContent)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeGemini();
  });
  afterAll(() => server.close());

  it('runs the call with the restored email and sends the pseudonymized result as a functionResponse', async () => {
    // The system prompt's own example is [EMAIL_1_AB12]; the visitor's placeholder has the turn's tag.
    server.answer = script(
      (body) => [...JSON.stringify(body).matchAll(/\[EMAIL_1_[A-Z0-9]+\]/g)].map((m) => m[0]).find((p) => p !== '[EMAIL_1_AB12]') ?? 'none',
    );
    const { result, calls } = await run(
      server,
      { primary: { provider: 'gemini', model: 'gemini-2.0-flash' }, fallbacks: [] },
      {
        gemini: { apiKey: 'g-test', baseUrl: server.url },
      },
    );
    expect(calls).toEqual([{ id: expect.any(String), name: 'order_status', args: { order_number: '1001', email: 'zoe@example.com' } }]);
    expect(server.calls).toHaveLength(2);
    const second = JSON.stringify(server.calls[1].body);
    expect(second).toContain('functionCall');
    expect(second).toContain('functionResponse');
    expect(second).toContain('tool_result name=\\"order_status\\"');
    expect(second).not.toContain('zoe@example.com');
    expect(result.content).toBe('It has shipped.');
  });
});
