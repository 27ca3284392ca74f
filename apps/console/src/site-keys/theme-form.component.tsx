import { useState, type FormEvent } from 'react';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useUpdateTheme } from './site-keys.queries';
import { themePatch, type WidgetTheme } from './site-keys.util';

/** The widget's colour, name, greeting and corner (PUT /api/v1/site-keys/theme). */
export function ThemeForm({ theme }: { theme: WidgetTheme }) {
  const [form, setForm] = useState<WidgetTheme>(theme);
  const [unchanged, setUnchanged] = useState(false);
  const update = useUpdateTheme();
  const errors = fieldErrorsOf(update.error);
  const set =
    <K extends keyof WidgetTheme>(key: K) =>
    (value: WidgetTheme[K]) => {
      setUnchanged(false);
      setForm((current) => ({ ...current, [key]: value }));
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = themePatch(form, theme);
    setUnchanged(patch === null);
    if (patch) update.mutate(patch);
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby="theme-title">
      <h2 id="theme-title">Widget look</h2>
      <ProblemAlert error={update.error} context="The theme was not saved" />
      <TextField
        id="t-name"
        label="Name in the header"
        value={form.name}
        onChange={set('name')}
        error={errorAt(errors, 'name')}
        disabled={update.isPending}
      />
      <TextField
        id="t-greeting"
        label="Greeting"
        value={form.greeting}
        onChange={set('greeting')}
        error={errorAt(errors, 'greeting')}
        multiline
        rows={2}
        disabled={update.isPending}
      />
      <TextField
        id="t-color"
        label="Accent colour"
        type="color"
        value={form.color}
        onChange={set('color')}
        error={errorAt(errors, 'color')}
        disabled={update.isPending}
      />
      <fieldset>
        <legend>Corner</legend>
        <div className="checks">
          {(['right', 'left'] as const).map((position) => (
            <label key={position} className="checkbox">
              <input
                type="radio"
                name="t-position"
                value={position}
                checked={form.position === position}
                onChange={() => set('position')(position)}
                disabled={update.isPending}
              />{' '}
              Bottom {position}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save look'}
        </button>
        <p role="status" className="muted">
          {update.isSuccess ? 'Theme saved.' : unchanged ? 'Nothing changed.' : ''}
        </p>
      </div>
    </form>
  );
}
