import { useState } from 'react';
import { embedSnippet, type WidgetRelease } from './site-keys.util';

/** The script tag to paste into the tenant's pages, with a copy button. */
export function EmbedSnippet({ siteKey, release }: { siteKey: string | null; release: WidgetRelease | null }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  if (!siteKey) {
    return (
      <div className="form-card">
        <h2>Embed snippet</h2>
        <p>There is no active site key: issue one below to get the snippet.</p>
      </div>
    );
  }
  const snippet = embedSnippet(window.location.origin, siteKey, release);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="form-card">
      <h2 id="snippet-title">Embed snippet</h2>
      <p>
        Paste this before the closing &lt;/body&gt; tag of every page that should show the chat.
        {release
          ? ' It names this widget version with its integrity hash: after a widget update, copy it again (or use /widget.js, which always serves the latest).'
          : ''}
      </p>
      <pre className="code-block" aria-labelledby="snippet-title" data-testid="embed-snippet">
        {snippet}
      </pre>
      <div className="form-actions">
        <button type="button" onClick={() => void copy()}>
          Copy snippet
        </button>
        <p role="status" className="muted">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'The browser did not allow copying: select the text and copy it.'
              : ''}
        </p>
      </div>
    </div>
  );
}
