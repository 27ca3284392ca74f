import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../shell/problem-alert.component';
import { degradeBody, SWITCHES, type DegradeSwitches } from './degrade.util';

interface Props {
  /** Prefix of the element ids (one form per scope on the page). */
  id: string;
  configured: DegradeSwitches;
  reason: string | null;
  saving: boolean;
  error: unknown;
  onSave(body: { switches: DegradeSwitches; reason: string | null }): void;
}

/** The owner's switches of one scope (platform or tenant) with a reason; saving replaces them as a whole. */
export function DegradeSwitchesForm({ id, configured, reason, saving, error, onSave }: Props) {
  const [switches, setSwitches] = useState<DegradeSwitches>(configured);
  const [why, setWhy] = useState(reason ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(degradeBody(switches, why));
  };
  return (
    <form onSubmit={submit}>
      <ProblemAlert error={error} context="The switches were not saved" />
      <fieldset>
        <legend>Switches</legend>
        {SWITCHES.map((s) => (
          <label key={s.name} className="checkbox">
            <input
              type="checkbox"
              id={`${id}-${s.name}`}
              checked={switches[s.name]}
              onChange={(e) => setSwitches((current) => ({ ...current, [s.name]: e.target.checked }))}
              disabled={saving}
            />{' '}
            <strong>{s.label}</strong>: {s.effect}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-reason`}>Reason (shown here and in the audit log)</label>
      <textarea id={`${id}-reason`} rows={2} maxLength={500} value={why} onChange={(e) => setWhy(e.target.value)} disabled={saving} />
      <button type="submit" className="primary" disabled={saving}>
        Save switches
      </button>
    </form>
  );
}
