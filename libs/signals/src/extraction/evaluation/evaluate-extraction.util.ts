import { extractMessage } from '../extract-message';
import { INTENTS, SENTIMENT_LABELS, type Extraction, type Intent, type SentimentLabel } from '../extraction.types';
import { mergeConversation, type ConversationExtraction } from '../merge-conversation';

/** One labelled conversation (the customer's side) of bench/extraction/*.jsonl. */
export interface LabelledConversation {
  id: string;
  domain: string;
  messages: string[];
  expected: { name: string | null; email: string | null; phone: string | null; intent: Intent; sentiment: SentimentLabel };
  tags: string[];
  /** The tenant's country (ISO 3166-1 alpha-2): the default region for local phone numbers. GB when absent. */
  country?: string;
}

/** Seed of the multilingual set's train/dev/test split (fixed before any tuning; docs/extraction.md). */
export const SPLIT_SEED = 20261206;

/** train (50 %), dev (25 %) or test (25 %) by an FNV-1a hash of the seed and the id: stable under additions. */
export function splitOf(id: string, seed = SPLIT_SEED): 'train' | 'dev' | 'test' {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${id}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const bucket = h % 4;
  return bucket < 2 ? 'train' : bucket === 2 ? 'dev' : 'test';
}

export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface AccuracyScore {
  correct: number;
  total: number;
  accuracy: number;
}

export const SCORED_FIELDS = ['name', 'email', 'phone'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface ExtractionEvaluationReport {
  conversations: number;
  messages: number;
  fields: Record<ScoredField, FieldScore>;
  intent: AccuracyScore;
  sentiment: AccuracyScore;
  /** Every disagreement with the label. */
  errors: Array<{ id: string; field: ScoredField | 'intent' | 'sentiment'; expected: string | null; got: string | null }>;
}

const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** Parses the JSONL set; throws on a malformed line, naming it. */
export function parseLabelledConversations(jsonl: string): LabelledConversation[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => {
      let v: Partial<LabelledConversation>;
      try {
        v = JSON.parse(line) as Partial<LabelledConversation>;
      } catch {
        throw new Error(`line ${n}: not JSON`);
      }
      const e = v.expected;
      const ok =
        typeof v.id === 'string' &&
        typeof v.domain === 'string' &&
        Array.isArray(v.messages) &&
        v.messages.length > 0 &&
        v.messages.every((m) => typeof m === 'string') &&
        Array.isArray(v.tags) &&
        v.tags.every((t) => typeof t === 'string') &&
        typeof e === 'object' &&
        e !== null &&
        isNullableString(e.name) &&
        isNullableString(e.email) &&
        isNullableString(e.phone) &&
        (INTENTS as readonly string[]).includes(e.intent) &&
        (SENTIMENT_LABELS as readonly string[]).includes(e.sentiment) &&
        (v.country === undefined || (typeof v.country === 'string' && /^[A-Z]{2}$/.test(v.country)));
      if (!ok) throw new Error(`line ${n}: not a labelled conversation`);
      return v as LabelledConversation;
    });
}

/** Exact-match form: NFC, straight apostrophes, single spaces (case is kept: "dave" is not "Dave"). */
export function canonicalValue(field: ScoredField, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value
    .normalize('NFC')
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return field === 'email' ? v.toLowerCase() : v;
}

/** Runs extractMessage over the messages in order (each seeing the previous) and merges them. */
export function extractConversation(messages: readonly string[], country?: string): ConversationExtraction {
  const extractions: Extraction[] = [];
  for (const text of messages)
    extractions.push(extractMessage(text, { previous: extractions[extractions.length - 1], ...(country ? { country } : {}) }));
  return mergeConversation(extractions);
}

function score(tp: number, fp: number, fn: number): FieldScore {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/**
 * Field-level precision and recall for name, email and phone (a wrong value is both a false
 * positive and a false negative), and accuracy of the conversation's intent and sentiment label.
 */
export function evaluateExtraction(conversations: readonly LabelledConversation[]): ExtractionEvaluationReport {
  const counts = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
    ScoredField,
    { tp: number; fp: number; fn: number }
  >;
  const errors: ExtractionEvaluationReport['errors'] = [];
  let intentCorrect = 0;
  let sentimentCorrect = 0;
  for (const c of conversations) {
    const got = extractConversation(c.messages, c.country);
    for (const field of SCORED_FIELDS) {
      const expected = canonicalValue(field, c.expected[field]);
      const value = canonicalValue(field, got[field]?.value);
      if (expected !== null && value === expected) counts[field].tp += 1;
      else {
        if (value !== null) counts[field].fp += 1;
        if (expected !== null) counts[field].fn += 1;
        if (value !== null || expected !== null) errors.push({ id: c.id, field, expected, got: value });
      }
    }
    if (got.intent.label === c.expected.intent) intentCorrect += 1;
    else errors.push({ id: c.id, field: 'intent', expected: c.expected.intent, got: got.intent.label });
    if (got.sentiment.label === c.expected.sentiment) sentimentCorrect += 1;
    else errors.push({ id: c.id, field: 'sentiment', expected: c.expected.sentiment, got: got.sentiment.label });
  }
  const total = conversations.length;
  const accuracy = (correct: number): AccuracyScore => ({ correct, total, accuracy: total === 0 ? 1 : correct / total });
  return {
    conversations: total,
    messages: conversations.reduce((n, c) => n + c.messages.length, 0),
    fields: Object.fromEntries(SCORED_FIELDS.map((f) => [f, score(counts[f].tp, counts[f].fp, counts[f].fn)])) as Record<
      ScoredField,
      FieldScore
    >,
    intent: accuracy(intentCorrect),
    sentiment: accuracy(sentimentCorrect),
    errors,
  };
}

/** Issue 6 targets for the deterministic extractor: precision and recall per field, accuracy for labels. */
export const EXTRACTION_TARGETS = { email: 0.95, phone: 0.9, name: 0.85, intent: 0.7, sentiment: 0.75 } as const;

/** The targets a report misses (empty when all are met). */
export function missedTargets(report: ExtractionEvaluationReport): string[] {
  const missed: string[] = [];
  for (const f of SCORED_FIELDS) {
    const s = report.fields[f];
    if (s.precision < EXTRACTION_TARGETS[f] || s.recall < EXTRACTION_TARGETS[f]) missed.push(f);
  }
  if (report.intent.accuracy < EXTRACTION_TARGETS.intent) missed.push('intent');
  if (report.sentiment.accuracy < EXTRACTION_TARGETS.sentiment) missed.push('sentiment');
  return missed;
}
