import type { components } from '../api/schema.gen';

export type TenantWithConfig = components['schemas']['TenantWithConfig']['tenant'];
export type Tenant = Omit<TenantWithConfig, 'config'>;
export type TenantConfig = TenantWithConfig['config'];
export type TenantAnswer = { tenant: TenantWithConfig };
export type CreateTenantRequest = components['schemas']['CreateTenantRequest'];
export type UpdateTenantRequest = components['schemas']['UpdateTenantRequest'];
export type CreateStaffUserRequest = components['schemas']['CreateStaffUserRequest'];
export type SiteKeyList = components['schemas']['SiteKeyList'];
export type SiteKey = components['schemas']['SiteKey'];
export type CreatedTenant = { tenant: TenantWithConfig; apiKey: IssuedApiKey };
export type LlmProvider = TenantConfig['llm']['primary']['provider'];
export type Tone = TenantConfig['tone'];

// The gateway documents no response body for these admin routes (GET /admin/tenants, GET
// /admin/tenants/:id/keys, POST .../keys/rotate, POST .../users), so the generated client types
// them as empty. These are the provisioning contracts' shapes (libs/contracts, TenantListRpc,
// TenantKeyListRpc, TenantRotateKeyRpc, StaffUserCreateRpc) that the gateway passes through.

export interface TenantList {
  items: Tenant[];
  nextCursor: string | null;
}

export interface IssuedApiKey {
  id: string;
  prefix: string;
  key: string;
  createdAt: string;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  status: 'active' | 'revoked';
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface ApiKeyList {
  items: ApiKeySummary[];
}

export interface RotatedKey {
  apiKey: IssuedApiKey;
  retiredKeyIds: string[];
  retiresAt: string;
}

export interface CreatedStaffUser {
  user: {
    id: string;
    tenantId: string;
    email: string;
    displayName: string;
    role: 'tenant_admin' | 'tenant_agent';
    status: 'active' | 'disabled';
    createdAt: string;
  };
}
