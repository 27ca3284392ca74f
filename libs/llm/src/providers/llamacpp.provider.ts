import { access, constants } from 'node:fs/promises';
import type { ChatHistoryItem, LlamaModel } from 'node-llama-cpp';
import type { LlmConfig } from '../config/llm.config';
import { LlmError } from '../llm.errors';
import { buildPromptMessages } from '../prompt/prompt-messages';
import type { LlmProvider, ProviderOutput, ProviderRun } from './provider.types';

type NodeLlamaCpp = typeof import('node-llama-cpp');

// node-llama-cpp is ES-module only. The CommonJS build would turn `import()` into `require()`,
// so the real dynamic import is kept out of the compiler's reach. It runs only when a tenant
// actually uses llamacpp (the native binding is large and slow to load).
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<NodeLlamaCpp>;

/** Context window of each turn's context (tokens); the model's own maximum when smaller. */
const CONTEXT_SIZE = 4096;

/**
 * A GGUF model run in-process by node-llama-cpp. The model is loaded once, on first use, and
 * shared; each turn gets its own context (disposed afterwards) so turns never see each other's
 * conversation. Token counts come from the model's own tokenizer. An unset LLAMACPP_MODEL_PATH
 * fails with `not_configured`, a path that is not a readable file with `provider_error` naming
 * it, both before node-llama-cpp is imported.
 */
export class LlamaCppProvider implements LlmProvider {
  readonly kind = 'llamacpp' as const;
  private model: Promise<{ lib: NodeLlamaCpp; model: LlamaModel }> | undefined;

  constructor(
    private readonly config: LlmConfig['llamacpp'],
    private readonly load: (specifier: string) => Promise<NodeLlamaCpp> = importEsm,
  ) {}

  async generate(run: ProviderRun): Promise<ProviderOutput> {
    const { lib, model } = await this.loadModel(run.model);
    // No tool calling here: the prompt must not offer the data tools either.
    const [system, ...rest] = buildPromptMessages({ ...run.request, dataTools: undefined }, { pseudonymized: false });
    const user = rest.pop();
    const history: ChatHistoryItem[] = [
      { type: 'system', text: system.content },
      ...rest.map((m): ChatHistoryItem =>
        m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: 'user', text: m.content },
      ),
    ];
    const context = await model.createContext({ contextSize: { max: CONTEXT_SIZE } });
    try {
      const session = new lib.LlamaChatSession({ contextSequence: context.getSequence() });
      session.setChatHistory(history);
      let content = '';
      const { responseText, stopReason } = await session.promptWithMeta(user?.content ?? '', {
        signal: run.signal,
        stopOnAbortSignal: true,
        maxTokens: run.request.maxOutputTokens,
        onTextChunk: (text) => {
          content += text;
          run.onToken(text);
        },
      });
      const prompt = [system.content, ...rest.map((m) => m.content), user?.content ?? ''];
      return {
        content: responseText.length >= content.length ? responseText : content,
        finishReason: run.signal.aborted ? 'cancelled' : stopReason === 'maxTokens' ? 'length' : 'stop',
        usage: {
          inputTokens: prompt.reduce((sum, text) => sum + model.tokenize(text).length, 0),
          outputTokens: model.tokenize(content).length,
        },
        promptTexts: prompt,
      };
    } finally {
      await context.dispose();
    }
  }

  private async loadModel(modelName: string): Promise<{ lib: NodeLlamaCpp; model: LlamaModel }> {
    const { modelPath } = this.config;
    if (!modelPath)
      throw new LlmError('not_configured', 'the llamacpp provider needs LLAMACPP_MODEL_PATH (a GGUF file)', {
        provider: this.kind,
        model: modelName,
      });
    try {
      await access(modelPath, constants.R_OK);
    } catch (cause) {
      throw new LlmError('provider_error', `LLAMACPP_MODEL_PATH ${modelPath} is not a readable GGUF file`, {
        provider: this.kind,
        model: modelName,
        cause,
      });
    }
    this.model ??= (async () => {
      const lib = await this.load('node-llama-cpp');
      const llama = await lib.getLlama();
      return { lib, model: await llama.loadModel({ modelPath }) };
    })();
    try {
      return await this.model;
    } catch (cause) {
      this.model = undefined; // a fixed file is picked up on the next turn
      throw new LlmError(
        'provider_error',
        `could not load the GGUF model at LLAMACPP_MODEL_PATH: ${cause instanceof Error ? cause.message : String(cause)}`,
        {
          provider: this.kind,
          model: modelName,
          cause,
        },
      );
    }
  }
}
