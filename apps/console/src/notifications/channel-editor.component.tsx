import { useState, type FormEvent } from 'react';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import {
  CHANNEL_KINDS,
  CHANNEL_KIND_LABEL,
  NEW_CHANNEL,
  channelToForm,
  createChannelBody,
  updateChannelBody,
  urlIsMasked,
  type Channel,
  type ChannelForm,
} from './channel-form.util';
import { useCreateChannel, useUpdateChannel } from './notifications.queries';

const URL_HINT: Record<Exclude<Channel['kind'], 'email'>, string> = {
  webhook: 'Your HTTPS endpoint; requests are signed (Standard Webhooks) with a secret shown once after saving.',
  slack: 'A Slack incoming-webhook URL (https://hooks.slack.com/…); stored encrypted.',
  discord: 'A Discord webhook URL (https://discord.com/api/webhooks/…); stored encrypted.',
};

/** Add a channel, or edit one (its kind stays). Closes with the saved name and, for a new webhook, its secret. */
export function ChannelEditor({
  channel,
  onClose,
}: {
  channel: Channel | null;
  onClose(result: { name: string; secret: string | null } | null): void;
}) {
  const [form, setForm] = useState<ChannelForm>(() => (channel ? channelToForm(channel) : NEW_CHANNEL));
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;
  const errors = fieldErrorsOf(error);
  const set =
    <K extends keyof ChannelForm>(key: K) =>
    (value: ChannelForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (channel === null) {
      create.mutate(createChannelBody(form), {
        onSuccess: (result) => onClose({ name: result.channel.name, secret: result.signing_secret }),
      });
      return;
    }
    const body = updateChannelBody(form, channel);
    if (!body) {
      onClose(null);
      return;
    }
    update.mutate({ id: channel.id, body }, { onSuccess: (result) => onClose({ name: result.channel.name, secret: null }) });
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby="channel-form-title">
      <h3 id="channel-form-title">{channel ? `Edit “${channel.name}”` : 'Add a channel'}</h3>
      <ProblemAlert error={error} context="The channel was not saved" />
      <div className="field">
        <label htmlFor="ch-kind">Kind</label>
        <select
          id="ch-kind"
          value={form.kind}
          onChange={(e) => set('kind')(e.target.value as ChannelForm['kind'])}
          disabled={saving || channel !== null}
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CHANNEL_KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="ch-name"
        label="Name"
        value={form.name}
        onChange={set('name')}
        error={errorAt(errors, 'name')}
        disabled={saving}
        required
      />
      {form.kind === 'email' ? (
        <>
          <TextField
            id="ch-to"
            label="Recipients"
            value={form.to}
            onChange={set('to')}
            error={errorAt(errors, 'settings.to')}
            hint="Email addresses, separated by commas."
            disabled={saving}
            required
          />
          <TextField
            id="ch-sender"
            label="Sender name"
            value={form.senderName}
            onChange={set('senderName')}
            error={errorAt(errors, 'settings.sender_name')}
            hint="Empty: your business name."
            disabled={saving}
          />
        </>
      ) : (
        <TextField
          id="ch-url"
          label="URL"
          type="url"
          value={form.url}
          onChange={set('url')}
          error={errorAt(errors, 'settings.url') ?? errorAt(errors, 'settings')}
          hint={channel && urlIsMasked(form.kind) ? `Stored: ${channel.target}. Leave empty to keep it.` : URL_HINT[form.kind]}
          disabled={saving}
          required={!(channel && urlIsMasked(form.kind))}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled')(e.target.checked)} disabled={saving} /> On (sends
        notifications)
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : channel ? 'Save channel' : 'Add channel'}
        </button>
        <button type="button" onClick={() => onClose(null)} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
