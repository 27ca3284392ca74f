import { useState } from 'react';
import { ConfirmDialog } from '../forms/confirm-dialog.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { ChannelEditor } from './channel-editor.component';
import { CHANNEL_KIND_LABEL, type Channel } from './channel-form.util';
import { deliveryOutcome } from './delivery-log.util';
import { useChannels, useDeleteChannel, useRotateSecret, useTestChannel } from './notifications.queries';

type Editing = { mode: 'new' } | { mode: 'edit'; channel: Channel } | null;

/** The tenant's channels: add, edit, delete, send a test, rotate a webhook's signing secret (shown once). */
export function ChannelsSection() {
  const channels = useChannels();
  const remove = useDeleteChannel();
  const rotate = useRotateSecret();
  const test = useTestChannel();
  const [editing, setEditing] = useState<Editing>(null);
  const [doomed, setDoomed] = useState<Channel | null>(null);
  const [rotating, setRotating] = useState<Channel | null>(null);
  const [secret, setSecret] = useState<{ channel: string; value: string } | null>(null);
  const [notice, setNotice] = useState('');
  const items = channels.data ?? [];

  const sendTest = (channel: Channel) => {
    setNotice('');
    test.mutate(channel.id, { onSuccess: (delivery) => setNotice(`Test to “${channel.name}”: ${deliveryOutcome(delivery)}.`) });
  };
  const confirmDelete = () => {
    if (!doomed) return;
    const name = doomed.name;
    remove.mutate(doomed.id, {
      onSuccess: () => {
        setDoomed(null);
        setNotice(`Deleted “${name}”.`);
      },
    });
  };
  const confirmRotate = () => {
    if (!rotating) return;
    rotate.mutate(rotating.id, {
      onSuccess: (result) => {
        setRotating(null);
        setSecret({ channel: result.channel.name, value: result.signing_secret });
      },
    });
  };

  return (
    <section aria-labelledby="channels-title">
      <h2 id="channels-title">Channels</h2>
      <p className="muted">
        Everyone’s in-app inbox always works; channels send notifications elsewhere. Rules decide which notifications go where.
      </p>
      <p role="status" className="muted">
        {notice}
      </p>
      {secret ? <SecretOnce name={secret.channel} secret={secret.value} onDone={() => setSecret(null)} /> : null}
      <ProblemAlert error={channels.error} context="Could not load the channels" />
      <ProblemAlert error={test.error} context="The test was not sent" />
      <ProblemAlert
        error={remove.error ?? rotate.error}
        context={remove.error ? 'The channel was not deleted' : 'The secret was not rotated'}
      />
      {channels.isPending ? <p role="status">Loading channels…</p> : null}
      {channels.isSuccess && items.length === 0 ? <p>No channel yet.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Sends to</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((channel) => (
                <tr key={channel.id}>
                  <th scope="row">{channel.name}</th>
                  <td>{CHANNEL_KIND_LABEL[channel.kind]}</td>
                  <td>
                    <code>{channel.target}</code>
                  </td>
                  <td>{channel.enabled ? 'On' : 'Off'}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" onClick={() => setEditing({ mode: 'edit', channel })}>
                        Edit<span className="visually-hidden"> {channel.name}</span>
                      </button>
                      <button type="button" onClick={() => sendTest(channel)} disabled={test.isPending}>
                        {test.isPending && test.variables === channel.id ? 'Sending…' : 'Send test'}
                        <span className="visually-hidden"> to {channel.name}</span>
                      </button>
                      {channel.kind === 'webhook' ? (
                        <button type="button" onClick={() => setRotating(channel)}>
                          Rotate secret<span className="visually-hidden"> of {channel.name}</span>
                        </button>
                      ) : null}
                      <button type="button" onClick={() => setDoomed(channel)}>
                        Delete<span className="visually-hidden"> {channel.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing === null ? (
        // Only once the channels are in: the list above then stops moving the button.
        channels.isSuccess ? (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'new' })}>
            Add a channel
          </button>
        ) : null
      ) : (
        <ChannelEditor
          key={editing.mode === 'edit' ? editing.channel.id : 'new'}
          channel={editing.mode === 'edit' ? editing.channel : null}
          onClose={(result) => {
            setEditing(null);
            if (result?.secret) setSecret({ channel: result.name, value: result.secret });
            if (result) setNotice(`Saved “${result.name}”.`);
          }}
        />
      )}
      <ConfirmDialog
        open={doomed !== null}
        title={`Delete “${doomed?.name ?? ''}”?`}
        confirmLabel="Delete channel"
        danger
        busy={remove.isPending}
        onCancel={() => setDoomed(null)}
        onConfirm={confirmDelete}
      >
        <p>Rules stop sending to it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={rotating !== null}
        title={`Rotate the signing secret of “${rotating?.name ?? ''}”?`}
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        onCancel={() => setRotating(null)}
        onConfirm={confirmRotate}
      >
        <p>
          A new secret is issued and shown once. The old one keeps signing (as a second signature) for a day, so the receiver can switch
          without losing deliveries.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** A signing secret, shown this once. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  return (
    <div className="form-card" role="region" aria-labelledby="secret-title">
      <h3 id="secret-title">Signing secret of “{name}”</h3>
      <p>Copy it now into the receiver’s configuration: it is not shown again.</p>
      <p className="secret" data-testid="signing-secret">
        {secret}
      </p>
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
