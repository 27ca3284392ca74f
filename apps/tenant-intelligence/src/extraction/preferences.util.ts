import type { CommunicationPreference } from '@parley/signals';

/** A preference as the CRM shows it: `{ kind: 'avoid', value: 'phone before 10:00' }`. */
export interface StoredPreference {
  kind: 'prefer' | 'avoid';
  value: string;
  sourceMessageId: string | null;
}

const MAX_PREFERENCES = 20;

export function describePreference(pref: CommunicationPreference): string {
  const channel = pref.channel ?? 'contact';
  const { from, to } = pref.timeWindow ?? {};
  // avoid + to: "don't call before 10am"; avoid + from: "not after 6pm"; prefer + window: "between".
  if (pref.avoid) {
    if (to && !from) return `${channel} before ${to}`;
    if (from && !to) return `${channel} after ${from}`;
    if (from && to) return `${channel} between ${from} and ${to}`;
    return channel;
  }
  if (from && to) return `${channel} between ${from} and ${to}`;
  if (from) return `${channel} after ${from}`;
  if (to) return `${channel} before ${to}`;
  return channel;
}

/** Adds new preferences (latest first); the same kind+value is kept once, with its latest source. */
export function mergePreferences(
  existing: readonly StoredPreference[],
  found: readonly CommunicationPreference[],
  sourceMessageId: string,
): StoredPreference[] {
  const incoming = found.map((p) => ({
    kind: p.avoid ? ('avoid' as const) : ('prefer' as const),
    value: describePreference(p),
    sourceMessageId,
  }));
  const keyOf = (p: StoredPreference) => `${p.kind}:${p.value}`;
  const seen = new Set<string>();
  const out: StoredPreference[] = [];
  for (const p of [...incoming, ...existing]) {
    if (seen.has(keyOf(p))) continue;
    seen.add(keyOf(p));
    out.push(p);
  }
  return out.slice(0, MAX_PREFERENCES);
}

export function readPreferences(attributes: unknown): StoredPreference[] {
  const raw = (attributes as { preferences?: unknown } | null)?.preferences;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (p): p is StoredPreference =>
      (p?.kind === 'prefer' || p?.kind === 'avoid') &&
      typeof p?.value === 'string' &&
      (p?.sourceMessageId === null || typeof p?.sourceMessageId === 'string'),
  );
}
