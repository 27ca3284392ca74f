import type { ContactView, InteractionView, SessionSummaryView } from '@parley/contracts';
import { readFieldRecords, readPossibleDuplicates } from '@parley/persistence';
import { readAggregate } from '../extraction/interaction-aggregate.calculator';
import { readPreferences } from '../extraction/preferences.util';
import { duplicateReason } from './possible-duplicate.util';

// Row -> contract view mappers (Prisma rows in, plain JSON-safe objects out).

export interface ContactRowLike {
  id: string;
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
  _count?: { interactions: number };
}

/** Another contact's current identifiers (a possible duplicate named on a contact's view). */
export interface ContactRef {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** The ids of the contacts recorded as possible duplicates of these rows (to read their current values). */
export function possibleDuplicateIds(rows: readonly ContactRowLike[]): string[] {
  return [...new Set(rows.flatMap((row) => readPossibleDuplicates(row.attributes).map((c) => c.contactId)))];
}

/**
 * A contact as the API shows it. `others` holds the current values of its possible duplicates;
 * one missing from it (merged or erased since) is left out.
 */
export function toContactView(row: ContactRowLike, others: ReadonlyMap<string, ContactRef>): ContactView {
  const records = readFieldRecords(row.attributes);
  const fields: ContactView['fields'] = {};
  for (const [field, record] of Object.entries(records)) {
    if (!record) continue;
    fields[field as 'name' | 'email' | 'phone'] = {
      value: record.value,
      sourceMessageId: record.sourceMessageId,
      confidence: Math.max(0, Math.min(1, record.confidence)),
      correction: record.correction,
      observedAt: record.observedAt,
    };
  }
  return {
    id: row.id,
    externalUserId: row.externalUserId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    fields,
    preferences: readPreferences(row.attributes).map((p) => ({ kind: p.kind, value: p.value, sourceMessageId: p.sourceMessageId })),
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    interactionCount: row._count?.interactions ?? 0,
    possibleDuplicates: readPossibleDuplicates(row.attributes).flatMap((conflict) => {
      const other = others.get(conflict.contactId);
      if (!other || other.id === row.id) return [];
      return [{ contactId: other.id, name: other.name, email: other.email, phone: other.phone, reason: duplicateReason(conflict) }];
    }),
  };
}

const INTENTS = new Set(['enquiry', 'booking', 'complaint', 'support', 'pricing', 'cancellation', 'other']);
const LABELS = new Set(['negative', 'neutral', 'positive']);

export interface InteractionRowLike {
  id: string;
  contactId: string | null;
  sessionId: string | null;
  intent: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  products: string[];
  lead: boolean;
  data: unknown;
  occurredAt: Date;
}

export function toInteractionView(row: InteractionRowLike): InteractionView {
  return {
    id: row.id,
    contactId: row.contactId,
    sessionId: row.sessionId,
    intent: row.intent && INTENTS.has(row.intent) ? (row.intent as InteractionView['intent']) : null,
    sentiment: row.sentiment && LABELS.has(row.sentiment) ? (row.sentiment as InteractionView['sentiment']) : null,
    sentimentScore: row.sentimentScore === null ? null : Math.max(-1, Math.min(1, row.sentimentScore)),
    products: row.products,
    lead: row.lead,
    entities: readAggregate(row.data).entities,
    occurredAt: row.occurredAt.toISOString(),
  };
}

export interface SummaryRowLike {
  sessionId: string;
  contactId: string | null;
  outcome: string | null;
  summary: string;
  topics: string[];
  unmetNeeds: string[];
  sentimentStart: number | null;
  sentimentEnd: number | null;
  actionItems: unknown;
  generatedBy: string;
  createdAt: Date;
}

const OUTCOMES = new Set(['resolved', 'unresolved', 'needs_follow_up']);

export function toSummaryView(row: SummaryRowLike): SessionSummaryView {
  const followUps = Array.isArray(row.actionItems)
    ? row.actionItems
        .filter((f): f is { action: string; due?: unknown } => typeof f?.action === 'string')
        .map((f) => ({ action: f.action, due: typeof f.due === 'string' ? f.due : null }))
    : [];
  return {
    sessionId: row.sessionId,
    contactId: row.contactId,
    outcome: row.outcome && OUTCOMES.has(row.outcome) ? (row.outcome as SessionSummaryView['outcome']) : 'unresolved',
    summary: row.summary,
    topics: row.topics,
    unmetNeeds: row.unmetNeeds,
    sentimentStart: row.sentimentStart,
    sentimentEnd: row.sentimentEnd,
    followUps,
    generatedBy: row.generatedBy === 'llm' ? 'llm' : 'deterministic',
    createdAt: row.createdAt.toISOString(),
  };
}
