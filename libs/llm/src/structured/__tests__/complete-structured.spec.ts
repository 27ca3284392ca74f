// Test-only: the mock OpenAI-compatible server lives in libs/testing, which the infra layer rule
// does not list for type:infra (the lint config exempts spec files from the testing-import ban only).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startMockLlm, type MockLlm } from '@parley/testing';
import { Registry } from 'prom-client';
import { z } from 'zod';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import { RecordingLogger } from '../../router/__tests__/test-providers';
import { completeStructured, extractJsonObject } from '../complete-structured';

const API_KEY = 'sk-test-structured';
const schema = z.object({ name: z.string().nullable(), email: z.string().nullable(), intent: z.enum(['booking', 'other']) });
const SYSTEM = 'Extract the customer details. Answer with JSON {"name","email","intent"} only.';

describe('completeStructured', () => {
  let mock: MockLlm;

  beforeAll(async () => {
    mock = await startMockLlm({ apiKey: API_KEY, models: ['mock-chat'] });
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  function router() {
    const config: LlmConfig = {
      openai: { apiKey: API_KEY, baseUrl: mock.url },
      gemini: {},
      ollama: {},
      llamacpp: {},
      timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
      embedding: { provider: 'none' },
    };
    return createLlmRouter(config, { logger: new RecordingLogger(), metrics: { registry: new Registry() } });
  }
  const openai = { primary: { provider: 'openai' as const, model: 'mock-chat' }, fallbacks: [] };

  it('returns the validated JSON; the email never reaches the model and comes back restored', async () => {
    // The model echoes the placeholder it was given, inside prose and a code fence.
    mock.setResponder((req) => {
      const user = String(req.messages.at(-1)?.content ?? '');
      const placeholder = /\[EMAIL_[^\]]+\]/.exec(user)?.[0] ?? 'none';
      return { type: 'text', text: `Here you go:\n\`\`\`json\n{"name": "Dave", "email": "${placeholder}", "intent": "booking"}\n\`\`\`` };
    });
    const result = await completeStructured(router(), {
      tenantId: '4f1c2b9e-5d6a-4e7b-8c9d-0e1f2a3b4c5d',
      llm: openai,
      system: SYSTEM,
      text: "I'm Dave, book me in, dave.smith@example.com",
      schema,
      signal: new AbortController().signal,
    });
    expect(result.value).toEqual({ name: 'Dave', email: 'dave.smith@example.com', intent: 'booking' });
    expect(result.usage.provider).toBe('openai');
    const sent = JSON.stringify(mock.requests[0].body);
    expect(sent).not.toContain('dave.smith@example.com');
    const body = mock.requests[0].body as { messages: Array<{ role: string; content: string }> };
    expect(body.messages[0]).toEqual({ role: 'system', content: SYSTEM });
  });

  it('rejects an answer that does not match the schema', async () => {
    mock.enqueue({ type: 'text', text: '{"name": "Dave", "intent": "gossip"}' });
    await expect(
      completeStructured(router(), {
        tenantId: '4f1c2b9e-5d6a-4e7b-8c9d-0e1f2a3b4c5d',
        llm: openai,
        system: SYSTEM,
        text: 'hi',
        schema,
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ code: 'provider_error', message: expect.stringContaining('email') });
  });

  it('never falls back to the offline responder: with no model the task fails', async () => {
    await expect(
      completeStructured(router(), {
        tenantId: '4f1c2b9e-5d6a-4e7b-8c9d-0e1f2a3b4c5d',
        llm: { primary: { provider: 'offline', model: 'retrieval' }, fallbacks: [] },
        system: SYSTEM,
        text: 'hi',
        schema,
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ name: 'LlmError' });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('extractJsonObject', () => {
  it('finds the first balanced object, braces inside strings included', () => {
    expect(extractJsonObject('x {"a": "}{", "b": {"c": 1}} trailing {"d": 2}')).toEqual({ a: '}{', b: { c: 1 } });
  });

  it.each([['no object here'], ['{"a": 1'], ['{"a": tru}']])('refuses %j', (text) => {
    expect(() => extractJsonObject(text)).toThrow(/JSON/);
  });
});
