import { ApiError } from './widget-api.client';

/**
 * Whether the chat can be used on this page: `not-here` for an origin the tenant did not allow,
 * `paused` while the platform owner has paused the tenant (every widget route answers 403
 * TENANT_DEACTIVATED, the stored conversation is kept for when it resumes), `unavailable` for
 * anything else that stopped the config from loading.
 */
export type Availability = 'loading' | 'ready' | 'not-here' | 'paused' | 'unavailable';

export const AVAILABILITY_TEXT = {
  'not-here': 'This chat is not available on this website.',
  paused: 'This chat is currently unavailable.',
  unavailable: 'The chat is unavailable right now. Please try again later.',
} as const;

/** What a refused widget call means for the whole widget. */
export function availabilityOf(error: unknown): Availability {
  if (error instanceof ApiError && (error.code === 'ORIGIN_NOT_ALLOWED' || error.code === 'ORIGIN_REQUIRED')) return 'not-here';
  if (isPaused(error)) return 'paused';
  return 'unavailable';
}

export function isPaused(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'TENANT_DEACTIVATED';
}

/** The states in which opening the panel (or "Try again") asks the gateway again. */
export function shouldRecheck(availability: Availability): boolean {
  return availability === 'paused' || availability === 'unavailable';
}
