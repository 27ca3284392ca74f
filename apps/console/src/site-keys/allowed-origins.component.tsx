import { useState, type FormEvent } from 'react';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useOriginSettings, useUpdateOrigins } from './site-keys.queries';
import { originsFromText } from './site-keys.util';

/** The browser origins allowed to open chats (PATCH /api/v1/settings, the list as a whole). */
export function AllowedOriginsForm() {
  const settings = useOriginSettings();
  const update = useUpdateOrigins();
  const stored = settings.data?.tenant.config.allowedOrigins;
  const [text, setText] = useState<string | null>(null);
  const value = text ?? (stored ?? []).join('\n');
  const errors = fieldErrorsOf(update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(originsFromText(value), { onSuccess: (saved) => setText(saved.tenant.config.allowedOrigins.join('\n')) });
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby="origins-title">
      <h2 id="origins-title">Allowed origins</h2>
      <ProblemAlert error={settings.error} context="Could not load the allowed origins" />
      <ProblemAlert error={update.error} context="The origins were not saved" />
      <TextField
        id="o-origins"
        label="Origins, one a line"
        value={value}
        onChange={setText}
        error={errorAt(errors, 'config.allowedOrigins')}
        hint="Scheme and host, no path: https://www.example.com"
        multiline
        rows={4}
        disabled={update.isPending || !settings.data}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={update.isPending || !settings.data}>
          {update.isPending ? 'Saving…' : 'Save origins'}
        </button>
        <p role="status" className="muted">
          {update.isSuccess ? 'Origins saved.' : ''}
        </p>
      </div>
    </form>
  );
}
