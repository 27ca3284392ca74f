import { useState } from 'react';
import { ConfirmDialog } from '../forms/confirm-dialog.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useChannels, useDeleteRule, useRules } from './notifications.queries';
import { RuleEditor } from './rule-editor.component';
import { ruleSummary, type Rule } from './rule-form.util';

type Editing = { mode: 'new' } | { mode: 'edit'; rule: Rule } | null;

/** Routing rules: which notification kinds and severities go to which channels and inboxes, when. */
export function RulesSection() {
  const rules = useRules();
  const channels = useChannels();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<Editing>(null);
  const [doomed, setDoomed] = useState<Rule | null>(null);
  const [notice, setNotice] = useState('');
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name;
  const items = rules.data?.items ?? [];

  const confirmDelete = () => {
    if (!doomed) return;
    const name = doomed.name;
    remove.mutate(doomed.id, {
      onSuccess: () => {
        setDoomed(null);
        setNotice(`Deleted the rule “${name}”.`);
      },
    });
  };

  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Rules</h2>
      {rules.data?.defaults ? (
        <p className="notice">
          You have no rule of your own, so the built-in routing applies: every notification goes at once to every staff member’s inbox and
          to every channel that is on. Your first rule replaces it.
        </p>
      ) : null}
      <p role="status" className="muted">
        {notice}
      </p>
      <ProblemAlert error={rules.error} context="Could not load the rules" />
      <ProblemAlert error={remove.error} context="The rule was not deleted" />
      {rules.isPending ? <p role="status">Loading rules…</p> : null}
      {items.length > 0 ? (
        <ul className="plain-list">
          {items.map((rule) => (
            <li key={rule.id} className="chunk">
              <strong>{rule.name}</strong> {rule.enabled ? null : <span className="tag">off</span>}
              <p>{ruleSummary(rule, channelName)}</p>
              <div className="row-actions">
                <button type="button" onClick={() => setEditing({ mode: 'edit', rule })}>
                  Edit<span className="visually-hidden"> rule {rule.name}</span>
                </button>
                <button type="button" onClick={() => setDoomed(rule)}>
                  Delete<span className="visually-hidden"> rule {rule.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {editing === null ? (
        // Only once the rules are in: the list and notices above then stop moving the button.
        rules.isSuccess ? (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'new' })}>
            Add a rule
          </button>
        ) : null
      ) : (
        <RuleEditor
          key={editing.mode === 'edit' ? editing.rule.id : 'new'}
          rule={editing.mode === 'edit' ? editing.rule : null}
          channels={channels.data ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setNotice(`Saved the rule “${saved}”.`);
          }}
        />
      )}
      <ConfirmDialog
        open={doomed !== null}
        title={`Delete the rule “${doomed?.name ?? ''}”?`}
        confirmLabel="Delete rule"
        danger
        busy={remove.isPending}
        onCancel={() => setDoomed(null)}
        onConfirm={confirmDelete}
      >
        <p>Notifications it routed follow your other rules (or the built-in routing when none is left).</p>
      </ConfirmDialog>
    </section>
  );
}
