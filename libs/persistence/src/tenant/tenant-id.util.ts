import { PersistenceError, PersistenceErrorCode } from '../errors/persistence.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Throws INVALID_TENANT unless `tenantId` is a UUID. Checked before it reaches set_config, so a
 * malformed id is a clear error instead of a cast failure inside the RLS policy.
 */
export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (!isUuid(tenantId)) {
    throw new PersistenceError(PersistenceErrorCode.INVALID_TENANT, `tenant id must be a UUID, got ${describe(tenantId)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  return value === null ? 'null' : typeof value;
}
