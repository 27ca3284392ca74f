import { useState, type FormEvent } from 'react';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { FieldError, TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import type { Channel } from './channel-form.util';
import { useSaveRule, useStaffUsers } from './notifications.queries';
import {
  formToRuleRequest,
  KIND_LABEL,
  NEW_RULE,
  NOTIFICATION_KINDS,
  ROLE_LABEL,
  ruleProblems,
  ruleToForm,
  SEVERITIES,
  STAFF_ROLES,
  toggled,
  type Rule,
  type RuleForm,
} from './rule-form.util';

const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

/** Add or edit (replace) a rule. Closes with the saved rule's name, or null when cancelled. */
export function RuleEditor({
  rule,
  channels,
  onClose,
}: {
  rule: Rule | null;
  channels: readonly Channel[];
  onClose(saved: string | null): void;
}) {
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleToForm(rule) : NEW_RULE));
  const [checked, setChecked] = useState(false);
  const save = useSaveRule();
  const users = useStaffUsers();
  const problems = { ...fieldErrorsOf(save.error), ...(checked ? ruleProblems(form) : {}) };
  const set =
    <K extends keyof RuleForm>(key: K) =>
    (value: RuleForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const saving = save.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(ruleProblems(form)).length > 0) return;
    save.mutate({ id: rule?.id ?? null, body: formToRuleRequest(form) }, { onSuccess: (result) => onClose(result.rule.name) });
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby="rule-form-title">
      <h3 id="rule-form-title">{rule ? `Edit the rule “${rule.name}”` : 'Add a rule'}</h3>
      <ProblemAlert error={save.error} context="The rule was not saved" />
      <TextField
        id="r-name"
        label="Name"
        value={form.name}
        onChange={set('name')}
        error={errorAt(problems, 'name')}
        disabled={saving}
        required
      />
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled')(e.target.checked)} disabled={saving} /> On
      </label>
      <fieldset aria-describedby="r-kinds-hint">
        <legend>Notification kinds</legend>
        <p id="r-kinds-hint" className="field-hint">
          None ticked: every kind.
        </p>
        <div className="checks">
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={form.kinds.includes(kind)}
                onChange={(e) => set('kinds')(toggled(form.kinds, kind, e.target.checked))}
                disabled={saving}
              />{' '}
              {KIND_LABEL[kind]}
            </label>
          ))}
        </div>
        <FieldError id="r-kinds-error" message={errorAt(problems, 'kinds')} />
      </fieldset>
      <div className="field">
        <label htmlFor="r-severity">Minimum severity</label>
        <select
          id="r-severity"
          value={form.minSeverity}
          onChange={(e) => set('minSeverity')(e.target.value as RuleForm['minSeverity'])}
          disabled={saving}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Send to channels</legend>
        {channels.length === 0 ? <p className="field-hint">No channel yet: add one under Channels.</p> : null}
        <div className="checks">
          {channels.map((channel) => (
            <label key={channel.id} className="checkbox">
              <input
                type="checkbox"
                checked={form.channelIds.includes(channel.id)}
                onChange={(e) => set('channelIds')(toggled(form.channelIds, channel.id, e.target.checked))}
                disabled={saving}
              />{' '}
              {channel.name}
            </label>
          ))}
        </div>
        <FieldError id="r-channels-error" message={errorAt(problems, 'channel_ids')} />
      </fieldset>
      <fieldset>
        <legend>Put in the inbox of</legend>
        <div className="checks">
          {STAFF_ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={form.inboxRoles.includes(role)}
                onChange={(e) => set('inboxRoles')(toggled(form.inboxRoles, role, e.target.checked))}
                disabled={saving}
              />{' '}
              All {ROLE_LABEL[role].toLowerCase()}
            </label>
          ))}
          {(users.data ?? []).map((user) => (
            <label key={user.id} className="checkbox">
              <input
                type="checkbox"
                checked={form.inboxUserIds.includes(user.id)}
                onChange={(e) => set('inboxUserIds')(toggled(form.inboxUserIds, user.id, e.target.checked))}
                disabled={saving}
              />{' '}
              {user.displayName || user.email}
            </label>
          ))}
        </div>
        <FieldError id="r-users-error" message={errorAt(problems, 'inbox_user_ids') ?? errorAt(problems, 'inbox_roles')} />
      </fieldset>
      <fieldset>
        <legend>Quiet hours</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.quietHours} onChange={(e) => set('quietHours')(e.target.checked)} disabled={saving} /> Hold
          non-critical notifications during quiet hours
        </label>
        {form.quietHours ? (
          <div className="filters">
            <TextField
              id="r-quiet-start"
              label="From"
              type="time"
              value={form.quietStart}
              onChange={set('quietStart')}
              error={errorAt(problems, 'quiet_hours.start')}
              disabled={saving}
            />
            <TextField
              id="r-quiet-end"
              label="Until"
              type="time"
              value={form.quietEnd}
              onChange={set('quietEnd')}
              error={errorAt(problems, 'quiet_hours.end')}
              disabled={saving}
            />
            <TextField
              id="r-quiet-tz"
              label="Time zone"
              value={form.quietTimezone}
              onChange={set('quietTimezone')}
              error={errorAt(problems, 'quiet_hours.timezone')}
              hint="Empty: your business’s."
              disabled={saving}
            />
          </div>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Daily digest</legend>
        <label className="checkbox">
          <input type="checkbox" checked={form.digest} onChange={(e) => set('digest')(e.target.checked)} disabled={saving} /> Hold matching
          notifications and send one summary a day
        </label>
        {form.digest ? (
          <div className="field">
            <label htmlFor="r-digest-hour">At (hour, local time)</label>
            <select
              id="r-digest-hour"
              value={form.digestHour}
              onChange={(e) => set('digestHour')(e.target.value)}
              disabled={saving}
              aria-invalid={errorAt(problems, 'digest_hour') ? true : undefined}
              aria-describedby={errorAt(problems, 'digest_hour') ? 'r-digest-error' : undefined}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {h.padStart(2, '0')}:00
                </option>
              ))}
            </select>
            <FieldError id="r-digest-error" message={errorAt(problems, 'digest_hour')} />
          </div>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : rule ? 'Save rule' : 'Add rule'}
        </button>
        <button type="button" onClick={() => onClose(null)} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
