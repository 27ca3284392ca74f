import { ChatOllama } from '@langchain/ollama';
import type { LlmConfig } from '../config/llm.config';
import { LlmError } from '../llm.errors';
import { buildPromptMessages } from '../prompt/prompt-messages';
import { EXTERNAL_PROVIDERS } from './external-providers';
import { streamChatModel } from './langchain-stream';
import type { LlmProvider, ProviderOutput, ProviderRun } from './provider.types';

/** Ollama's native API through LangChain; a ChatOllama per turn, its fetch bound to the turn's signal. */
export class OllamaProvider implements LlmProvider {
  readonly kind = 'ollama' as const;

  constructor(private readonly config: LlmConfig['ollama']) {}

  async generate(run: ProviderRun): Promise<ProviderOutput> {
    const { baseUrl } = this.config;
    if (!baseUrl)
      throw new LlmError('not_configured', 'the ollama provider needs OLLAMA_BASE_URL', { provider: this.kind, model: run.model });
    // ChatOllama does not hand the signal to its HTTP client (it checks it only when a chunk
    // arrives), so the run's signal is bound into fetch itself: a disconnect or a timeout closes
    // the request even while the server has not answered at all.
    const signal = run.signal;
    const boundFetch: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    const model = new ChatOllama({
      model: run.model,
      baseUrl,
      numPredict: run.request.maxOutputTokens,
      maxRetries: 0,
      checkOrPullModel: false,
      fetch: boundFetch,
    });
    return streamChatModel(model, buildPromptMessages(run.request, { pseudonymized: EXTERNAL_PROVIDERS.has(this.kind) }), run);
  }
}
