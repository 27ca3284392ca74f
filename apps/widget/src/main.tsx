import { render } from 'preact';
import { WidgetApi } from './widget-api.client';
import { App } from './widget-app.component';
import { WIDGET_CSS } from './widget.styles';

/**
 * Entry of widget.js: `<script src="https://<gateway>/widget.js" data-site-key="pk_live_..." defer>`.
 * The gateway is the script's own origin (or `data-api`). The widget lives in a shadow root
 * on one host element appended to <body>; nothing else of the page is touched.
 */
function start(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  const siteKey = script?.dataset.siteKey;
  if (!script || !siteKey) {
    console.warn('[parley] widget.js needs data-site-key="pk_live_..." on its script tag');
    return;
  }
  const base = script.dataset.api ?? new URL(script.src, location.href).origin;
  const host = document.createElement('parley-chat');
  host.setAttribute('data-parley-widget', '1');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  shadow.appendChild(style);
  const mount = document.createElement('div');
  shadow.appendChild(mount);
  const attach = () => {
    document.body.appendChild(host);
    render(<App api={new WidgetApi(base, siteKey)} siteKey={siteKey} />, mount);
  };
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });
}

start();
