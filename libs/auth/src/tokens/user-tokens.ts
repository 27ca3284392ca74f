import { AuthError } from '../errors/auth-error';
import { isValidId } from './claim-values';
import type { SignedToken, TokenSigner } from './token-signer';
import type { TokenVerifier } from './token-verifier';

export const USER_TOKEN_AUDIENCE = 'parley:user';
export const DEFAULT_USER_TOKEN_TTL_SECONDS = 3_600;
export const USER_ROLES = ['owner', 'tenant_admin', 'tenant_agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The owner operates the platform and has no tenant; staff roles always carry one. */
export type UserPrincipal =
  { userId: string; role: 'owner'; tenantId?: undefined } | { userId: string; role: 'tenant_admin' | 'tenant_agent'; tenantId: string };

export interface IssueUserTokenInput {
  userId: string;
  role: UserRole;
  tenantId?: string;
  ttlSeconds?: number;
  /**
   * The user's token version (tenant_users.token_version), carried as `tv`: the gateway refuses
   * the token once the stored version has moved on (user disabled, password or role changed).
   */
  tokenVersion?: number;
}

/** `tokenVersion` is present when the token carries `tv` (tokens issued before it count as version 0). */
export type UserTokenClaims = UserPrincipal & { jti: string; expiresAt: Date; tokenVersion?: number };

function isTokenVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/** Returns the principal, or a reason it is inconsistent (owner with tenant, staff without). */
function toPrincipal(userId: unknown, role: unknown, tenantId: unknown): UserPrincipal | string {
  if (!isValidId(userId)) return 'userId must be a non-empty id';
  if (!isUserRole(role)) return `role must be one of ${USER_ROLES.join(', ')}`;
  if (role === 'owner') return tenantId === undefined ? { userId, role } : 'the owner has no tenant';
  return isValidId(tenantId) ? { userId, role, tenantId } : `${role} must belong to a tenant`;
}

/** Owner and tenant staff JWTs: `sub` = user id, `role`, `tid` for staff only, and `tv` (token version) when given. */
export class UserTokens {
  constructor(
    private readonly signer: TokenSigner,
    private readonly verifier: TokenVerifier,
  ) {}

  async issueUserToken(input: IssueUserTokenInput): Promise<SignedToken> {
    const principal = toPrincipal(input.userId, input.role, input.tenantId);
    if (typeof principal === 'string') throw new AuthError('INVALID_CLAIMS', principal);
    if (input.tokenVersion !== undefined && !isTokenVersion(input.tokenVersion)) {
      throw new AuthError('INVALID_CLAIMS', 'tokenVersion must be a non-negative integer');
    }
    const version = input.tokenVersion === undefined ? {} : { tv: input.tokenVersion };
    return this.signer.sign({
      audience: USER_TOKEN_AUDIENCE,
      subject: principal.userId,
      ttlSeconds: input.ttlSeconds ?? DEFAULT_USER_TOKEN_TTL_SECONDS,
      claims:
        principal.role === 'owner' ? { role: principal.role, ...version } : { role: principal.role, tid: principal.tenantId, ...version },
    });
  }

  async verifyUserToken(token: string): Promise<UserTokenClaims> {
    const verified = await this.verifier.verify(token, USER_TOKEN_AUDIENCE);
    const principal = toPrincipal(verified.subject, verified.payload.role, verified.payload.tid);
    if (typeof principal === 'string') throw new AuthError('INVALID_TOKEN', `user token claims are inconsistent: ${principal}`);
    const tv = verified.payload.tv;
    if (tv !== undefined && !isTokenVersion(tv)) throw new AuthError('INVALID_TOKEN', 'user token version is not a non-negative integer');
    return {
      ...principal,
      jti: verified.jti,
      expiresAt: new Date(verified.expiresAt * 1000),
      ...(tv === undefined ? {} : { tokenVersion: tv }),
    };
  }
}
