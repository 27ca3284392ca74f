import type { IdentityProviderInput, IdentityProviderView } from '@parley/contracts';
import type { Db, TenantTx } from '@parley/persistence';

export interface IdentityProviderRow {
  id: string;
  tenantId: string;
  name: string;
  issuer: string;
  audience: string;
  jwksUrl: string;
  userIdClaim: string;
  emailClaim: string;
  rolesClaim: string;
  roleMapping: unknown;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

const LIST_LIMIT = 100;

export function toIdentityProviderView(row: IdentityProviderRow): IdentityProviderView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    issuer: row.issuer,
    audience: row.audience,
    jwksUrl: row.jwksUrl,
    claims: { userId: row.userIdClaim, email: row.emailClaim, roles: row.rolesClaim },
    roleMapping: (row.roleMapping ?? {}) as IdentityProviderView['roleMapping'],
    status: row.status === 'disabled' ? 'disabled' : 'active',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function columns(input: IdentityProviderInput) {
  return {
    name: input.name,
    issuer: input.issuer,
    audience: input.audience,
    jwksUrl: input.jwksUrl,
    userIdClaim: input.claims.userId,
    emailClaim: input.claims.email,
    rolesClaim: input.claims.roles,
    roleMapping: input.roleMapping,
    status: input.status,
  };
}

export function listIdentityProviders(tx: TenantTx, tenantId: string): Promise<IdentityProviderRow[]> {
  return tx.tenantIdentityProvider.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: LIST_LIMIT });
}

export function findIdentityProvider(tx: TenantTx, tenantId: string, id: string): Promise<IdentityProviderRow | null> {
  return tx.tenantIdentityProvider.findFirst({ where: { id, tenantId } });
}

export function insertIdentityProvider(tx: TenantTx, tenantId: string, input: IdentityProviderInput): Promise<IdentityProviderRow> {
  return tx.tenantIdentityProvider.create({ data: { tenantId, ...columns(input) } });
}

export function saveIdentityProvider(tx: TenantTx, id: string, input: IdentityProviderInput): Promise<IdentityProviderRow> {
  return tx.tenantIdentityProvider.update({ where: { id }, data: columns(input) });
}

export async function deleteIdentityProvider(tx: TenantTx, tenantId: string, id: string): Promise<boolean> {
  const deleted = await tx.tenantIdentityProvider.deleteMany({ where: { id, tenantId } });
  return deleted.count > 0;
}

/** The provider registered for this exact issuer, across tenants (SECURITY DEFINER lookup), with its tenant's status. */
export async function findIdentityProviderByIssuer(
  db: Db,
  issuer: string,
): Promise<{ row: IdentityProviderRow; tenantStatus: string } | null> {
  const rows = await db.$queryRaw<
    {
      id: string;
      tenant_id: string;
      name: string;
      issuer: string;
      audience: string;
      jwks_url: string;
      user_id_claim: string;
      email_claim: string;
      roles_claim: string;
      role_mapping: unknown;
      status: string;
      created_at: Date;
      updated_at: Date;
      tenant_status: string;
    }[]
  >`SELECT id::text, tenant_id::text, name, issuer, audience, jwks_url, user_id_claim, email_claim, roles_claim, role_mapping,
           status, created_at, updated_at, tenant_status FROM find_identity_provider_by_issuer(${issuer})`;
  const r = rows[0];
  if (!r) return null;
  return {
    row: {
      id: r.id,
      tenantId: r.tenant_id,
      name: r.name,
      issuer: r.issuer,
      audience: r.audience,
      jwksUrl: r.jwks_url,
      userIdClaim: r.user_id_claim,
      emailClaim: r.email_claim,
      rolesClaim: r.roles_claim,
      roleMapping: r.role_mapping,
      status: r.status,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
    tenantStatus: r.tenant_status,
  };
}
