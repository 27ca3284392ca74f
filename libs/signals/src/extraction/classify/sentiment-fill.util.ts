import type { SentimentLabel, SentimentResult } from '../extraction.types';
import { createConversationModel, hasEnoughWords, type ConversationModel } from './conversation-model';
import { SENTIMENT_MODEL } from './sentiment-model.data';
import { labelOf } from './sentiment.scorer';

export type SentimentModel = ConversationModel<SentimentLabel>;

let shared: SentimentModel | undefined;

/** The committed sentiment model (sentiment-model.data.ts), decoded on first use. */
export function defaultSentimentModel(): SentimentModel {
  shared ??= createConversationModel(SENTIMENT_MODEL);
  return shared;
}

/**
 * A message's sentiment: the lexicon's when it scores the message at all; otherwise the learned
 * model's, when it is confident (top probability >= its threshold) that the message is positive or
 * negative ("you guys are lifesavers", "the tap drips exactly as before"): the score is then
 * P(positive) - P(negative). Short messages ("ok thanks") keep the lexicon's neutral.
 */
export function fillSentiment(text: string, lexicon: SentimentResult, model: SentimentModel = defaultSentimentModel()): SentimentResult {
  if (lexicon.score !== 0 || !hasEnoughWords(text)) return lexicon;
  const p = model.probabilities(model.messageScores(text, lexicon.label), 1);
  const at = (l: SentimentLabel) => p[model.labels.indexOf(l)] ?? 0;
  const [pos, neg, neu] = [at('positive'), at('negative'), at('neutral')];
  if (Math.max(pos, neg) < model.threshold || Math.max(pos, neg) <= neu) return lexicon;
  const score = Math.round((pos - neg) * 100) / 100;
  return { score, label: labelOf(score) };
}
