import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/auth.context';
import { errorAt, fieldErrorsOf, type FieldErrors } from '../forms/field-errors.util';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useSaveSignalSettings, useSignalSettings } from './signal-settings.queries';
import {
  CLASSIFIER_LABELS,
  formToSettings,
  sameSettings,
  settingsToForm,
  thresholdSummary,
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  type ClassifierLabel,
  type SignalSettingsAnswer,
  type SignalSettingsForm,
} from './signal-settings.util';
import '../forms/forms.css';

const LABEL_NAMES: Record<ClassifierLabel, string> = { urgency: 'Urgency', safety: 'Safety', escalation: 'Escalation' };

/** How the bot flags urgent, unsafe and escalating messages (GET/PUT /api/v1/settings/signals). */
export function SignalSettingsPage() {
  const settings = useSignalSettings();
  // Held here, not in the form: the form is remounted with the saved settings, the outcome stays.
  const save = useSaveSignalSettings();
  return (
    <section aria-labelledby="signal-settings-title">
      <h1 id="signal-settings-title">Signals</h1>
      <p className="muted">
        Every visitor message is checked, before the answer, for urgency, safety risks and requests for a person: by rules and by a learned
        classifier. A flag alerts your staff, so tune it to your business.
      </p>
      <ProblemAlert error={settings.error} context="Could not load the signal settings" />
      {settings.isPending ? <p role="status">Loading signal settings…</p> : null}
      {settings.data ? <SignalsForm key={JSON.stringify(settings.data.settings)} answer={settings.data} save={save} /> : null}
    </section>
  );
}

function SignalsForm({ answer, save }: { answer: SignalSettingsAnswer; save: ReturnType<typeof useSaveSignalSettings> }) {
  const { role } = useSession();
  const readOnly = role !== 'tenant_admin';
  const [form, setForm] = useState<SignalSettingsForm>(() => settingsToForm(answer.settings));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const errors = { ...fieldErrorsOf(save.error), ...localErrors };
  const edit = (change: Partial<SignalSettingsForm>) => {
    setUnchanged(false);
    setForm((current) => ({ ...current, ...change }));
  };
  const disabled = readOnly || save.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = formToSettings(form, answer.settings);
    if ('errors' in result) {
      save.reset();
      setLocalErrors(result.errors);
      return;
    }
    setLocalErrors({});
    if (sameSettings(result.settings, answer.settings)) {
      save.reset();
      setUnchanged(true);
      return;
    }
    save.mutate(result.settings);
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-describedby={readOnly ? 'signals-readonly' : undefined}>
      {readOnly ? (
        <p id="signals-readonly" className="notice">
          Only a tenant admin can change these settings; you can read them.
        </p>
      ) : null}
      {answer.valid ? null : (
        <p className="notice" role="alert">
          The stored signal settings are no longer valid, so the built-in settings are in use. Saving this form replaces them.
        </p>
      )}
      <ProblemAlert error={save.error} context="The signal settings were not saved" />
      <fieldset>
        <legend>Learned classifier</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.classifierEnabled}
            onChange={(e) => edit({ classifierEnabled: e.target.checked })}
            disabled={disabled}
            aria-invalid={errorAt(errors, 'classifier.enabled') ? true : undefined}
          />{' '}
          Use the classifier beside the rules (it reads every language; off: the English rules alone)
        </label>
        {CLASSIFIER_LABELS.map((label) => (
          <TextField
            key={label}
            id={`sig-threshold-${label}`}
            label={`${LABEL_NAMES[label]} threshold`}
            type="number"
            value={form.thresholds[label]}
            onChange={(value) => edit({ thresholds: { ...form.thresholds, [label]: value } })}
            error={errorAt(errors, `classifier.thresholds.${label}`)}
            placeholder={String(answer.defaults.thresholds[label])}
            hint={`From ${THRESHOLD_MIN} to ${THRESHOLD_MAX}; lower flags more, 1 turns the classifier off for ${label}; empty: the model default (${answer.defaults.thresholds[label]}). Now: ${thresholdSummary(form, answer.defaults, label)}.`}
            disabled={disabled || !form.classifierEnabled}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>Rules</legend>
        <TextField
          id="sig-disable"
          label="Switched-off rules"
          value={form.disable}
          onChange={(disable) => edit({ disable })}
          error={errorAt(errors, 'disable')}
          hint="One built-in rule id a line (for example locked_out). The classifier still reads the message: raise its threshold too."
          multiline
          rows={3}
          disabled={disabled}
        />
        <TextField
          id="sig-extend"
          label="Extra terms for a rule"
          value={form.extend}
          onChange={(extend) => edit({ extend })}
          error={errorAt(errors, 'extend')}
          hint="One a line as rule_id: term (for example flooding: water in the cellar). Literal words, not patterns."
          multiline
          rows={4}
          disabled={disabled}
        />
        <TextField
          id="sig-figurative"
          label="Figures of speech"
          value={form.figurative}
          onChange={(figurative) => edit({ figurative })}
          error={errorAt(errors, 'figurative')}
          hint="One phrase a line whose words are not meant literally (for example flooding the market)."
          multiline
          rows={3}
          disabled={disabled}
        />
        {answer.settings.rules.length > 0 || errorAt(errors, 'rules') ? (
          <p className="muted">
            {answer.settings.rules.length} rule{answer.settings.rules.length === 1 ? '' : 's'} of your own (
            {answer.settings.rules.map((r) => r.id).join(', ')}), set through the API, are kept.
            {errorAt(errors, 'rules') ? ` Problem: ${errorAt(errors, 'rules')}` : ''}
          </p>
        ) : null}
      </fieldset>
      {readOnly ? null : (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save signal settings'}
          </button>
          <p role="status" className="muted">
            {save.isSuccess && !unchanged
              ? 'Signal settings saved; they apply from the next message.'
              : unchanged
                ? 'Nothing to save: no setting changed.'
                : ''}
          </p>
        </div>
      )}
    </form>
  );
}
