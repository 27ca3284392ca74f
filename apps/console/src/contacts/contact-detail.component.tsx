import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/auth.context';
import { ConfirmDialog } from '../forms/confirm-dialog.component';
import { downloadJson, safeFileName } from '../forms/download.util';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { ContactTimeline } from './contact-timeline.component';
import { useContact, useEraseContact, useExportContact } from './contacts.queries';
import { contactName, exportBaseName, provenanceRows, type Contact } from './contacts.util';
import { PossibleDuplicates } from './possible-duplicates.component';

/** One contact: possible duplicates to merge, each field with where it came from, the preferences, the timeline; export and erase for admins. */
export function ContactDetail() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  return (
    <section aria-labelledby="contact-title">
      <p>
        <Link to="..">← All contacts</Link>
      </p>
      {contact.data ? null : <h1 id="contact-title">Contact</h1>}
      <ProblemAlert error={contact.error} context="Could not load the contact" />
      {contact.isPending ? <p role="status">Loading the contact…</p> : null}
      {contact.data ? <ContactView contact={contact.data.contact} /> : null}
    </section>
  );
}

function ContactView({ contact }: { contact: Contact }) {
  const { role } = useSession();
  const isAdmin = role === 'tenant_admin';
  const rows = provenanceRows(contact);
  return (
    <>
      <h1 id="contact-title">{contactName(contact)}</h1>
      <dl className="kv">
        <dt>First seen</dt>
        <dd>{fullDate(contact.firstSeenAt)}</dd>
        <dt>Last seen</dt>
        <dd>{fullDate(contact.lastSeenAt)}</dd>
        <dt>Conversations</dt>
        <dd>
          {contact.interactionCount} (<Link to={`/conversations?contact_id=${contact.id}`}>open their conversations</Link>)
        </dd>
        {contact.externalUserId ? (
          <>
            <dt>Your id for them</dt>
            <dd>{contact.externalUserId}</dd>
          </>
        ) : null}
      </dl>
      <PossibleDuplicates key={contact.id} contact={contact} />
      {isAdmin ? <ContactActions contact={contact} /> : <p className="muted">Export and erase are for tenant admins.</p>}
      <h2>Where each detail came from</h2>
      {rows.length === 0 ? (
        <p>No detail extracted yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Field provenance">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Value</th>
                <th scope="col">Confidence</th>
                <th scope="col">Correction</th>
                <th scope="col">Observed</th>
                <th scope="col">Source message</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                  <td>{row.confidence}</td>
                  <td>{row.correction ? 'Yes, the visitor corrected it' : 'No'}</td>
                  <td>
                    <time dateTime={row.observedAt}>{fullDate(row.observedAt)}</time>
                  </td>
                  <td>
                    {row.sourceMessageId ? (
                      <code title={row.sourceMessageId}>{row.sourceMessageId.slice(0, 8)}</code>
                    ) : (
                      'given by your backend'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {contact.preferences.length > 0 ? (
        <>
          <h2>Preferences</h2>
          <ul>
            {contact.preferences.map((p) => (
              <li key={`${p.kind}:${p.value}`}>
                <strong>{p.kind}</strong>: {p.value}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ContactTimeline contactId={contact.id} />
    </>
  );
}

function ContactActions({ contact }: { contact: Contact }) {
  const navigate = useNavigate();
  const exporter = useExportContact();
  const eraser = useEraseContact();
  const [confirming, setConfirming] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const name = contactName(contact);

  const exportNow = () =>
    exporter.mutate(contact.id, {
      onSuccess: (data) => {
        const file = safeFileName(exportBaseName(contact, data.exportedAt), 'json');
        downloadJson(file, data);
        setExported(file);
      },
    });
  const erase = () =>
    eraser.mutate(contact.id, {
      onSuccess: (result) => {
        setConfirming(false);
        navigate('..', {
          state: {
            notice: `${name} was erased: ${result.messages_pseudonymized} messages in ${result.sessions} conversations pseudonymized.`,
          },
        });
      },
    });

  return (
    <div className="form-card">
      <h2>Data requests</h2>
      <ProblemAlert error={exporter.error} context="Export failed" />
      <ProblemAlert error={eraser.error} context="Erase failed" />
      <div className="form-actions">
        <button type="button" onClick={exportNow} disabled={exporter.isPending}>
          {exporter.isPending ? 'Exporting…' : 'Export (JSON)'}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={eraser.isPending}>
          Erase contact
        </button>
        <p role="status" className="muted">
          {exported ? `Downloaded ${exported}.` : ''}
        </p>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Erase ${name}?`}
        confirmLabel="Erase for good"
        danger
        busy={eraser.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={erase}
      >
        <p>The contact and their details are deleted and the text of their messages is pseudonymized. This cannot be undone.</p>
        <ProblemAlert error={eraser.error} context="Erase failed" />
      </ConfirmDialog>
    </div>
  );
}
