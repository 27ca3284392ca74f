import { ApiError } from '../widget-api.client';
import { AVAILABILITY_TEXT, availabilityOf, isPaused, shouldRecheck } from '../availability.util';

describe('availability of the chat', () => {
  it.each([
    [new ApiError(403, 'TENANT_DEACTIVATED', 'The tenant is deactivated.'), 'paused'],
    [new ApiError(403, 'ORIGIN_NOT_ALLOWED', 'The chat is not available on this website.'), 'not-here'],
    [new ApiError(403, 'ORIGIN_REQUIRED', 'No origin'), 'not-here'],
    [new ApiError(401, 'INVALID_SITE_KEY', 'This site key is not valid.'), 'unavailable'],
    [new ApiError(0, 'NETWORK', 'The chat could not be reached.'), 'unavailable'],
    [new Error('boom'), 'unavailable'],
  ])('%s -> %s', (error, expected) => {
    expect(availabilityOf(error)).toBe(expected);
  });

  it('knows a paused tenant by its code, not by the status alone', () => {
    expect(isPaused(new ApiError(403, 'TENANT_DEACTIVATED', ''))).toBe(true);
    expect(isPaused(new ApiError(403, 'INSUFFICIENT_ROLE', ''))).toBe(false);
    expect(isPaused(undefined)).toBe(false);
  });

  it('says clearly that a paused chat is unavailable, and asks again only when that can change', () => {
    expect(AVAILABILITY_TEXT.paused).toBe('This chat is currently unavailable.');
    expect(shouldRecheck('paused')).toBe(true);
    expect(shouldRecheck('unavailable')).toBe(true);
    expect(shouldRecheck('not-here')).toBe(false);
    expect(shouldRecheck('ready')).toBe(false);
    expect(shouldRecheck('loading')).toBe(false);
  });
});
