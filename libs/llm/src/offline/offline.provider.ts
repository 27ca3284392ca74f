import { LlmError } from '../llm.errors';
import type { LlmProvider, ProviderOutput, ProviderRun } from '../providers/provider.types';
import { buildOfflineAnswer, type OfflineAnswer } from './offline-answer.builder';
import { answerLookup, OFFLINE_LOOKUP_TIMEOUT_MS } from './offline-lookup';
import { streamWords } from './stream-words.util';

export const OFFLINE_MODEL = 'retrieval';

/**
 * The offline responder as a provider: no model, no I/O. It answers from the passages the chat
 * service retrieved (see buildOfflineAnswer) and streams the answer word by word. It reports no
 * usage of its own, so the router estimates it with the tokenizer. With data tools it also
 * answers the live-data questions it recognises (stock, price, order status, opening hours) from
 * their results (offline-lookup.ts); such a turn is never unanswered.
 */
export class OfflineProvider implements LlmProvider {
  readonly kind = 'offline' as const;

  /** `clock` dates "tomorrow" and "on Saturday" in opening-hours questions (UTC); `lookupTimeoutMs` bounds one tool run. */
  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly lookupTimeoutMs = OFFLINE_LOOKUP_TIMEOUT_MS,
  ) {}

  async generate(run: ProviderRun): Promise<ProviderOutput> {
    const { request } = run;
    if (request.task)
      throw new LlmError('not_configured', 'the offline responder answers visitors only; it does not do structured tasks', {
        provider: this.kind,
        model: run.model,
      });
    const answer = await this.answer(run);
    const { emitted, cancelled } = await streamWords(answer.text, run.signal, (token) => run.onToken(token));
    return {
      content: emitted,
      finishReason: cancelled ? 'cancelled' : 'stop',
      unanswered: answer.unanswered,
      // What the responder read: the question and the passages.
      promptTexts: [request.userMessage, ...request.knowledge.map((p) => `${p.title}\n${p.text}`)],
    };
  }

  private async answer(run: ProviderRun): Promise<OfflineAnswer> {
    const lookup = await answerLookup(run.request, run, this.clock(), this.lookupTimeoutMs);
    if (lookup === null) return buildOfflineAnswer(run.request);
    if (lookup.found) return buildOfflineAnswer(run.request, lookup.text);
    // Nothing in the shop matched: the knowledge may still answer ("do you have parking?").
    const plain = buildOfflineAnswer(run.request);
    return plain.unanswered ? buildOfflineAnswer(run.request, lookup.text) : plain;
  }
}
