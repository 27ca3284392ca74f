import type { WidgetTheme } from '@parley/contracts';
import type { WidgetManifest } from './widget-assets.loader';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export interface DemoPageInput {
  displayName: string;
  siteKey: string;
  theme: WidgetTheme;
  /** The gateway's own origin as the browser reached it (for the snippet shown on the page). */
  origin: string;
  manifest: WidgetManifest | undefined;
}

/**
 * A tenant's demo site (/demo/<slug>): a plain page that embeds the widget exactly as a tenant
 * would, with only public data (name, theme colour, the publishable key). Rendered per request.
 */
export function renderDemoPage(input: DemoPageInput): string {
  const name = escapeHtml(input.displayName);
  const key = escapeHtml(input.siteKey);
  const src = input.manifest ? `/widget/v1/${input.manifest.file}` : '/widget.js';
  const sri = input.manifest ? ` integrity="${input.manifest.integrity}" crossorigin="anonymous"` : '';
  const snippet = escapeHtml(`<script src="${input.origin}/widget.js" data-site-key="${input.siteKey}" defer></script>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} (Parley demo site)</title>
<style>
  body { margin: 0; font: 16px/1.55 system-ui, sans-serif; color: #1f2937; background: #f8fafc; }
  header { background: ${input.theme.color}; color: #fff; padding: 2.5rem 1.25rem; }
  header h1 { margin: 0 0 .25rem; font-size: 1.9rem; }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 6rem; }
  pre { background: #0f172a; color: #e2e8f0; padding: 1rem; border-radius: .5rem; white-space: pre-wrap; word-break: break-all; font-size: .85rem; }
</style>
</head>
<body>
<header><h1>${name}</h1><p>A demo page of this business's website, served by Parley.</p></header>
<main>
  <h2>Chat with us</h2>
  <p>The chat button in the corner is the Parley widget. Ask about opening hours, prices or services: the answers come from ${name}'s own knowledge base.</p>
  <p>Any page of an allowed origin embeds it with one tag:</p>
  <pre><code>${snippet}</code></pre>
</main>
<script src="${src}"${sri} data-site-key="${key}" defer></script>
</body>
</html>
`;
}
