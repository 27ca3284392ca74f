import type { Extraction, Intent } from '@parley/signals';

// The per-session interaction is a fold of the session's message extractions. It is stored in
// tenant_interactions.data.aggregate so each turn updates it without re-reading the session.

export interface InteractionAggregate {
  /** Messages folded in, by chat_messages.id: a redelivered turn is not counted twice. */
  messageIds: string[];
  intent: Intent | null;
  intentConfidence: number;
  sentimentSum: number;
  products: string[];
  purchaseSignals: string[];
  entities: Array<{ type: string; value: string }>;
}

export const EMPTY_AGGREGATE: InteractionAggregate = {
  messageIds: [],
  intent: null,
  intentConfidence: 0,
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
 * Folds one customer message in. The session's intent is its most confident specific intent
 * ('other' only when nothing else was seen; a later message wins a tie); sentiment is the mean.
 */
export function foldExtraction(agg: InteractionAggregate, messageId: string, extraction: Extraction): InteractionAggregate {
  if (agg.messageIds.includes(messageId)) return agg;
  const { intent } = extraction;
  const specific = intent.label !== 'other';
  const replaceIntent = agg.intent === null || (specific && (agg.intent === 'other' || intent.confidence >= agg.intentConfidence));
  const entities = extraction.contacts
    .filter((c) => c.owner === 'customer')
    .map((c) => ({ type: c.field === 'name' ? 'person' : c.field, value: c.value }));
  return {
    messageIds: [...agg.messageIds, messageId],
    intent: replaceIntent ? intent.label : agg.intent,
    intentConfidence: replaceIntent ? intent.confidence : agg.intentConfidence,
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
    sentimentSum: typeof raw.sentimentSum === 'number' ? raw.sentimentSum : 0,
    products: Array.isArray(raw.products) ? raw.products.filter((v): v is string => typeof v === 'string') : [],
    purchaseSignals: Array.isArray(raw.purchaseSignals) ? raw.purchaseSignals.filter((v): v is string => typeof v === 'string') : [],
    entities: Array.isArray(raw.entities)
      ? raw.entities.filter((e): e is { type: string; value: string } => typeof e?.type === 'string' && typeof e?.value === 'string')
      : [],
  };
}
