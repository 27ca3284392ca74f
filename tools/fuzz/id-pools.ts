import { resourceOfIdField, type IdPools } from './request-cases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resources whose ids the fuzzer must not learn: an owner request on them could deactivate or re-key a seeded tenant. */
const FIXED_RESOURCES = new Set(['tenants', 'users', 'keys']);

export function addId(pools: IdPools, resource: string, id: string, tenant: string): void {
  const pool = pools.get(resource) ?? [];
  if (!pool.some((ref) => ref.id === id)) pool.push({ id, tenant });
  pools.set(resource, pool);
}

/**
 * Learns ids from a JSON answer given to `tenant`: an `id` member belongs to the resource its
 * parent member names (`{"session":{"id"}}` -> sessions) or, at the top or in a list, to the
 * resource of the path; `message_id`, `contactId`... to theirs.
 */
export function harvestIds(pools: IdPools, pathResource: string, body: unknown, tenant: string): void {
  const visit = (value: unknown, resource: string, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, resource, depth + 1);
      return;
    }
    for (const [name, member] of Object.entries(value)) {
      const owner = name === 'id' ? resource : name.endsWith('s') ? undefined : resourceOfIdField(name);
      if (owner && typeof member === 'string' && UUID.test(member) && !FIXED_RESOURCES.has(owner)) addId(pools, owner, member, tenant);
      const childResource = name === 'items' || name === 'data' ? resource : `${name.replace(/s$/, '')}s`;
      visit(member, childResource, depth + 1);
    }
  };
  visit(body, pathResource, 0);
}
