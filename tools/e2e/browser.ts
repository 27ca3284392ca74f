import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Browser tests drive Debian's chromium (installed by scripts/setup.sh) with playwright-core:
// no browser is downloaded. A missing chromium fails the test with this message, never skips it.
export const CHROMIUM_PATH = process.env.PARLEY_CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  browser: Browser;
  /** A fresh context with its own empty storage (launch() gives the browser a new empty profile). */
  context(options?: { width?: number; height?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Debian's chromium is not installed at ${CHROMIUM_PATH}: run \`npm run setup\` (scripts/setup.sh installs it with apt), or set PARLEY_CHROMIUM_PATH`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    browser,
    context: (options = {}) => browser.newContext({ viewport: { width: options.width ?? 900, height: options.height ?? 640 } }),
    close: () => browser.close(),
  };
}

/** A local web server on its own port (so its own origin) answering every GET with `html`. */
export async function servePage(html: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url !== '/' && req.url !== '/index.html') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A tenant's web page embedding the widget, with hostile CSS the widget must not be touched by. */
export function embeddingPage(gatewayUrl: string, siteKey: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>* { font-family: serif !important; } button { background: #ff0000 !important; font-size: 40px !important; } p { display: none !important; }</style></head>
<body><main><h1>${title}</h1><div>A page of a tenant's website.</div></main>
<script src="${gatewayUrl}/widget.js" data-site-key="${siteKey}" defer></script></body></html>`;
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> };

/**
 * Runs axe-core in the page; returns the serious and critical violations (shadow DOM included).
 * axe is evaluated through the DevTools protocol rather than added as a <script>, so it also
 * runs in pages whose Content-Security-Policy forbids inline scripts (the console).
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;void 0;`);
  // The callback runs in the page (tools are type-checked without the DOM library).
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
