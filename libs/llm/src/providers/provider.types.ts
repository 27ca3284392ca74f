import type { LlmProviderKind } from '@parley/contracts';
import type { DataToolCall, DataToolRun, GenerationRequest, ModelToolCall } from '../generation/generation.types';

/** One attempt of one provider: the request (pseudonymized for external providers), the model and where tokens go. */
export interface ProviderRun {
  request: GenerationRequest;
  model: string;
  /** Aborted when the caller cancels or the router's timeouts fire; providers pass it upstream. */
  signal: AbortSignal;
  /** Every piece of text as the model produces it. */
  onToken(text: string): void;
  /** The model is producing something other than text (tool-call arguments): it is alive. */
  onActivity?(): void;
  /**
   * Runs a data-tool call of `request.dataTools` (set only when the request has a runner). The
   * router restores the turn's placeholders in the arguments, reports the tool events, and, for
   * external providers, pseudonymizes the result; it never rejects (failures are a DataToolRun).
   */
  runTool?(call: DataToolCall): Promise<DataToolRun>;
}

export interface ProviderOutput {
  /** The whole text the provider produced (before PII restore). */
  content: string;
  /** 'cancelled' when `signal` stopped it; the router decides whether that was a timeout or the caller. */
  finishReason: 'stop' | 'length' | 'cancelled';
  /** The provider's own counts; undefined when it reported none (the router estimates). */
  usage?: { inputTokens: number; outputTokens: number };
  /** Only the offline responder sets it: it had nothing relevant and said so. */
  unanswered?: boolean;
  /** The prompt as sent, for the token estimate when the provider reports no usage. */
  promptTexts: readonly string[];
  /** Tool calls the model made (as sent: placeholders not yet restored). */
  toolCalls?: ModelToolCall[];
}

/** A model backend. Throw LlmError('not_configured') when settings are missing, so the router moves on. */
export interface LlmProvider {
  readonly kind: LlmProviderKind;
  generate(run: ProviderRun): Promise<ProviderOutput>;
}
