import { round2 } from '../evidence.util';
import type { SentimentLabel, SentimentResult } from '../extraction.types';
import {
  INTENSIFIERS as EN_INTENSIFIERS,
  NEGATORS as EN_NEGATORS,
  SENTIMENT_PHRASES as EN_PHRASES,
  SENTIMENT_WORDS as EN_WORDS,
} from './sentiment.lexicon';
import { I18N_INTENSIFIERS, I18N_NEGATORS, I18N_SENTIMENT_PHRASES, I18N_SENTIMENT_WORDS } from './sentiment.lexicon.i18n';

// English and the six other languages in one table: the words barely collide ("super" stays an
// intensifier, "no" a negator).
const SENTIMENT_PHRASES: Readonly<Record<string, number>> = { ...I18N_SENTIMENT_PHRASES, ...EN_PHRASES };
const SENTIMENT_WORDS: Readonly<Record<string, number>> = { ...I18N_SENTIMENT_WORDS, ...EN_WORDS };
const NEGATORS: ReadonlySet<string> = new Set([...EN_NEGATORS, ...I18N_NEGATORS]);
const INTENSIFIERS: Readonly<Record<string, number>> = { ...I18N_INTENSIFIERS, ...EN_INTENSIFIERS };

const PHRASE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}'])(?:${Object.keys(SENTIMENT_PHRASES)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`))
    .join('|')})(?![\p{L}'])`,
  'gu',
);
const WORD = /[\p{L}']+|[!]/gu;
// "Great, thanks", "ok perfect.", "Lovely!": an acknowledgement opening a message is politeness, so it
// counts a quarter ("Love the new range!" opens with a verb phrase and counts fully).
const ACKNOWLEDGEMENT =
  /^\s*(?:(?:ok|okay|oh|right|yes|yeah|thanks|thank\s+you|d'accord|vale|va\s+bene)[,!.]?\s+)?(?:that'?s\s+|that\s+is\s+)?(great|perfect|lovely|brilliant|cool|good|nice|fab|fantastic|excellent|super|awesome|perfekt|parfait|perfecto|perfetto|perfeito|prima|genial|top)(?![\p{L}])(?=\s*(?:[,.!¡-]|thanks|thank|cheers|danke|merci|gracias|grazie|obrigad|bedankt|dank|$))/u;
const ACK_WEIGHT = 0.25;
const NEGATION_SPAN = 3;
/** Label thresholds on the score: below -T negative, above T positive. */
export const SENTIMENT_THRESHOLD = 0.25;

/** Squashes a raw valence sum into -1..1 (VADER's normalisation with alpha = 6). */
export function squash(raw: number): number {
  return raw === 0 ? 0 : raw / Math.sqrt(raw * raw + 6);
}

export function labelOf(score: number): SentimentLabel {
  if (score <= -SENTIMENT_THRESHOLD) return 'negative';
  if (score >= SENTIMENT_THRESHOLD) return 'positive';
  return 'neutral';
}

/** Raw valence sum of a normalised message (negation, intensifiers and '!' applied). */
export function rawValence(normalized: string): number {
  let total = 0;
  const phraseHits = [...normalized.matchAll(PHRASE_PATTERN)];
  let rest = normalized;
  const ack = ACKNOWLEDGEMENT.exec(normalized);
  if (ack !== null) {
    const word = ack[1] as string;
    const at = ack.index + ack[0].length - word.length;
    total += (SENTIMENT_WORDS[word] ?? 0) * ACK_WEIGHT;
    rest = rest.slice(0, at) + ' '.repeat(word.length) + rest.slice(at + word.length);
  }
  for (const m of phraseHits) {
    total += SENTIMENT_PHRASES[m[0].replace(/\s+/g, ' ')] ?? 0;
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  const words = [...rest.matchAll(WORD)].map((m) => m[0].replace(/^'+|'+$/g, ''));
  let sinceNegation = Number.POSITIVE_INFINITY;
  let boost = 1;
  let exclaim = 0;
  for (const word of words) {
    if (word === '!') {
      exclaim += 1;
      continue;
    }
    sinceNegation += 1;
    if (NEGATORS.has(word) || word.endsWith("n't")) {
      sinceNegation = 0;
      continue;
    }
    const intensity = INTENSIFIERS[word];
    if (intensity !== undefined) {
      boost *= intensity;
      continue;
    }
    const valence = SENTIMENT_WORDS[word];
    if (valence === undefined || valence === 0) {
      if (word.length > 3) boost = 1;
      continue;
    }
    // A negated positive turns mildly negative ("not good"); a negated negative only softens ("not bad").
    const negated = sinceNegation <= NEGATION_SPAN;
    const value = negated ? (valence > 0 ? -0.75 * valence : -0.4 * valence) : valence;
    total += value * boost;
    boost = 1;
  }
  // Exclamation marks amplify whatever is there (at most three count).
  if (total !== 0) total += Math.sign(total) * 0.3 * Math.min(exclaim, 3);
  return total;
}

export function scoreSentiment(normalized: string): SentimentResult {
  const score = round2(squash(rawValence(normalized)));
  return { score, label: labelOf(score) };
}
