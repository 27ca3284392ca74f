import type { TenantTx } from '@parley/persistence';

/** How long a tenant's catalogue terms are reused before they are read again. */
export const CATALOGUE_TTL_MS = 60_000;
const MAX_TERMS = 500;

/**
 * The terms products are matched against: the tenant's allowed topics and the titles of its
 * knowledge documents (what the business says it sells), read in the tenant's transaction.
 */
export async function readCatalogueTerms(tx: TenantTx, tenantId: string): Promise<string[]> {
  const [tenant, documents] = await Promise.all([
    tx.tenant.findUnique({ where: { id: tenantId }, select: { allowedTopics: true } }),
    tx.knowledgeDocument.findMany({ where: { tenantId }, select: { title: true }, orderBy: { createdAt: 'desc' }, take: MAX_TERMS }),
  ]);
  const terms = [...(tenant?.allowedTopics ?? []), ...documents.map((d) => d.title)]
    .map((t) => t.trim())
    .filter((t) => t.length >= 2 && t.length <= 100);
  return [...new Set(terms.map((t) => t.toLowerCase()))].slice(0, MAX_TERMS);
}

/** A small per-process cache in front of readCatalogueTerms. */
export class CatalogueTermsCache {
  private readonly entries = new Map<string, { terms: string[]; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(tenantId: string, load: () => Promise<string[]>): Promise<string[]> {
    const hit = this.entries.get(tenantId);
    if (hit && hit.expiresAt > this.now()) return hit.terms;
    const terms = await load();
    this.entries.set(tenantId, { terms, expiresAt: this.now() + CATALOGUE_TTL_MS });
    return terms;
  }
}
