import { useState } from 'react';

/**
 * A secret API key right after it was issued: shown this once (the platform keeps only its
 * hash), with a copy button, until the owner says it is stored.
 */
export function SecretOnce({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="secret-once" role="region" aria-labelledby="secret-once-title">
      <h2 id="secret-once-title">{title}</h2>
      <p className="secret-warning">
        <strong>Copy this key now: you will not see it again.</strong> Parley stores only a hash of it. If it is lost, rotate the keys to
        issue a new one.
      </p>
      <div className="secret-row">
        <label htmlFor="secret-once-value">API key</label>
        <input
          id="secret-once-value"
          type="text"
          readOnly
          value={secret}
          className="secret-value"
          onFocus={(e) => e.target.select()}
          data-testid="secret-key"
        />
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy key
        </button>
      </div>
      <p role="status" className="muted">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'The browser did not allow copying: select the key and copy it by hand.'
            : ''}
      </p>
      <button type="button" onClick={onDone}>
        I have stored the key
      </button>
    </div>
  );
}
