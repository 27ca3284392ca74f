import { isDeepStrictEqual } from 'node:util';
import type { TenantConfig, TenantUpdateRpc, RpcRequestOf, TenantWithConfig } from '@parley/contracts';

type Patch = RpcRequestOf<typeof TenantUpdateRpc>['patch'];

/** Names of the fields a patch really changes (`displayName`, `config.persona`...). */
export function changedTenantFields(before: TenantWithConfig, patch: Patch): string[] {
  const changed: string[] = [];
  for (const field of ['displayName', 'kind', 'timezone'] as const) {
    if (patch[field] !== undefined && patch[field] !== before[field]) changed.push(field);
  }
  for (const [key, value] of Object.entries(patch.config ?? {}) as Array<[keyof TenantConfig, unknown]>) {
    if (value !== undefined && !isDeepStrictEqual(value, before.config[key])) changed.push(`config.${key}`);
  }
  return changed;
}
