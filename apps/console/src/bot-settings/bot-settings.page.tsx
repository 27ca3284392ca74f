import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/auth.context';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useBotSettings, useUpdateBotSettings } from './bot-settings.queries';
import { formToPatch, settingsToForm, TONES, type BotSettingsForm, type TenantSettings } from './bot-settings.util';
import '../forms/forms.css';

/** The bot's persona, tone, topics, emergency text and handoff (GET/PATCH /api/v1/settings). */
export function BotSettingsPage() {
  const settings = useBotSettings();
  // Held here, not in the form: the form is remounted with the saved settings, the outcome stays.
  const update = useUpdateBotSettings();
  return (
    <section aria-labelledby="bot-settings-title">
      <h1 id="bot-settings-title">Bot settings</h1>
      <ProblemAlert error={settings.error} context="Could not load the settings" />
      {settings.isPending ? <p role="status">Loading settings…</p> : null}
      {settings.data ? <SettingsForm key={settings.data.tenant.updatedAt} settings={settings.data} update={update} /> : null}
    </section>
  );
}

function SettingsForm({ settings, update }: { settings: TenantSettings; update: ReturnType<typeof useUpdateBotSettings> }) {
  const { role } = useSession();
  const readOnly = role !== 'tenant_admin';
  const [form, setForm] = useState<BotSettingsForm>(() => settingsToForm(settings));
  const [unchanged, setUnchanged] = useState(false);
  const errors = fieldErrorsOf(update.error);
  const set =
    <K extends keyof BotSettingsForm>(key: K) =>
    (value: BotSettingsForm[K]) => {
      setUnchanged(false);
      setForm((current) => ({ ...current, [key]: value }));
    };
  const disabled = readOnly || update.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = formToPatch(form, settings);
    if (!patch) {
      update.reset();
      setUnchanged(true);
      return;
    }
    update.mutate(patch);
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-describedby={readOnly ? 'settings-readonly' : undefined}>
      {readOnly ? (
        <p id="settings-readonly" className="notice">
          Only a tenant admin can change these settings; you can read them.
        </p>
      ) : null}
      <ProblemAlert error={update.error} context="The settings were not saved" />
      <TextField
        id="s-name"
        label="Business name"
        value={form.displayName}
        onChange={set('displayName')}
        error={errorAt(errors, 'displayName')}
        disabled={disabled}
        required
      />
      <TextField
        id="s-tz"
        label="Time zone"
        value={form.timezone}
        onChange={set('timezone')}
        error={errorAt(errors, 'timezone')}
        hint="An IANA time zone such as Europe/London."
        disabled={disabled}
        required
      />
      <TextField
        id="s-persona"
        label="Persona"
        value={form.persona}
        onChange={set('persona')}
        error={errorAt(errors, 'config.persona')}
        hint="Who the bot is and how it speaks for your business (its system prompt)."
        multiline
        rows={6}
        disabled={disabled}
      />
      <div className="field">
        <label htmlFor="s-tone">Tone</label>
        <select
          id="s-tone"
          value={form.tone}
          onChange={(e) => set('tone')(e.target.value as BotSettingsForm['tone'])}
          disabled={disabled}
          aria-invalid={errorAt(errors, 'config.tone') ? true : undefined}
        >
          {TONES.map((tone) => (
            <option key={tone} value={tone}>
              {tone[0].toUpperCase() + tone.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="s-topics"
        label="Allowed topics"
        value={form.allowedTopics}
        onChange={set('allowedTopics')}
        error={errorAt(errors, 'config.allowedTopics')}
        hint="One a line; empty: anything related to the business."
        multiline
        rows={3}
        disabled={disabled}
      />
      <TextField
        id="s-emergency"
        label="Emergency text"
        value={form.emergencyText}
        onChange={set('emergencyText')}
        error={errorAt(errors, 'config.emergencyText')}
        hint="Shown to a visitor when a message looks like an emergency (for example a gas leak line). Empty: none."
        multiline
        rows={2}
        disabled={disabled}
      />
      <fieldset>
        <legend>Handoff to a person</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.handoffEnabled}
            onChange={(e) => set('handoffEnabled')(e.target.checked)}
            disabled={disabled}
          />{' '}
          A visitor who asks for a person is handed to staff (the bot stops answering)
        </label>
        <br />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.notifyOnEscalation}
            onChange={(e) => set('notifyOnEscalation')(e.target.checked)}
            disabled={disabled}
          />{' '}
          Notify staff on every escalation request
        </label>
        <TextField
          id="s-handoff-message"
          label="Handoff message"
          value={form.handoffMessage}
          onChange={set('handoffMessage')}
          error={errorAt(errors, 'config.escalation')}
          hint="What the bot says when it hands over; empty: the default."
          multiline
          rows={2}
          disabled={disabled}
        />
      </fieldset>
      <div className="field">
        <label htmlFor="s-derived">After messages are deleted</label>
        <select
          id="s-derived"
          value={form.derivedDataRetention}
          onChange={(e) => set('derivedDataRetention')(e.target.value as BotSettingsForm['derivedDataRetention'])}
          disabled={disabled}
          aria-invalid={errorAt(errors, 'config.derivedDataRetention') ? true : undefined}
          aria-describedby="s-derived-hint"
        >
          <option value="keep">Keep summaries, interactions and contacts</option>
          <option value="with_messages">Delete them too</option>
        </select>
        <p id="s-derived-hint" className="field-hint">
          Messages are deleted after {settings.tenant.config.retentionDays} days. Deleting derived data too removes session summaries and
          interactions older than that, and erases contacts not seen for as long.
        </p>
      </div>
      <OwnerManaged settings={settings} />
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save settings'}
          </button>
          <p role="status" className="muted">
            {update.isSuccess && !unchanged ? 'Settings saved.' : unchanged ? 'Nothing to save: no setting changed.' : ''}
          </p>
        </div>
      )}
    </form>
  );
}

/** What only the platform owner changes, shown for reference. */
function OwnerManaged({ settings }: { settings: TenantSettings }) {
  const { tenant } = settings;
  return (
    <details>
      <summary>Managed by the platform</summary>
      <dl className="kv">
        <dt>Model</dt>
        <dd>
          {tenant.config.llm.primary.provider} / {tenant.config.llm.primary.model}
          {tenant.config.llm.fallbacks.length > 0
            ? `, then ${tenant.config.llm.fallbacks.map((f) => `${f.provider} / ${f.model}`).join(', ')}`
            : ''}
        </dd>
        <dt>Message retention</dt>
        <dd>{tenant.config.retentionDays} days</dd>
        <dt>Rate limit</dt>
        <dd>{tenant.config.rateLimitPerMinute === null ? 'platform default' : `${tenant.config.rateLimitPerMinute} a minute`}</dd>
        <dt>Industry</dt>
        <dd>{tenant.kind}</dd>
      </dl>
    </details>
  );
}
