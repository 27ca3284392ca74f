import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import type { LlmConfig } from '../config/llm.config';
import { LlmError } from '../llm.errors';
import { buildPromptMessages } from '../prompt/prompt-messages';
import { EXTERNAL_PROVIDERS } from './external-providers';
import { streamChatModel } from './langchain-stream';
import type { LlmProvider, ProviderOutput, ProviderRun } from './provider.types';

/** Google Gemini through LangChain; the system prompt becomes Gemini's system instruction. */
export class GeminiProvider implements LlmProvider {
  readonly kind = 'gemini' as const;
  private readonly models = new Map<string, ChatGoogleGenerativeAI>();

  constructor(private readonly config: LlmConfig['gemini']) {}

  async generate(run: ProviderRun): Promise<ProviderOutput> {
    const { apiKey, baseUrl } = this.config;
    if (!apiKey)
      throw new LlmError('not_configured', 'the gemini provider needs GEMINI_API_KEY', { provider: this.kind, model: run.model });
    const key = `${run.model}\u0000${run.request.maxOutputTokens ?? ''}`;
    let model = this.models.get(key);
    if (model === undefined) {
      model = new ChatGoogleGenerativeAI({
        model: run.model,
        apiKey,
        baseUrl,
        streaming: true,
        streamUsage: true,
        maxRetries: 0,
        maxOutputTokens: run.request.maxOutputTokens,
      });
      guardStreamResponses(model);
      this.models.set(key, model);
    }
    return streamChatModel(model, buildPromptMessages(run.request, { pseudonymized: EXTERNAL_PROVIDERS.has(this.kind) }), run);
  }
}

interface GenerateContentStreamResult {
  response: Promise<unknown>;
}
interface GoogleGenerativeModel {
  generateContentStream(...args: unknown[]): Promise<GenerateContentStreamResult>;
}

/**
 * @google/generative-ai's generateContentStream returns `{ stream, response }`, where `response`
 * is a second promise over the same bytes. LangChain reads only `stream`, so when the stream
 * fails (a disconnect aborts it, the network drops) `response` rejects with nobody listening: an
 * unhandled rejection, which ends a Parley service process. The failure still reaches us
 * through `stream`; here the duplicate is observed and dropped. `client` is private in
 * ChatGoogleGenerativeAI's typings, hence the cast; if a future version renames it, this
 * fails loudly at the first turn instead of silently.
 */
function guardStreamResponses(model: ChatGoogleGenerativeAI): void {
  const holder = model as unknown as { client?: GoogleGenerativeModel };
  const client = holder.client;
  if (client === undefined || typeof client.generateContentStream !== 'function') {
    throw new Error('ChatGoogleGenerativeAI no longer exposes client.generateContentStream; review guardStreamResponses');
  }
  const original = client.generateContentStream.bind(client);
  client.generateContentStream = async (...args: unknown[]) => {
    const result = await original(...args);
    result.response.catch(() => undefined);
    return result;
  };
}
