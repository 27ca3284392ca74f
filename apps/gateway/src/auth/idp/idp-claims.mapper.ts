import type { IdentityProviderView } from '@parley/contracts';

export type StaffRoleName = 'tenant_admin' | 'tenant_agent';

export interface MappedIdpUser {
  subject: string;
  email?: string;
  /** The highest staff role the user's IdP roles map to; undefined: an end user. */
  role?: StaffRoleName;
}

const MAX_SUBJECT_CHARS = 200;

/** The value at a claim name or dotted path (`realm_access.roles`), or undefined. */
export function readClaim(payload: Record<string, unknown>, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function roleValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * Reads the user id, email and roles of a verified token with the provider's claim mapping.
 * null when the user id claim is missing, empty, too long or not a string. tenant_admin wins over
 * tenant_agent when several IdP roles map.
 */
export function mapIdpClaims(
  provider: Pick<IdentityProviderView, 'claims' | 'roleMapping'>,
  payload: Record<string, unknown>,
): MappedIdpUser | null {
  const subject = readClaim(payload, provider.claims.userId);
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_CHARS) return null;
  const email = readClaim(payload, provider.claims.email);
  const mapping: Readonly<Record<string, StaffRoleName>> = provider.roleMapping;
  const mapped = new Set(
    roleValues(readClaim(payload, provider.claims.roles)).map((r) => (Object.hasOwn(mapping, r) ? mapping[r] : undefined)),
  );
  const role = mapped.has('tenant_admin') ? 'tenant_admin' : mapped.has('tenant_agent') ? 'tenant_agent' : undefined;
  return {
    subject,
    ...(typeof email === 'string' && email.length > 0 && email.length <= 320 ? { email } : {}),
    ...(role ? { role } : {}),
  };
}
