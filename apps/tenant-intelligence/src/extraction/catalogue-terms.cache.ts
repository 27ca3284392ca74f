import type { CatalogueSources } from './extraction.repository';

/** How long a tenant's catalogue terms are reused before they are read again. */
export const CATALOGUE_TTL_MS = 60_000;
/** At most this many terms (and this many newest document titles read). */
export const MAX_CATALOGUE_TERMS = 500;
const MAX_TERMS = MAX_CATALOGUE_TERMS;
/** At most this many tenants' terms are kept (the oldest read is dropped first). */
export const MAX_CACHED_TENANTS = 1_000;

/**
 * The terms products are matched against: the tenant's allowed topics and the titles of its
 * knowledge documents (what the business says it sells).
 */
export function catalogueTerms(sources: CatalogueSources): string[] {
  const terms = [...sources.allowedTopics, ...sources.documentTitles].map((t) => t.trim()).filter((t) => t.length >= 2 && t.length <= 100);
  return [...new Set(terms.map((t) => t.toLowerCase()))].slice(0, MAX_TERMS);
}

/**
 * A small per-process cache in front of the catalogue read, bounded: a process serving many
 * tenants keeps at most `maxTenants` of them (in the order they were last read: Map insertion
 * order, an entry read again moves to the end), so memory does not grow with the tenant count.
 */
export class CatalogueTermsCache {
  private readonly entries = new Map<string, { terms: string[]; expiresAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxTenants = MAX_CACHED_TENANTS,
  ) {}

  /** Tenants held now. */
  get size(): number {
    return this.entries.size;
  }

  async get(tenantId: string, load: () => Promise<string[]>): Promise<string[]> {
    const hit = this.entries.get(tenantId);
    if (hit && hit.expiresAt > this.now()) return hit.terms;
    const terms = await load();
    this.entries.delete(tenantId);
    this.entries.set(tenantId, { terms, expiresAt: this.now() + CATALOGUE_TTL_MS });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxTenants) break;
      this.entries.delete(oldest);
    }
    return terms;
  }
}
