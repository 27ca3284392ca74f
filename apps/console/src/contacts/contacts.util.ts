import type { components, operations } from '../api/schema.gen';

export type Contact = components['schemas']['ContactPage']['items'][number];
export type Interaction = components['schemas']['InteractionPage']['items'][number];
export type Intent = NonNullable<Interaction['intent']>;
export type ContactListQuery = NonNullable<operations['CrmController_listContacts']['parameters']['query']>;

export const INTENTS: readonly Intent[] = ['enquiry', 'booking', 'complaint', 'support', 'pricing', 'cancellation', 'other'];

/** The contact list's filters as the URL holds them (`?search=&intent=&lead=&seen_since=`). */
export interface ContactFilters {
  search: string;
  intent: Intent | '';
  lead: '' | 'true' | 'false';
  /** A date (YYYY-MM-DD), the start of that day in the viewer's time zone. */
  seenSince: string;
}

export const NO_FILTERS: ContactFilters = { search: '', intent: '', lead: '', seenSince: '' };

export function filtersFromParams(params: URLSearchParams): ContactFilters {
  const intent = params.get('intent') ?? '';
  const lead = params.get('lead') ?? '';
  const seenSince = params.get('seen_since') ?? '';
  return {
    search: params.get('search') ?? '',
    intent: (INTENTS as readonly string[]).includes(intent) ? (intent as Intent) : '',
    lead: lead === 'true' || lead === 'false' ? lead : '',
    seenSince: /^\d{4}-\d{2}-\d{2}$/.test(seenSince) ? seenSince : '',
  };
}

/** The URL parameters for filters: empty ones left out, so a clean list has a clean address. */
export function filtersToParams(filters: ContactFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.search.trim()) out.search = filters.search.trim();
  if (filters.intent) out.intent = filters.intent;
  if (filters.lead) out.lead = filters.lead;
  if (filters.seenSince) out.seen_since = filters.seenSince;
  return out;
}

/** GET /api/v1/contacts's query for filters and a page cursor; a local date becomes an instant. */
export function contactListQuery(filters: ContactFilters, cursor: string | null, limit: number): ContactListQuery {
  const query: ContactListQuery = { limit };
  const search = filters.search.trim().slice(0, 200);
  if (search) query.search = search;
  if (filters.intent) query.intent = filters.intent;
  if (filters.lead) query.lead = filters.lead;
  if (filters.seenSince) {
    const start = new Date(`${filters.seenSince}T00:00:00`);
    if (!Number.isNaN(start.getTime())) query.seen_since = start.toISOString();
  }
  if (cursor) query.cursor = cursor;
  return query;
}

const FIELD_LABEL: Record<string, string> = { name: 'Name', email: 'Email', phone: 'Phone' };

/** One row of a contact's provenance table: where a field's value came from and how sure the extractor was. */
export interface ProvenanceRow {
  field: string;
  label: string;
  value: string;
  /** "92 %" */
  confidence: string;
  /** The value replaced an earlier one because the visitor corrected it. */
  correction: boolean;
  observedAt: string;
  sourceMessageId: string | null;
}

/** Each known field (name, email, phone, then any other in name order) with its provenance. */
export function provenanceRows(contact: Pick<Contact, 'fields'>): ProvenanceRow[] {
  const order = ['name', 'email', 'phone'];
  const keys = Object.keys(contact.fields).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
  });
  return keys.map((field) => {
    const p = contact.fields[field];
    return {
      field,
      label: FIELD_LABEL[field] ?? field[0].toUpperCase() + field.slice(1),
      value: p.value,
      confidence: formatConfidence(p.confidence),
      correction: p.correction,
      observedAt: p.observedAt,
      sourceMessageId: p.sourceMessageId,
    };
  });
}

/** A 0..1 confidence as a whole percentage ("100 %", "87 %"); out-of-range values are clamped. */
export function formatConfidence(confidence: number): string {
  if (!Number.isFinite(confidence)) return '–';
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)} %`;
}

/** How a contact is named in lists: name, else email, else phone, else "Unnamed visitor". */
export function contactName(contact: Pick<Contact, 'name' | 'email' | 'phone'>): string {
  return contact.name ?? contact.email ?? contact.phone ?? 'Unnamed visitor';
}

/** The export's file name: `contact-<name>-<date>.json`. */
export function exportBaseName(contact: Pick<Contact, 'name' | 'email' | 'phone' | 'id'>, exportedAt: string): string {
  const who = contact.name ?? contact.email ?? contact.id.slice(0, 8);
  return `contact-${who}-${exportedAt.slice(0, 10)}`;
}
