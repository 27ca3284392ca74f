import { addIntentScores, decideIntent, INTENTS, RULE_INTENT_MIN_CONFIDENCE, type Extraction, type Intent } from '@parley/signals';

// The per-session interaction is a fold of the session's message extractions. It is stored in
// tenant_interactions.data.aggregate so each turn updates it without re-reading the session.

export interface InteractionAggregate {
  /** Messages folded in, by chat_messages.id: a redelivered turn is not counted twice. */
  messageIds: string[];
  intent: Intent | null;
  intentConfidence: number;
  /** Per intent, the highest confidence a rule cue gave it in any message (decideIntent's precedence input). */
  ruleIntents: Partial<Record<Intent, number>>;
  /** The learned intent model's summed message scores (INTENTS order) and how many messages they cover. */
  intentScoreSum: number[] | null;
  intentScored: number;
  sentimentSum: number;
  products: string[];
  purchaseSignals: string[];
  entities: Array<{ type: string; value: string }>;
}

export const EMPTY_AGGREGATE: InteractionAggregate = {
  messageIds: [],
  intent: null,
  intentConfidence: 0,
  ruleIntents: {},
  intentScoreSum: null,
  intentScored: 0,
  sentimentSum: 0,
  products: [],
  purchaseSignals: [],
  entities: [],
};

const MAX_LIST = 50;

function union<T>(list: readonly T[], more: readonly T[], key: (v: T) => string): T[] {
  const seen = new Set(list.map(key));
  const out = [...list];
  for (const item of more) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out.slice(0, MAX_LIST);
}

/**
 * Folds one customer message in. The session's intent is decided as for a whole conversation
 * (decideIntent): the rules' intents of every message so far by precedence, else the learned model
 * on the summed message scores. Sentiment is the mean.
 */
export function foldExtraction(agg: InteractionAggregate, messageId: string, extraction: Extraction): InteractionAggregate {
  if (agg.messageIds.includes(messageId)) return agg;
  const { intent } = extraction;
  const ruleIntents = { ...agg.ruleIntents };
  if (intent.source !== 'model' && intent.confidence >= RULE_INTENT_MIN_CONFIDENCE)
    ruleIntents[intent.label] = Math.max(ruleIntents[intent.label] ?? 0, intent.confidence);
  const intentScoreSum = addIntentScores(agg.intentScoreSum ?? undefined, extraction.intentScores) ?? null;
  const intentScored = agg.intentScored + (extraction.intentScores !== undefined ? 1 : 0);
  const decided = decideIntent(
    Object.entries(ruleIntents).map(([label, confidence]) => ({ label: label as Intent, confidence: confidence as number })),
    intentScoreSum ?? undefined,
    intentScored,
  );
  const entities = extraction.contacts
    .filter((c) => c.owner === 'customer')
    .map((c) => ({ type: c.field === 'name' ? 'person' : c.field, value: c.value }));
  return {
    messageIds: [...agg.messageIds, messageId],
    intent: decided.label,
    intentConfidence: decided.confidence,
    ruleIntents,
    intentScoreSum,
    intentScored,
    sentimentSum: agg.sentimentSum + extraction.sentiment.score,
    products: union(
      agg.products,
      extraction.products.map((p) => p.term.toLowerCase()),
      (v) => v,
    ),
    purchaseSignals: union(
      agg.purchaseSignals,
      extraction.purchaseSignals.map((s) => s.kind),
      (v) => v,
    ),
    entities: union(agg.entities, entities, (e) => `${e.type}:${e.value}`),
  };
}

export function meanSentiment(agg: InteractionAggregate): number {
  return agg.messageIds.length === 0 ? 0 : Math.max(-1, Math.min(1, agg.sentimentSum / agg.messageIds.length));
}

export function sentimentLabel(score: number): 'negative' | 'neutral' | 'positive' {
  if (score <= -0.2) return 'negative';
  if (score >= 0.2) return 'positive';
  return 'neutral';
}

/**
 * 0..100: how likely the session is a sale. Purchase signals carry most of the weight, a
 * reachable customer (email or phone) and a booking/pricing intent add to it.
 */
export function leadScore(agg: InteractionAggregate): number {
  let score = 0;
  if (agg.purchaseSignals.includes('ready_to_buy') || agg.purchaseSignals.includes('booking_request')) score += 50;
  else if (agg.purchaseSignals.length > 0) score += 35;
  if (agg.intent === 'booking' || agg.intent === 'pricing') score += 20;
  if (agg.entities.some((e) => e.type === 'phone' || e.type === 'email')) score += 20;
  if (agg.products.length > 0) score += 10;
  return Math.min(100, score);
}

/** Reads a stored aggregate defensively (a malformed one starts again from empty). */
export function readAggregate(data: unknown): InteractionAggregate {
  const raw = (data as { aggregate?: unknown } | null)?.aggregate as Partial<InteractionAggregate> | undefined;
  if (!raw || !Array.isArray(raw.messageIds)) return EMPTY_AGGREGATE;
  return {
    messageIds: raw.messageIds.filter((v): v is string => typeof v === 'string'),
    intent: typeof raw.intent === 'string' ? (raw.intent as Intent) : null,
    intentConfidence: typeof raw.intentConfidence === 'number' ? raw.intentConfidence : 0,
    ruleIntents: readRuleIntents(raw),
    ...readIntentScores(raw),
    sentimentSum: typeof raw.sentimentSum === 'number' ? raw.sentimentSum : 0,
    products: Array.isArray(raw.products) ? raw.products.filter((v): v is string => typeof v === 'string') : [],
    purchaseSignals: Array.isArray(raw.purchaseSignals) ? raw.purchaseSignals.filter((v): v is string => typeof v === 'string') : [],
    entities: Array.isArray(raw.entities)
      ? raw.entities.filter((e): e is { type: string; value: string } => typeof e?.type === 'string' && typeof e?.value === 'string')
      : [],
  };
}

/** Rule intents of a stored aggregate; one written before they were kept starts from its decided intent. */
function readRuleIntents(raw: Partial<InteractionAggregate>): Partial<Record<Intent, number>> {
  const out: Partial<Record<Intent, number>> = {};
  if (raw.ruleIntents && typeof raw.ruleIntents === 'object') {
    for (const [label, confidence] of Object.entries(raw.ruleIntents))
      if ((INTENTS as readonly string[]).includes(label) && typeof confidence === 'number') out[label as Intent] = confidence;
    return out;
  }
  if (
    typeof raw.intent === 'string' &&
    (INTENTS as readonly string[]).includes(raw.intent) &&
    (raw.intentConfidence ?? 0) >= RULE_INTENT_MIN_CONFIDENCE
  )
    out[raw.intent as Intent] = raw.intentConfidence as number;
  return out;
}

/** The model's stored score sum, only when well-formed (seven numbers and a count); otherwise none. */
function readIntentScores(raw: Partial<InteractionAggregate>): Pick<InteractionAggregate, 'intentScoreSum' | 'intentScored'> {
  const sum = raw.intentScoreSum;
  const ok = Array.isArray(sum) && sum.length === INTENTS.length && sum.every((v) => typeof v === 'number' && Number.isFinite(v));
  return ok && typeof raw.intentScored === 'number'
    ? { intentScoreSum: sum, intentScored: raw.intentScored }
    : { intentScoreSum: null, intentScored: 0 };
}
