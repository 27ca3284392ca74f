import type { LlmChoice, LlmProviderKind } from '@parley/contracts';
import type { GenerationCallbacks, GenerationRequest, GenerationResult, LlmRouter } from '../generation/generation.types';
import { LlmError } from '../llm.errors';
import type { LlmProvider, ProviderOutput } from '../providers/provider.types';
import { estimateTokens, estimateTokensOf } from '../usage/token-estimate.util';
import type { LlmMetrics } from './llm.metrics';
import type { LlmLogger } from './llm-router.deps';
import type { TurnToolRuns } from './data-tool-runner';
import { providerChain } from './provider-chain';
import { runAttempt, type AttemptTimeouts } from './run-attempt';

// The caller aborted before this attempt started: nothing was sent, nothing is counted.
const NOTHING_SENT: ProviderOutput = { content: '', finishReason: 'cancelled', promptTexts: [] };

/**
 * Tries the tenant's primary provider, then its fallbacks in order, then the offline responder
 * (always the implicit last resort). It moves on after an error, a first-token timeout or an
 * overall timeout only while the visitor has seen no text from the failing provider; once text
 * was streamed, a failure ends the turn with LlmError('stream_interrupted') carrying the partial
 * content (the caller stores it as interrupted). The caller's abort ends the turn with
 * finishReason 'cancelled' and the partial content, never a fallback.
 */
export class LlmRouterImpl implements LlmRouter {
  constructor(
    private readonly providers: ReadonlyMap<LlmProviderKind, LlmProvider>,
    private readonly timeouts: AttemptTimeouts,
    private readonly logger: LlmLogger,
    private readonly metrics: LlmMetrics,
  ) {}

  async generate(request: GenerationRequest, callbacks: GenerationCallbacks): Promise<GenerationResult> {
    const started = performance.now();
    const chain = providerChain(request.llm);
    const failedOver: { provider: string; model: string; reason: string }[] = [];
    let lastError: unknown;
    // Data-tool results of this turn, reused by a fallback provider that makes the same call.
    const toolRuns: TurnToolRuns = new Map();

    for (const [index, choice] of chain.entries()) {
      if (request.signal.aborted) return this.result(request, choice, '', 'cancelled', NOTHING_SENT, started, failedOver);
      const outcome = await runAttempt(this.providers.get(choice.provider), choice, request, callbacks, this.timeouts, toolRuns);

      if (outcome.kind === 'done') {
        this.metrics.latency.observe({ provider: choice.provider, model: choice.model }, outcome.latencyMs / 1000);
        const result = this.result(
          request,
          choice,
          outcome.visible,
          outcome.output.finishReason === 'length' ? 'length' : 'stop',
          outcome.output,
          started,
          failedOver,
        );
        return outcome.output.toolCalls ? { ...result, toolCalls: outcome.output.toolCalls } : result;
      }
      if (outcome.kind === 'cancelled')
        return this.result(request, choice, outcome.visible, 'cancelled', outcome.output, started, failedOver);

      if (outcome.visible.length > 0) {
        throw new LlmError('stream_interrupted', `${choice.provider}:${choice.model} failed mid-answer (${outcome.reason})`, {
          provider: choice.provider,
          model: choice.model,
          partialContent: outcome.visible,
          reason: outcome.reason,
          cause: outcome.error,
        });
      }
      failedOver.push({ provider: choice.provider, model: choice.model, reason: outcome.reason });
      lastError = outcome.error;
      const next = chain[index + 1];
      if (next !== undefined) {
        this.logger.warn(
          {
            tenantId: request.tenantId,
            from: choice.provider,
            fromModel: choice.model,
            to: next.provider,
            toModel: next.model,
            reason: outcome.reason,
            error: describe(outcome.error),
          },
          'llm fallback',
        );
        this.metrics.fallbacks.inc({ from_provider: choice.provider, to_provider: next.provider, reason: outcome.reason });
      }
    }
    throw new LlmError(
      'all_providers_failed',
      `every LLM provider failed: ${failedOver.map((f) => `${f.provider}:${f.model} (${f.reason})`).join(', ')}`,
      {
        cause: lastError,
      },
    );
  }

  private result(
    request: GenerationRequest,
    choice: LlmChoice,
    content: string,
    finishReason: GenerationResult['finishReason'],
    output: ProviderOutput | undefined,
    started: number,
    failedOver: GenerationResult['failedOver'],
  ): GenerationResult {
    const counted = output?.usage;
    const inputTokens = counted?.inputTokens ?? estimateTokensOf(output?.promptTexts ?? requestTexts(request));
    const outputTokens = counted?.outputTokens ?? estimateTokens(output?.content ?? content);
    const labels = { provider: choice.provider, model: choice.model };
    if (inputTokens > 0) this.metrics.tokens.inc({ ...labels, direction: 'input' }, inputTokens);
    if (outputTokens > 0) this.metrics.tokens.inc({ ...labels, direction: 'output' }, outputTokens);
    return {
      content,
      finishReason,
      usage: {
        inputTokens,
        outputTokens,
        provider: choice.provider,
        model: choice.model,
        latencyMs: Math.round(performance.now() - started),
        estimated: counted === undefined,
      },
      unanswered: output?.unanswered ?? false,
      failedOver,
    };
  }
}

/** What a provider would have read, for the estimate when an attempt ended before reporting its prompt. */
function requestTexts(request: GenerationRequest): string[] {
  return [...request.history.map((m) => m.content), request.userMessage, ...request.knowledge.map((p) => p.text)];
}

/** A short, body-free description of a provider error for the log line (never prompt text). */
function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
