import type { LlmChoice } from '@parley/contracts';
import type { GenerationCallbacks, GenerationRequest, ModelToolCall } from '../generation/generation.types';
import { classifyProviderError, LlmError, type LlmErrorCode } from '../llm.errors';
import { createPseudonymizer, type Pseudonymizer } from '../pii';
import type { LlmProvider, ProviderOutput } from '../providers/provider.types';
import { EXTERNAL_PROVIDERS } from './provider-chain';
import { attemptToolRunner, type TurnToolRuns } from './data-tool-runner';
import { namesToHide, pseudonymizeRequest, restoreValue } from './pseudonymize-request.util';

export interface AttemptTimeouts {
  /** The whole attempt, first token to last. */
  overallMs: number;
  /** From the start of the attempt to the provider's first token. */
  firstTokenMs: number;
}

export type FailureReason = Exclude<LlmErrorCode, 'stream_interrupted' | 'all_providers_failed'>;

/** How one provider attempt ended. `visible` is the text the visitor received from it (PII restored). */
export type AttemptOutcome =
  | { kind: 'done'; output: ProviderOutput; visible: string; latencyMs: number }
  | { kind: 'cancelled'; output?: ProviderOutput; visible: string }
  | { kind: 'failed'; reason: FailureReason; error: unknown; visible: string };

/**
 * Runs one provider: pseudonymizes for external providers and restores their stream, applies
 * the first-token and overall timeouts (not to the offline responder, which has no I/O), and
 * tells a timeout apart from the caller's cancellation. Never throws.
 */
export async function runAttempt(
  provider: LlmProvider | undefined,
  choice: LlmChoice,
  request: GenerationRequest,
  callbacks: GenerationCallbacks,
  timeouts: AttemptTimeouts,
  toolRuns: TurnToolRuns = new Map(),
): Promise<AttemptOutcome> {
  if (provider === undefined) {
    const error = new LlmError('not_configured', `LLM provider '${choice.provider}' is not configured`, {
      provider: choice.provider,
      model: choice.model,
    });
    return { kind: 'failed', reason: 'not_configured', error, visible: '' };
  }
  const pii = EXTERNAL_PROVIDERS.has(choice.provider) ? createPseudonymizer({ names: namesToHide(request) }) : undefined;
  const restore = pii?.createRestoreStream();
  const sent = pii ? pseudonymizeRequest(request, pii) : request;

  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) controller.abort(request.signal.reason);
  else request.signal.addEventListener('abort', onCallerAbort, { once: true });

  let timedOut: 'first_token_timeout' | 'timeout' | undefined;
  const expire = (reason: 'first_token_timeout' | 'timeout', ms: number) => () => {
    timedOut ??= reason;
    controller.abort(
      new LlmError(
        reason,
        `${choice.provider}:${choice.model} ${reason === 'timeout' ? 'did not finish' : 'sent no token'} within ${ms} ms`,
      ),
    );
  };
  const timed = choice.provider !== 'offline';
  let firstTokenTimer = timed ? setTimeout(expire('first_token_timeout', timeouts.firstTokenMs), timeouts.firstTokenMs) : undefined;
  const overallTimer = timed ? setTimeout(expire('timeout', timeouts.overallMs), timeouts.overallMs) : undefined;

  let visible = '';
  const emit = (text: string) => {
    if (text.length === 0) return;
    visible += text;
    callbacks.onToken(text);
  };
  const started = performance.now();
  const alive = () => {
    if (firstTokenTimer !== undefined) {
      clearTimeout(firstTokenTimer);
      firstTokenTimer = undefined;
    }
  };
  try {
    const output = await provider.generate({
      request: sent,
      model: choice.model,
      signal: controller.signal,
      onToken: (token) => {
        alive();
        if (controller.signal.aborted) return; // tokens racing the abort are dropped
        emit(restore ? restore.push(token) : token);
      },
      // Tool-call arguments count as the model answering (some models send no text with them).
      onActivity: alive,
      runTool: attemptToolRunner(request, callbacks, pii, controller.signal, toolRuns),
    });
    if (timedOut) return { kind: 'failed', reason: timedOut, error: controller.signal.reason, visible };
    // A cancelled turn executes nothing: its tool calls are dropped with the rest of the answer.
    if (request.signal.aborted) return { kind: 'cancelled', output: { ...output, toolCalls: undefined }, visible };
    if (restore) emit(restore.flush());
    const toolCalls = pii && output.toolCalls ? output.toolCalls.map((call) => restoreToolCall(call, pii)) : output.toolCalls;
    return { kind: 'done', output: { ...output, toolCalls }, visible, latencyMs: performance.now() - started };
  } catch (error) {
    if (timedOut) return { kind: 'failed', reason: timedOut, error, visible };
    if (request.signal.aborted) return { kind: 'cancelled', visible };
    return { kind: 'failed', reason: classifyProviderError(error), error, visible };
  } finally {
    if (firstTokenTimer !== undefined) clearTimeout(firstTokenTimer);
    if (overallTimer !== undefined) clearTimeout(overallTimer);
    request.signal.removeEventListener('abort', onCallerAbort);
  }
}

/** Puts the turn's private details back into a tool call's string arguments (at any depth). */
function restoreToolCall(call: ModelToolCall, pii: Pseudonymizer): ModelToolCall {
  return { ...call, args: call.args === null ? null : (restoreValue(call.args, pii) as Record<string, unknown>) };
}
