import type { components, operations } from '../api/schema.gen';

export type ConversationItem = components['schemas']['ConversationPage']['items'][number];
export type ConversationDetail = components['schemas']['ConversationDetail'];
export type TranscriptMessage = ConversationDetail['messages'][number];
export type Signal = TranscriptMessage['signals'][number];
export type ConversationListQuery = NonNullable<operations['ConversationsController_list']['parameters']['query']>;

export const STATUSES = ['open', 'closed', 'handoff'] as const;
export const SIGNAL_FILTERS = ['urgency', 'safety', 'escalation'] as const;

/** The conversation list's filters as the URL holds them. */
export interface ConversationFilters {
  status: (typeof STATUSES)[number] | '';
  signal: (typeof SIGNAL_FILTERS)[number] | '';
  /** Dates (YYYY-MM-DD) in the viewer's time zone: from the start of `since` to the end of `until`. */
  since: string;
  until: string;
  contactId: string;
}

export const NO_CONVERSATION_FILTERS: ConversationFilters = { status: '', signal: '', since: '', until: '', contactId: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function conversationFiltersFromParams(params: URLSearchParams): ConversationFilters {
  const since = params.get('since') ?? '';
  const until = params.get('until') ?? '';
  const contactId = params.get('contact_id') ?? '';
  return {
    status: oneOf(STATUSES, params.get('status')),
    signal: oneOf(SIGNAL_FILTERS, params.get('signal')),
    since: DATE.test(since) ? since : '',
    until: DATE.test(until) ? until : '',
    contactId: UUID.test(contactId) ? contactId : '',
  };
}

export function conversationFiltersToParams(filters: ConversationFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.status) out.status = filters.status;
  if (filters.signal) out.signal = filters.signal;
  if (filters.since) out.since = filters.since;
  if (filters.until) out.until = filters.until;
  if (filters.contactId) out.contact_id = filters.contactId;
  return out;
}

function localDayStart(date: string, plusDays = 0): string | undefined {
  const day = new Date(`${date}T00:00:00`);
  if (Number.isNaN(day.getTime())) return undefined;
  day.setDate(day.getDate() + plusDays);
  return day.toISOString();
}

/**
 * GET /api/v1/conversations's query: `since` is the start of its day, `until` the start of the
 * day after (the API's `until` is exclusive), so both days are included.
 */
export function conversationListQuery(filters: ConversationFilters, cursor: string | null, limit: number): ConversationListQuery {
  const query: ConversationListQuery = { limit };
  if (filters.status) query.status = filters.status;
  if (filters.signal) query.signal = filters.signal;
  const since = filters.since ? localDayStart(filters.since) : undefined;
  const until = filters.until ? localDayStart(filters.until, 1) : undefined;
  if (since) query.since = since;
  if (until) query.until = until;
  if (filters.contactId) query.contact_id = filters.contactId;
  if (cursor) query.cursor = cursor;
  return query;
}

/** A filter error the API would answer with a 400, said before asking. */
export function filtersProblem(filters: ConversationFilters): string | null {
  if (filters.since && filters.until && filters.since > filters.until) return 'The "from" date must not be after the "to" date.';
  return null;
}

/** A conversation's state in words: "Closed", "Open", "Waiting for a person", "With a person". */
export function conversationState(c: Pick<ConversationItem, 'status' | 'mode' | 'needsHuman'>): string {
  if (c.status === 'closed') return 'Closed';
  if (c.mode === 'human') return 'With a person';
  if (c.needsHuman) return 'Waiting for a person';
  return 'Open';
}

/** Signals worth a tag (urgency, safety, escalation, and sentiment or intent when strong), strongest first, each label once. */
export function notableSignals(signals: readonly Signal[], minScore = 0.5): Signal[] {
  const seen = new Set<string>();
  return [...signals]
    .filter((s) => s.kind === 'urgency' || s.kind === 'safety' || s.kind === 'escalation' || s.score >= minScore)
    .sort((a, b) => b.score - a.score)
    .filter((s) => {
      const key = `${s.kind}:${s.label}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** "urgency: emergency (92 %)" */
export function signalText(signal: Signal): string {
  return `${signal.kind}: ${signal.label} (${Math.round(Math.min(1, Math.max(0, signal.score)) * 100)} %)`;
}

/** A sentiment score (-1..1) in words, or null when unknown. */
export function sentimentWord(score: number | null): string | null {
  if (score === null || !Number.isFinite(score)) return null;
  if (score <= -0.25) return `negative (${score.toFixed(2)})`;
  if (score >= 0.25) return `positive (${score.toFixed(2)})`;
  return `neutral (${score.toFixed(2)})`;
}
