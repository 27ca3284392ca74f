// Per-field provenance of a tenant contact, kept in tenant_contacts.attributes.fields. The
// columns (name, email, phone, external_user_id) hold the winning values; this keeps where each
// came from, how sure the extractor was, and the values that lost, so a CRM user can see why.

export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** One observed value of a field: from one customer message. */
export interface FieldObservation {
  value: string;
  /** chat_messages.id of the message it came from (null when it came from the tenant's API). */
  sourceMessageId: string | null;
  confidence: number;
  /** The customer corrected an earlier value ("sorry, my number is actually ..."): it wins. */
  correction: boolean;
  observedAt: string;
}

export interface FieldRecord extends FieldObservation {
  /** Earlier or weaker values of this field, newest first (at most MAX_ALTERNATES). */
  alternates: FieldObservation[];
}

export type ContactFieldRecords = Partial<Record<ContactField, FieldRecord>>;

const MAX_ALTERNATES = 5;

/**
 * Whether `incoming` replaces `current`: a correction always wins (the later of two corrections
 * wins); otherwise a strictly more confident value wins; on a tie the first value stays.
 */
export function incomingWins(current: FieldObservation, incoming: FieldObservation): boolean {
  if (incoming.correction) return !current.correction || incoming.observedAt >= current.observedAt;
  if (current.correction) return false;
  return incoming.confidence > current.confidence;
}

function pushAlternate(list: FieldObservation[], value: FieldObservation, winner: string): FieldObservation[] {
  if (value.value === winner) return list;
  const rest = list.filter((alt) => alt.value !== value.value && alt.value !== winner);
  return [value, ...rest].slice(0, MAX_ALTERNATES);
}

/** Applies one observation to a field record; returns the new record (inputs are not mutated). */
export function applyObservation(current: FieldRecord | undefined, incoming: FieldObservation): FieldRecord {
  if (!current) return { ...incoming, alternates: [] };
  if (current.value === incoming.value) {
    // The same value again: keep the strongest evidence for it.
    const stronger = incomingWins(current, incoming) || incoming.confidence > current.confidence;
    return stronger ? { ...incoming, alternates: current.alternates } : current;
  }
  if (incomingWins(current, incoming)) {
    const { alternates, ...previous } = current;
    return { ...incoming, alternates: pushAlternate(alternates, previous, incoming.value) };
  }
  return { ...current, alternates: pushAlternate(current.alternates, incoming, current.value) };
}

/** Merges the records of two contacts being merged into one, field by field. */
export function mergeFieldRecords(primary: ContactFieldRecords, other: ContactFieldRecords): ContactFieldRecords {
  const merged: ContactFieldRecords = { ...primary };
  for (const field of CONTACT_FIELDS) {
    const theirs = other[field];
    if (!theirs) continue;
    let record = merged[field];
    for (const alt of [...theirs.alternates].reverse()) record = applyObservation(record, alt);
    const { alternates: _ignored, ...head } = theirs;
    merged[field] = applyObservation(record, head);
  }
  return merged;
}

function isObservation(value: unknown): value is FieldObservation {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.value === 'string' &&
    (v.sourceMessageId === null || typeof v.sourceMessageId === 'string') &&
    typeof v.confidence === 'number' &&
    typeof v.correction === 'boolean' &&
    typeof v.observedAt === 'string'
  );
}

/** Reads attributes.fields defensively: anything malformed is dropped, never thrown. */
export function readFieldRecords(attributes: unknown): ContactFieldRecords {
  const fields = (attributes as { fields?: unknown } | null)?.fields;
  if (fields === null || typeof fields !== 'object') return {};
  const out: ContactFieldRecords = {};
  for (const field of CONTACT_FIELDS) {
    const raw = (fields as Record<string, unknown>)[field];
    if (!isObservation(raw)) continue;
    const rawAlternates: unknown = (raw as unknown as { alternates?: unknown }).alternates;
    const alternates = Array.isArray(rawAlternates) ? rawAlternates.filter(isObservation) : [];
    const { value, sourceMessageId, confidence, correction, observedAt } = raw;
    out[field] = { value, sourceMessageId, confidence, correction, observedAt, alternates };
  }
  return out;
}
