import { ProblemAlert } from '../shell/problem-alert.component';
import { AllowedOriginsForm } from './allowed-origins.component';
import { EmbedSnippet } from './embed-snippet.component';
import { SiteKeyList } from './site-key-list.component';
import { useSiteKeys } from './site-keys.queries';
import { activeKeys } from './site-keys.util';
import { ThemeForm } from './theme-form.component';
import '../forms/forms.css';

/** Put the chat on the tenant's website: site keys, the embed snippet, allowed origins and the widget theme. */
export function SiteKeysPage() {
  const list = useSiteKeys();
  const active = list.data ? activeKeys(list.data.items) : [];
  return (
    <section aria-labelledby="site-keys-title">
      <h1 id="site-keys-title">Website widget</h1>
      <p className="muted">
        A publishable site key (pk_live_…) is safe in page source: it only opens chat sessions, and only from your allowed origins.
      </p>
      <ProblemAlert error={list.error} context="Could not load the site keys" />
      {list.isPending ? <p role="status">Loading site keys…</p> : null}
      {list.data ? (
        <>
          <EmbedSnippet siteKey={active[0]?.key ?? null} release={list.data.widget} />
          <SiteKeyList keys={list.data.items} />
          <div className="two-columns">
            <AllowedOriginsForm />
            <ThemeForm theme={list.data.theme} />
          </div>
        </>
      ) : null}
    </section>
  );
}
