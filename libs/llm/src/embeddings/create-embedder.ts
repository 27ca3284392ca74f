import type { Embeddings } from '@langchain/core/embeddings';
import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingConfig } from '../config/llm.config';
import type { Embedder } from '../generation/generation.types';
import { createUndiciFetch } from '../providers/undici-fetch';
import { padVector } from './pad-vector.util';

/** Width of knowledge_chunks.embedding (pgvector); shorter vectors are zero-padded. */
export const EMBEDDING_DIMENSIONS = 1536;

export class EmbeddingConfigError extends Error {
  override readonly name = 'EmbeddingConfigError';
}

/**
 * The knowledge embedder, or null when EMBEDDING_PROVIDER=none (retrieval is then full-text
 * only). `openai`: any OpenAI-compatible /v1/embeddings endpoint; `ollama`: Ollama's native API.
 * Vectors are zero-padded to 1536 (cosine similarity is unchanged by zero padding); a model
 * with wider vectors is refused with a clear error on its first answer.
 * An aborted signal rejects the call at once; LangChain's embedding classes take no per-call
 * signal, so the HTTP request itself runs to its end (embedding calls are short) and is dropped.
 */
export function createEmbedder(config: EmbeddingConfig): Embedder | null {
  switch (config.provider) {
    case 'none':
      return null;
    case 'openai': {
      const { apiKey, baseUrl, model } = config;
      if (!apiKey) throw new EmbeddingConfigError('EMBEDDING_PROVIDER=openai needs EMBEDDING_API_KEY or OPENAI_API_KEY');
      if (!model) throw new EmbeddingConfigError('EMBEDDING_PROVIDER=openai needs EMBEDDING_MODEL');
      // The SDK's requests over undici's request API, as the chat models' (see createUndiciFetch).
      const fetch = createUndiciFetch() as unknown as typeof globalThis.fetch;
      return new LangChainEmbedder(
        model,
        new OpenAIEmbeddings({ model, apiKey, maxRetries: 0, configuration: { baseURL: baseUrl, fetch } }),
      );
    }
    case 'ollama': {
      const { baseUrl, model } = config;
      if (!model) throw new EmbeddingConfigError('EMBEDDING_PROVIDER=ollama needs EMBEDDING_MODEL');
      return new LangChainEmbedder(model, new OllamaEmbeddings({ model, baseUrl, maxRetries: 0 }));
    }
  }
}

class LangChainEmbedder implements Embedder {
  readonly dimensions = EMBEDDING_DIMENSIONS;

  constructor(
    readonly model: string,
    private readonly client: Embeddings,
  ) {}

  async embedQuery(text: string, signal?: AbortSignal): Promise<number[]> {
    const vector = await abortable(() => this.client.embedQuery(text), signal);
    return padVector(vector, this.dimensions, this.model);
  }

  async embedDocuments(texts: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    if (texts.length === 0) return [];
    const vectors = await abortable(() => this.client.embedDocuments([...texts]), signal);
    return vectors.map((vector) => padVector(vector, this.dimensions, this.model));
  }
}

async function abortable<T>(start: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return start();
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    start()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
