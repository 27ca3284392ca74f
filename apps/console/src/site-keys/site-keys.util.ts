import type { components } from '../api/schema.gen';

export type SiteKey = components['schemas']['SiteKey'];
export type WidgetTheme = components['schemas']['WidgetTheme'];
export type WidgetThemePatch = components['schemas']['WidgetThemePatch'];

export type WidgetRelease = components['schemas']['WidgetRelease'];

/**
 * The tag a tenant pastes into its pages: the versioned, immutable widget file with its
 * Subresource Integrity hash when the gateway has the widget built, else the latest /widget.js.
 */
export function embedSnippet(gatewayOrigin: string, siteKey: string, release: WidgetRelease | null = null): string {
  if (!release) return `<script src="${gatewayOrigin}/widget.js" data-site-key="${siteKey}" defer></script>`;
  return `<script src="${gatewayOrigin}${release.src}" integrity="${release.integrity}" crossorigin="anonymous" data-site-key="${siteKey}" defer></script>`;
}

/** Active keys, newest first (the list is newest first already; kept so). */
export function activeKeys(keys: readonly SiteKey[]): SiteKey[] {
  return keys.filter((key) => key.status === 'active');
}

/**
 * The origins typed one a line, as the API wants them: `https://shop.example/` becomes
 * `https://shop.example`; anything that is not a bare http(s) origin is kept as typed so the
 * API names it in its field error. Each once, in order.
 */
export function originsFromText(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (!value) continue;
    const origin = normalizeOrigin(value);
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}

function normalizeOrigin(value: string): string {
  try {
    const url = new URL(value);
    const bare = (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '';
    if ((url.protocol === 'https:' || url.protocol === 'http:') && bare && !value.includes('@')) return url.origin;
  } catch {
    // not a URL: the API says why
  }
  return value;
}

/** The theme form's changes as a PUT /api/v1/site-keys/theme body, or null when nothing changed. */
export function themePatch(form: WidgetTheme, stored: WidgetTheme): WidgetThemePatch | null {
  const patch: WidgetThemePatch = {};
  if (form.color.toLowerCase() !== stored.color.toLowerCase()) patch.color = form.color;
  if (form.name.trim() !== stored.name) patch.name = form.name.trim();
  if (form.greeting.trim() !== stored.greeting) patch.greeting = form.greeting.trim();
  if (form.position !== stored.position) patch.position = form.position;
  return Object.keys(patch).length > 0 ? patch : null;
}
