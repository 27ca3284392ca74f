import { usageOf } from './mock-llm.answer';
import { dropConnection, type ExchangeContext, hang, sendFailureStatus } from './mock-llm.exchange';
import { countEmbeddingTokens, embeddingTexts, mockEmbedding, toBase64Embedding } from './mock-llm.embeddings';
import { openAiError, sendJson, sleep } from './mock-llm.http';
import type { MockEmbeddingsResponse, MockLatency } from './mock-llm.types';

export interface EmbeddingsSettings {
  dimension: number;
  defaultModel: string;
  defaultLatency: MockLatency;
}

/** POST /v1/embeddings: one deterministic unit vector per input, as floats or base64. */
export async function answerEmbeddings(
  ctx: ExchangeContext,
  body: Record<string, unknown>,
  response: MockEmbeddingsResponse,
  settings: EmbeddingsSettings,
): Promise<void> {
  const texts = embeddingTexts(body.input);
  if (texts === null) {
    const message = "'input' must be a non-empty string, array of strings, or array of token arrays";
    return sendBadRequest(ctx, message, 'input');
  }
  const dimension = body.dimensions ?? settings.dimension;
  if (typeof dimension !== 'number' || !Number.isInteger(dimension) || dimension < 1) {
    return sendBadRequest(ctx, "'dimensions' must be a positive integer", 'dimensions');
  }
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64')
    return sendBadRequest(ctx, "'encoding_format' must be 'float' or 'base64'", 'encoding_format');

  if (response.type === 'error') return sendFailureStatus(ctx, response, settings.defaultLatency);
  if (!(await sleep(response.latency?.firstTokenDelayMs ?? settings.defaultLatency.firstTokenDelayMs ?? 0, ctx.signal))) return;
  if (response.type === 'drop') return dropConnection(ctx);
  if (response.type === 'hang') return hang(ctx);

  const tokens = countEmbeddingTokens(body.input);
  const usage = usageOf(tokens, 0);
  sendJson(ctx.res, 200, {
    object: 'list',
    data: texts.map((text, index) => {
      const vector = mockEmbedding(text, dimension);
      return { object: 'embedding', index, embedding: format === 'base64' ? toBase64Embedding(vector) : vector };
    }),
    model: typeof body.model === 'string' && body.model.length > 0 ? body.model : settings.defaultModel,
    usage: { prompt_tokens: usage.prompt_tokens, total_tokens: usage.total_tokens },
  });
  ctx.recorder.event(ctx.request, 'done');
  ctx.recorder.settle(ctx.request, 'completed');
}

export function sendBadRequest(ctx: ExchangeContext, message: string, param: string | null = null, code: string | null = null): void {
  const body = openAiError(message, 'invalid_request_error', code);
  body.error.param = param;
  ctx.recorder.event(ctx.request, 'error');
  sendJson(ctx.res, 400, body);
  ctx.recorder.settle(ctx.request, 'failed');
}
