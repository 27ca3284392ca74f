import type { PrincipalKind, StaffPrincipal } from './principal.types';

/** Metadata keys read by AuthGuard (set by the decorators in auth.decorators.ts). */
export const AUTH_KINDS = 'parley:auth:kinds';
export const STAFF_ROLES = 'parley:auth:staff-roles';
export const SESSION_PARAM = 'parley:auth:session-param';
export const RATE_LIMITED = 'parley:auth:rate-limited';

export type StaffRole = StaffPrincipal['role'];
export type AuthKinds = readonly [PrincipalKind, ...PrincipalKind[]];
