import { ChatOpenAICompletions } from '@langchain/openai';
import type { LlmConfig } from '../config/llm.config';
import { LlmError } from '../llm.errors';
import { buildPromptMessages } from '../prompt/prompt-messages';
import { EXTERNAL_PROVIDERS } from './external-providers';
import { streamChatModel } from './langchain-stream';
import { createUndiciFetch, type UndiciFetch } from './undici-fetch';
import type { LlmProvider, ProviderOutput, ProviderRun } from './provider.types';

/**
 * Any OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp server, Ollama /v1, LM Studio) through
 * LangChain's Chat Completions model: ChatOpenAI would switch some model names to the Responses
 * API, which OpenAI-compatible servers rarely implement. Streams with `stream_options.include_usage`
 * so the provider's token counts arrive. No SDK retries: the router's fallback is the retry.
 */
export class OpenAiProvider implements LlmProvider {
  readonly kind = 'openai' as const;
  // One client per model and output limit, so connections are kept alive between turns.
  private readonly models = new Map<string, ChatOpenAICompletions>();
  // One HTTP client (undici's keep-alive pool) for all of them: undici's request API instead of the global fetch (see createUndiciFetch).
  private readonly fetch: UndiciFetch = createUndiciFetch();

  constructor(private readonly config: LlmConfig['openai']) {}

  async generate(run: ProviderRun): Promise<ProviderOutput> {
    const { apiKey, baseUrl } = this.config;
    if (!apiKey)
      throw new LlmError('not_configured', 'the openai provider needs OPENAI_API_KEY', { provider: this.kind, model: run.model });
    const key = `${run.model}\u0000${run.request.maxOutputTokens ?? ''}`;
    let model = this.models.get(key);
    if (model === undefined) {
      model = new ChatOpenAICompletions({
        model: run.model,
        apiKey,
        configuration: { baseURL: baseUrl, fetch: this.fetch as unknown as typeof fetch },
        streaming: true,
        streamUsage: true,
        maxRetries: 0,
        maxTokens: run.request.maxOutputTokens,
      });
      this.models.set(key, model);
    }
    return streamChatModel(model, buildPromptMessages(run.request, { pseudonymized: EXTERNAL_PROVIDERS.has(this.kind) }), run);
  }
}
