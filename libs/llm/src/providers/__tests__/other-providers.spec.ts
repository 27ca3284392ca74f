import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { generationRequest } from '../../__tests__/generation-request.fixture';
import type { LlmConfig } from '../../config/llm.config';
import { createLlmRouter } from '../../create-llm-router';
import type { GenerationRequest } from '../../generation/generation.types';
import { RecordingLogger } from '../../router/__tests__/test-providers';
import { LlamaCppProvider } from '../llamacpp.provider';
import type { LlmProvider } from '../provider.types';

// Gemini, Ollama and llama.cpp without their servers or a GGUF model: what is checked here is
// that each one fails cleanly (not configured, unreachable, missing model file) and the chain
// moves on. Real generation with them is not exercised by these tests.

const BASE: LlmConfig = {
  openai: {},
  gemini: {},
  ollama: {},
  llamacpp: {},
  timeouts: { overallMs: 10_000, firstTokenMs: 10_000 },
  embedding: { provider: 'none' },
};

/** A loopback URL nothing listens on (a port that was just bound and released). */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function setup(config: Partial<LlmConfig>, providers: LlmProvider[] = []) {
  const logger = new RecordingLogger();
  const router = createLlmRouter({ ...BASE, ...config }, { logger, metrics: { registry: new Registry() }, providers });
  return { router, logger };
}

const only = (provider: GenerationRequest['llm']['primary']['provider'], model: string): GenerationRequest['llm'] => ({
  primary: { provider, model },
  fallbacks: [],
});

async function answer(router: ReturnType<typeof setup>['router'], llm: GenerationRequest['llm']) {
  const tokens: string[] = [];
  const result = await router.generate(generationRequest({ llm, userMessage: 'Are you open on Saturdays?' }), {
    onToken: (t) => tokens.push(t),
  });
  expect(tokens.join('')).toBe(result.content);
  return result;
}

describe('gemini, ollama and llamacpp providers without a server', () => {
  it.each([
    ['gemini', 'gemini-2.0-flash'],
    ['ollama', 'llama3.2'],
    ['llamacpp', 'local'],
  ] as const)('%s without settings fails as not_configured and the offline responder answers', async (provider, model) => {
    const { router, logger } = setup({});
    const result = await answer(router, only(provider, model));
    expect(result.failedOver).toEqual([{ provider, model, reason: 'not_configured' }]);
    expect(result.content).toBe('On Saturdays we open 9am to 1pm.');
    expect(logger.warnings.map((w) => w.fields.reason)).toEqual(['not_configured']);
  });

  it('ollama: connection refused falls back', async () => {
    const { router } = setup({ ollama: { baseUrl: await refusedUrl() } });
    const result = await answer(router, only('ollama', 'llama3.2'));
    expect(result.failedOver).toEqual([{ provider: 'ollama', model: 'llama3.2', reason: 'connection_error' }]);
    expect(result.usage.provider).toBe('offline');
  });

  it('gemini: connection refused falls back', async () => {
    const { router } = setup({ gemini: { apiKey: 'test-key', baseUrl: await refusedUrl() } });
    const result = await answer(router, only('gemini', 'gemini-2.0-flash'));
    expect(result.failedOver).toEqual([{ provider: 'gemini', model: 'gemini-2.0-flash', reason: 'connection_error' }]);
    expect(result.usage.provider).toBe('offline');
  });

  it('llamacpp: a GGUF path that does not exist is a clear error, node-llama-cpp is never loaded, and the chain moves on', async () => {
    const loads: string[] = [];
    const missing = join(tmpdir(), 'parley-no-such-model.gguf');
    const provider = new LlamaCppProvider({ modelPath: missing }, async (specifier) => {
      loads.push(specifier);
      throw new Error('must not be loaded');
    });
    const { router, logger } = setup({}, [provider]);
    const result = await answer(router, {
      primary: { provider: 'llamacpp', model: 'local' },
      fallbacks: [{ provider: 'ollama', model: 'x' }],
    });
    expect(result.failedOver).toEqual([
      { provider: 'llamacpp', model: 'local', reason: 'provider_error' },
      { provider: 'ollama', model: 'x', reason: 'not_configured' },
    ]);
    expect(logger.warnings[0].fields.error).toBe(`LlmError: LLAMACPP_MODEL_PATH ${missing} is not a readable GGUF file`);
    expect(loads).toEqual([]);
  });

  it('llamacpp: a file node-llama-cpp cannot load fails with the loader error, then is retried on the next turn', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-gguf-'));
    const path = join(dir, 'broken.gguf');
    await writeFile(path, 'not a gguf file');
    const loads: string[] = [];
    const provider = new LlamaCppProvider({ modelPath: path }, async (specifier) => {
      loads.push(specifier);
      throw new Error('Cannot find native binding');
    });
    const { router, logger } = setup({}, [provider]);
    try {
      await answer(router, only('llamacpp', 'local'));
      await answer(router, only('llamacpp', 'local'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(loads).toEqual(['node-llama-cpp', 'node-llama-cpp']);
    expect(logger.warnings.map((w) => w.fields.error)).toEqual([
      'LlmError: could not load the GGUF model at LLAMACPP_MODEL_PATH: Cannot find native binding',
      'LlmError: could not load the GGUF model at LLAMACPP_MODEL_PATH: Cannot find native binding',
    ]);
  });
});
