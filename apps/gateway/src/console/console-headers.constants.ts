/**
 * Headers of the console's pages. The build has no inline script or style (apps/console/build.mjs),
 * so the policy allows only the gateway's own origin: scripts, styles, fonts and images from
 * /console/assets, API calls (fetch, the SSE streams) to the same origin, nothing framed, no
 * plugin, no <base> rewrite, forms posting nowhere else. Styles React sets through the DOM
 * (element.style) are not inline styles in CSP's sense and keep working.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** index.html names the current hashed files: it is revalidated on every load. */
export const INDEX_CACHE = 'no-cache';
/** A hashed file never changes. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';

export const PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': INDEX_CACHE,
  'content-security-policy': CONSOLE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
