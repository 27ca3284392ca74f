// Fuzzy matching of a tenant as the owner names it ("Bob's", "bobs plumbing", "bob plumbng")
// against the tenants' display names and slugs (docs/adr/0026-owner-assistant.md). Pure.

export interface NamedTenant {
  id: string;
  slug: string;
  displayName: string;
  status?: string;
}

export type TenantMatch<T extends NamedTenant> = { kind: 'one'; tenant: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none' };

/** Words that say what, not which: "Bob's account", "the Bob chatbot". */
const FILLER = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'account',
  'client',
  'customer',
  'tenant',
  'chatbot',
  'bot',
  'site',
  'website',
  'business',
  'company',
  'one',
  'for',
  'of',
  'called',
  'named',
]);

/** Lower case, possessives and punctuation gone, filler words dropped. */
export function nameTokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]s\b/g, '')
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && !FILLER.has(t));
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

const stem = (t: string) => (t.length > 3 && t.endsWith('s') ? t.slice(0, -1) : t);
const typoBudget = (t: string) => (t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0);

function tokenScore(ref: string, word: string): number {
  if (ref === word) return 1;
  if (stem(ref) === stem(word)) return 0.95;
  if (ref.length >= 3 && word.startsWith(ref)) return 0.8;
  if (editDistance(stem(ref), stem(word)) <= typoBudget(ref)) return 0.75;
  return 0;
}

/** How well `ref` names `tenant`, 0..1: every word of `ref` must match a word of the name or slug. */
export function matchScore(ref: string, tenant: NamedTenant): number {
  const refTokens = nameTokens(ref);
  if (refTokens.length === 0) return 0;
  const words = [...new Set([...nameTokens(tenant.displayName), ...tenant.slug.split('-').filter(Boolean)])];
  const compactRef = refTokens.join('');
  const compactName = nameTokens(tenant.displayName).join('');
  if (compactRef === compactName || compactRef === tenant.slug.replace(/-/g, '')) return 1;
  let total = 0;
  for (const token of refTokens) {
    const best = Math.max(0, ...words.map((w) => tokenScore(token, w)));
    if (best === 0) {
      // "bobsplumbing": one run-together word for the whole name.
      const glued = editDistance(stem(compactRef), stem(compactName)) <= typoBudget(compactRef);
      return glued ? 0.85 : 0;
    }
    total += best;
  }
  // A name of which only some words were given is a weaker match than the whole name.
  const coverage = Math.min(1, refTokens.length / Math.max(1, nameTokens(tenant.displayName).length));
  return (total / refTokens.length) * (0.85 + 0.15 * coverage);
}

const THRESHOLD = 0.6;
const CLEAR_LEAD = 0.12;

/** One tenant when it clearly leads; several to ask back when they are close; none below the threshold. */
export function matchTenant<T extends NamedTenant>(ref: string, tenants: readonly T[]): TenantMatch<T> {
  const scored = tenants
    .map((tenant) => ({ tenant, score: matchScore(ref, tenant) }))
    .filter((s) => s.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return { kind: 'none' };
  const [best, second] = scored;
  if (!second || best.score - second.score >= CLEAR_LEAD) return { kind: 'one', tenant: best.tenant };
  return {
    kind: 'ambiguous',
    candidates: scored
      .filter((s) => best.score - s.score < CLEAR_LEAD)
      .slice(0, 10)
      .map((s) => s.tenant),
  };
}
