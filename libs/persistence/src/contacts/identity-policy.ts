// Which existing contacts an observation may be joined to (docs/extraction.md, "Identity").
// Strength: the session's own contact and the external user id first, then email, then phone.
// A phone number is shared (a household, a reception desk, a recycled number), so a contact
// matched by phone alone is joined only when nothing the visitor said contradicts it: no other
// name, no other email. Pure: the store reads the rows and applies the decision.

export interface IdentityCandidate {
  id: string;
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** What this visitor has said about themselves so far (the session's latest values). */
export interface IdentityClaims {
  externalUserId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export type MatchedOn = 'session' | 'external_user_id' | 'email' | 'phone';

export interface IdentityConflict {
  contactId: string;
  matchedOn: MatchedOn;
  /** The fields whose values disagree. */
  conflicts: Array<'name' | 'email' | 'external_user_id'>;
}

export interface IdentityDecision {
  /** The contact to update (null: create a new one). */
  primaryId: string | null;
  /** Other matched contacts that are the same person: merged into the primary. */
  mergeIds: string[];
  /** Matched contacts not joined because something conflicts (kept apart, recorded for review). */
  conflicts: IdentityConflict[];
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .split(/[\s'-]+/)
    .filter((t) => t.length > 0);

/**
 * Two names are consistent when every word of the shorter is in the longer (an initial matches
 * its word; accents and case are ignored): "Dave" and "Dave Smith", "Smith" and "Dave Smith",
 * "Dave S" and "Dave Smith", "José" and "Jose". "Smith" vs "Smyth" or "Dave" vs "Bob" conflict.
 */
export function namesConsistent(a: string, b: string): boolean {
  const [short, long] = fold(a).length <= fold(b).length ? [fold(a), fold(b)] : [fold(b), fold(a)];
  if (short.length === 0) return true;
  const same = (word: string, other: string) =>
    word === other || (word.length === 1 && other.startsWith(word)) || (other.length === 1 && word.startsWith(other));
  return short.every((word) => long.some((other) => same(word, other)));
}

function conflictsWith(candidate: IdentityCandidate, claims: IdentityClaims): IdentityConflict['conflicts'] {
  const out: IdentityConflict['conflicts'] = [];
  if (claims.name && candidate.name && !namesConsistent(claims.name, candidate.name)) out.push('name');
  if (claims.email && candidate.email && claims.email !== candidate.email) out.push('email');
  if (claims.externalUserId && candidate.externalUserId && claims.externalUserId !== candidate.externalUserId) out.push('external_user_id');
  return out;
}

function matchedOn(candidate: IdentityCandidate, claims: IdentityClaims, sessionContactId: string | null): MatchedOn {
  if (candidate.id === sessionContactId) return 'session';
  if (claims.externalUserId && candidate.externalUserId === claims.externalUserId) return 'external_user_id';
  if (claims.email && candidate.email === claims.email) return 'email';
  return 'phone';
}

const RANK: Record<MatchedOn, number> = { session: 0, external_user_id: 1, email: 2, phone: 3 };

/**
 * Decides the primary contact and which other matches join it:
 * - the session's contact, else the external user id's, else the email's, else a phone match
 *   that does not conflict, is the primary;
 * - another contact matched by external user id or email joins it unless its own external user id
 *   differs (two accounts are never merged);
 * - a contact matched by phone alone joins only when its name and email do not contradict the claims.
 */
export function decideIdentity(
  candidates: readonly IdentityCandidate[],
  claims: IdentityClaims,
  sessionContactId: string | null,
): IdentityDecision {
  const ranked = candidates
    .map((c) => ({ c, on: matchedOn(c, claims, sessionContactId), conflicts: conflictsWith(c, claims) }))
    .sort((a, b) => RANK[a.on] - RANK[b.on]);
  const decision: IdentityDecision = { primaryId: null, mergeIds: [], conflicts: [] };
  let primaryExternal: string | null = null;
  for (const { c, on, conflicts } of ranked) {
    const strong = on === 'session' || on === 'external_user_id' || on === 'email';
    // A strong match is joined despite a different name (people shorten names, fix typos), but
    // two different external user ids are two accounts.
    const blocking = strong ? conflicts.filter((f) => f === 'external_user_id') : conflicts;
    const accountClash = primaryExternal !== null && c.externalUserId !== null && c.externalUserId !== primaryExternal;
    if (blocking.length > 0 || accountClash) {
      decision.conflicts.push({ contactId: c.id, matchedOn: on, conflicts: blocking.length > 0 ? blocking : ['external_user_id'] });
      continue;
    }
    if (decision.primaryId === null) decision.primaryId = c.id;
    else decision.mergeIds.push(c.id);
    primaryExternal ??= c.externalUserId;
  }
  return decision;
}
