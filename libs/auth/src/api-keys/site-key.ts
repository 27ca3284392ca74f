import { randomBase62 } from './api-key';

/**
 * Publishable site keys for the widget: `pk_live_` + 32 base62 characters. Public by design
 * (they sit in page source), so they are stored as is; unguessable so one tenant's key cannot
 * be derived from another's. What a site key may do is decided by the gateway, not by secrecy.
 */
export const SITE_KEY_SCHEME = 'pk_live_';
const SITE_KEY_LENGTH = 32;
const SITE_KEY_PATTERN = new RegExp(`^${SITE_KEY_SCHEME}[0-9A-Za-z]{${SITE_KEY_LENGTH}}$`);

export function generateSiteKey(): string {
  return SITE_KEY_SCHEME + randomBase62(SITE_KEY_LENGTH);
}

export function isWellFormedSiteKey(candidate: string): boolean {
  return SITE_KEY_PATTERN.test(candidate);
}
