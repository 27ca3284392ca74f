import type { ChatTurnCompleted } from '@parley/contracts';
import type { GenerationRequest, GenerationResult, LlmRouter } from '@parley/llm';
import { ModelExtractionService } from '../model-extraction.service';

// The model call's deadline and the consumer's signal: what reaches the router, and what is left behind.
const warnings: unknown[] = [];
const logger = { child: () => ({ debug: () => undefined, warn: (fields: unknown) => warnings.push(fields) }) } as never;

const ANSWER = `{"customer":{"name":null,"email":null,"phone":null},"intent":"enquiry","sentiment":0,"products":[],"purchaseIntent":false,"preferences":[],"risk":{"urgent":false,"safety":false}}`;

const turn = { tenantId: 't1', turnId: 'turn-1', userText: 'Do you fix boilers?' } as ChatTurnCompleted;
const tenants = {
  runtime: () => Promise.resolve({ config: { llm: { primary: { provider: 'openai', model: 'm' }, fallbacks: [] } } } as never),
  modelExtractionSkipped: () => Promise.resolve(false),
};
const automatic = { skipModelExtraction: () => false };

/** A router that answers at once, or waits for its signal to abort and reports it as cancelled. */
function router(mode: 'answer' | 'wait', seen: AbortSignal[]): LlmRouter {
  return {
    generate: (request: GenerationRequest): Promise<GenerationResult> => {
      seen.push(request.signal);
      const result = (content: string, finishReason: GenerationResult['finishReason']): GenerationResult => ({
        content,
        finishReason,
        usage: { inputTokens: 1, outputTokens: 1, provider: 'openai', model: 'm', latencyMs: 1, estimated: false },
        unanswered: false,
        failedOver: [],
      });
      if (mode === 'answer') return Promise.resolve(result(ANSWER, 'stop'));
      if (request.signal.aborted) return Promise.resolve(result('', 'cancelled'));
      return new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(result('', 'cancelled')), { once: true }));
    },
  };
}

describe('ModelExtractionService deadline', () => {
  it('gives the router a live signal, and leaves no listener on the consumer signal once answered', async () => {
    const seen: AbortSignal[] = [];
    const consumer = new AbortController();
    const added = jest.spyOn(consumer.signal, 'addEventListener');
    const removed = jest.spyOn(consumer.signal, 'removeEventListener');
    const service = new ModelExtractionService(router('answer', seen), tenants, { llmTimeoutMs: 50 }, logger, automatic);
    expect(await service.extract(turn, consumer.signal)).toMatchObject({ intent: 'enquiry' });
    expect(seen[0].aborted).toBe(false);
    expect(added).toHaveBeenCalledTimes(1);
    expect(removed).toHaveBeenCalledWith('abort', added.mock.calls[0][1]);
    // The timer was cleared with the call: the signal the router had never aborts later.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(seen[0].aborted).toBe(false);
  });

  it('aborts the call with a TimeoutError after llmTimeoutMs and falls back to the deterministic extraction', async () => {
    const seen: AbortSignal[] = [];
    const service = new ModelExtractionService(router('wait', seen), tenants, { llmTimeoutMs: 30 }, logger, automatic);
    warnings.length = 0;
    expect(await service.extract(turn)).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(seen[0].aborted).toBe(true);
    expect(seen[0].reason).toMatchObject({ name: 'TimeoutError' });
  });

  it("aborts the call with the consumer's reason when the consumer's signal aborts, before or during the call", async () => {
    for (const early of [true, false]) {
      const seen: AbortSignal[] = [];
      const consumer = new AbortController();
      const reason = new Error('shutting down');
      if (early) consumer.abort(reason);
      const service = new ModelExtractionService(router('wait', seen), tenants, { llmTimeoutMs: 10_000 }, logger, automatic);
      const pending = service.extract(turn, consumer.signal);
      if (!early) setTimeout(() => consumer.abort(reason), 10);
      expect(await pending).toBeNull();
      expect(seen[0].reason).toBe(reason);
    }
  });
});
