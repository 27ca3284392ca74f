import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthGuard } from './auth.guard';
import { AUTH_KINDS, RATE_LIMITED, SESSION_PARAM, STAFF_ROLES, type StaffRole } from './auth.metadata';
import type { Principal, PrincipalKind } from './principal.types';

/**
 * Which credentials a route (or every route of a controller) accepts, and the guard that
 * checks them: `@Auth('api_key')`, `@Auth('session')`, `@Auth('owner')`, `@Auth('staff', 'owner')`.
 * Wrong, expired or revoked credentials answer 401; a valid credential of another kind 403.
 * For tenant principals it also answers 403 for a deactivated tenant, enforces the tenant's
 * CORS origins when the request has an Origin, and applies `@RateLimited()`.
 */
export function Auth(...kinds: [PrincipalKind, ...PrincipalKind[]]) {
  const docs = [
    ApiUnauthorizedResponse({ description: 'Missing, wrong, expired or revoked credentials (problem+json).' }),
    ApiForbiddenResponse({
      description: 'Credential of another kind, role, tenant or session; deactivated tenant; origin not allowed (problem+json).',
    }),
  ];
  if (kinds.includes('api_key')) docs.push(ApiSecurity('api_key'));
  if (kinds.some((kind) => kind !== 'api_key')) docs.push(ApiBearerAuth());
  return applyDecorators(SetMetadata(AUTH_KINDS, kinds), UseGuards(AuthGuard), ...docs);
}

/** Staff principals must hold one of these roles (the owner, when accepted by @Auth, always passes). */
export const StaffRoles = (...roles: [StaffRole, ...StaffRole[]]) => SetMetadata(STAFF_ROLES, roles);

/**
 * Names the route parameter holding a session id (e.g. `:id` of /sessions/:id/close): a
 * session token for another session answers 403 before the handler runs.
 */
export const SessionParam = (param: string) => SetMetadata(SESSION_PARAM, param);

/**
 * Counts the request against the caller's per-minute limits in Redis (rate-limit/): its API
 * key, session (the tenant's config.rateLimitPerMinute or RATE_LIMIT_PER_MINUTE) or staff user
 * (RATE_LIMIT_USER_PER_MINUTE), and its tenant (RATE_LIMIT_TENANT_PER_MINUTE). Over a limit:
 * 429 problem+json with Retry-After; RateLimit-Limit/Remaining/Reset/Policy on every answer.
 * Needs `@Auth(...)` on the route or controller; owner requests are limited per client IP only.
 */
export function RateLimited() {
  return applyDecorators(
    SetMetadata(RATE_LIMITED, true),
    ApiTooManyRequestsResponse({ description: 'Rate limit exceeded (problem+json, Retry-After).' }),
  );
}

/** The authenticated caller, as set by AuthGuard: `@CurrentPrincipal() principal: Principal`. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without @Auth(...)');
  return principal;
});
