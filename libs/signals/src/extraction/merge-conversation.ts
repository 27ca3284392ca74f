import { addIntentScores, decideIntent } from './classify/intent-decision.util';
import { labelOf } from './classify/sentiment.scorer';
import { preferMention } from './contacts/find-contacts.util';
import { round2 } from './evidence.util';
import { InvalidExtractionInputError } from './extraction.errors';
import type {
  CommunicationPreference,
  ContactField,
  ContactMention,
  Extraction,
  IntentResult,
  ProductMention,
  PurchaseSignal,
  SentimentResult,
} from './extraction.types';

/** A value with the index (in the extractions array) of the message it came from. */
export type Sourced<T> = T & { messageIndex: number };

export interface ConversationExtraction {
  name?: Sourced<ContactMention>;
  email?: Sourced<ContactMention>;
  phone?: Sourced<ContactMention>;
  /** Third parties' contact details (kept apart: they are never the customer's). */
  thirdParties: Array<Sourced<ContactMention>>;
  /** Fields refused and never given afterwards. */
  refusals: ContactField[];
  /** messageIndex: the message whose rule cue decided; null when the learned model decided, or nothing did ('other'). */
  intent: IntentResult & { messageIndex: number | null };
  sentiment: SentimentResult & { trajectory: number[] };
  products: Array<Sourced<ProductMention>>;
  purchaseSignals: Array<Sourced<PurchaseSignal>>;
  preferences: Array<Sourced<CommunicationPreference>>;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const up = row[j] as number;
      row[j] = Math.min(up + 1, (row[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] as number;
}

/**
 * "Sarah Smith", then "sorry, it's Smyth not Smith": a one-word correction that is a respelling of
 * the earlier name's surname (same first letter, at most two edits, or the surname made
 * double-barrelled) replaces only the surname.
 */
function correctSurname(chosen: Sourced<ContactMention>, all: ReadonlyArray<Sourced<ContactMention>>): Sourced<ContactMention> {
  if (chosen.value.includes(' ')) return chosen;
  const word = chosen.value.toLowerCase();
  const earlier = all.filter((m) => m.messageIndex <= chosen.messageIndex && m !== chosen && m.value.includes(' ')).pop();
  if (!earlier) return chosen;
  const parts = earlier.value.split(' ');
  const surname = (parts[parts.length - 1] as string).toLowerCase();
  // "Elisabeth Gruber", then "Gruber-Lang natürlich": a double-barrelled form of the surname also counts.
  const doubleBarrelled = word.startsWith(`${surname}-`) || word.endsWith(`-${surname}`);
  if (!doubleBarrelled && (surname === word || surname[0] !== word[0] || editDistance(surname, word) > 2)) return chosen;
  return { ...chosen, value: [...parts.slice(0, -1), chosen.value].join(' ') };
}

/**
 * "Dave" then "Dave Smith": a longer name that starts with the chosen one extends it (same person,
 * more detail) unless the chosen one is an explicit correction. Round 19: so does a longer name that
 * ends with a one-word chosen name ("Ellie McAllister, so the table is under McAllister").
 */
function extendName(chosen: Sourced<ContactMention>, all: ReadonlyArray<Sourced<ContactMention>>): Sourced<ContactMention> {
  if (chosen.correction) return correctSurname(chosen, all);
  const word = chosen.value.toLowerCase();
  const longer = all.filter(
    (m) =>
      m.value.length > chosen.value.length &&
      (m.value.toLowerCase().startsWith(`${word} `) || (!word.includes(' ') && m.value.toLowerCase().endsWith(` ${word}`))),
  );
  return longer.length === 0 ? chosen : longer.reduce((a, b) => (b.value.length > a.value.length ? b : a));
}

function pickField(extractions: readonly Extraction[], field: ContactField): Sourced<ContactMention> | undefined {
  const own = extractions.flatMap((e, messageIndex) =>
    e.contacts
      .filter((m) => m.field === field && m.owner === 'customer')
      .map((m) => ({ mention: { ...m, messageIndex }, order: messageIndex * 1e6 + m.evidence.start })),
  );
  if (own.length === 0) return undefined;
  const chosen = own.reduce((a, b) => preferMention(a, b)).mention;
  return field === 'name'
    ? extendName(
        chosen,
        own.map((o) => o.mention),
      )
    : chosen;
}

/**
 * Conversation intent (decideIntent): the rules' intents over all messages by precedence, else the
 * learned model on the messages' summed scores; the source message is the one the rules' pick came from.
 */
function pickIntent(extractions: readonly Extraction[]): ConversationExtraction['intent'] {
  const scored = extractions.filter((e) => e.intentScores !== undefined);
  const sum = scored.reduce<number[] | undefined>((acc, e) => addIntentScores(acc, e.intentScores), undefined);
  const decided = decideIntent(
    extractions.map((e) => e.intent),
    sum,
    scored.length,
  );
  const messageIndex = decided.source === 'model' ? -1 : extractions.findIndex((e) => e.intent === decided);
  return messageIndex >= 0 ? { ...decided, messageIndex } : { ...decided, messageIndex: null };
}

/**
 * Conversation sentiment: the mean of the messages that carry any (neutral messages do not dilute
 * a complaint), with the last such message counted twice (how the customer ends matters most).
 */
export function conversationSentiment(extractions: readonly Extraction[]): ConversationExtraction['sentiment'] {
  const trajectory = extractions.map((e) => e.sentiment.score);
  const scored = trajectory.filter((s) => s !== 0);
  if (scored.length === 0) return { score: 0, label: 'neutral', trajectory };
  const weights = scored.map((_, i) => (i === scored.length - 1 && scored.length > 1 ? 2 : 1));
  const score = round2(scored.reduce((sum, s, i) => sum + s * (weights[i] as number), 0) / weights.reduce((a, b) => a + b, 0));
  return { score, label: labelOf(score), trajectory };
}

function sourced<T>(extractions: readonly Extraction[], pick: (e: Extraction) => readonly T[]): Array<Sourced<T>> {
  return extractions.flatMap((e, messageIndex) => pick(e).map((item) => ({ ...item, messageIndex })));
}

/**
 * Merges the extractions of one conversation's customer messages (in order). Per contact field the
 * latest explicit correction wins, otherwise the most confident mention (the later one on a tie);
 * every value keeps the index of its source message.
 */
export function mergeConversation(extractions: readonly Extraction[]): ConversationExtraction {
  if (!Array.isArray(extractions)) throw new InvalidExtractionInputError('extractions must be an array');
  const name = pickField(extractions, 'name');
  const email = pickField(extractions, 'email');
  const phone = pickField(extractions, 'phone');
  const given: Record<ContactField, Sourced<ContactMention> | undefined> = { name, email, phone };
  // A refusal stands unless the field was given anyway (before or after it).
  const refusals = [...new Set<ContactField>(extractions.flatMap((e) => e.refusals))];
  const seenProducts = new Set<string>();
  return {
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    thirdParties: sourced(extractions, (e) => e.contacts.filter((c) => c.owner === 'third_party')),
    refusals: refusals.filter((f) => given[f] === undefined),
    intent: pickIntent(extractions),
    sentiment: conversationSentiment(extractions),
    products: sourced(extractions, (e) => e.products).filter((p) => (seenProducts.has(p.term) ? false : (seenProducts.add(p.term), true))),
    purchaseSignals: sourced(extractions, (e) => e.purchaseSignals),
    preferences: sourced(extractions, (e) => e.preferences),
  };
}
