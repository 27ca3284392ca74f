import type { RpcRequestOf, TenantUpdateRpc } from '@parley/contracts';
import { ProvisioningError } from '../common/provisioning.error';

type Patch = RpcRequestOf<typeof TenantUpdateRpc>['patch'];

/**
 * What only the platform owner may change on a tenant: its industry (benchmarks), its model
 * providers (cost), its message retention and its rate limit. A tenant's own admins set the rest
 * (persona, tone, topics, emergency text, handoff, origins, name, time zone).
 */
export const OWNER_ONLY_TENANT_FIELDS = ['kind', 'config.llm', 'config.retentionDays', 'config.rateLimitPerMinute'] as const;

/** FORBIDDEN, naming the fields, when a tenant's own patch (staff or API key) touches an owner-only field; the owner and system jobs (the demo seeder) may. */
export function refuseOwnerOnlyFields(patch: Patch): void {
  const present = [
    patch.kind !== undefined ? 'kind' : null,
    patch.config?.llm !== undefined ? 'config.llm' : null,
    patch.config?.retentionDays !== undefined ? 'config.retentionDays' : null,
    patch.config?.rateLimitPerMinute !== undefined ? 'config.rateLimitPerMinute' : null,
  ].filter((field): field is string => field !== null);
  if (present.length === 0) return;
  const message = 'only the platform owner may change this field';
  throw new ProvisioningError('FORBIDDEN', `only the platform owner may change ${present.join(', ')}`, {
    issues: present.map((path) => ({ path, code: 'owner_only', message })),
  });
}
