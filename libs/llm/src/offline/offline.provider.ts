import { LlmError } from '../llm.errors';
import type { LlmProvider, ProviderOutput, ProviderRun } from '../providers/provider.types';
import { buildOfflineAnswer } from './offline-answer.builder';
import { streamWords } from './stream-words.util';

export const OFFLINE_MODEL = 'retrieval';

/**
 * The offline responder as a provider: no model, no I/O. It answers from the passages the chat
 * service retrieved (see buildOfflineAnswer) and streams the answer word by word. It reports no
 * usage of its own, so the router estimates it with the tokenizer.
 */
export class OfflineProvider implements LlmProvider {
  readonly kind = 'offline' as const;

  async generate(run: ProviderRun): Promise<ProviderOutput> {
    const { request } = run;
    if (request.task)
      throw new LlmError('not_configured', 'the offline responder answers visitors only; it does not do structured tasks', {
        provider: this.kind,
        model: run.model,
      });
    const answer = buildOfflineAnswer(request);
    const { emitted, cancelled } = await streamWords(answer.text, run.signal, (token) => run.onToken(token));
    return {
      content: emitted,
      finishReason: cancelled ? 'cancelled' : 'stop',
      unanswered: answer.unanswered,
      // What the responder read: the question and the passages.
      promptTexts: [request.userMessage, ...request.knowledge.map((p) => `${p.title}\n${p.text}`)],
    };
  }
}
