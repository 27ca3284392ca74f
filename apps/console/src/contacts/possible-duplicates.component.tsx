import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../forms/confirm-dialog.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useMergeContact } from './contacts.queries';
import type { Contact } from './contacts.util';
import { duplicateNotices, mergeConfirmation, mergedMessage, type DuplicateNotice } from './possible-duplicates.util';

/**
 * "Possible duplicate" notices: contacts kept apart from this one (a shared phone number, but
 * another name or email), each with a link to it and "Merge into this contact" (confirmed).
 */
export function PossibleDuplicates({ contact }: { contact: Contact }) {
  const merger = useMergeContact(contact.id);
  const [confirming, setConfirming] = useState<DuplicateNotice | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const notices = duplicateNotices(contact);

  const merge = (duplicate: DuplicateNotice) =>
    merger.mutate(duplicate.contactId, {
      onSuccess: (result) => {
        setConfirming(null);
        setMerged(mergedMessage(duplicate.title, result));
      },
    });

  if (notices.length === 0 && !merged) return null;
  return (
    <div className="possible-duplicates">
      <p role="status" className={merged ? 'notice' : 'visually-hidden'}>
        {merged ?? ''}
      </p>
      {notices.map((notice) => (
        <div key={notice.contactId} className="form-card" role="group" aria-label={`Possible duplicate: ${notice.title}`}>
          <h2>Possible duplicate</h2>
          <p>
            <Link to={notice.href} relative="path">
              {notice.title}
            </Link>
            {notice.details.length > 0 ? ` (${notice.details.join(', ')})` : null} may be the same person. {notice.reason}.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => setConfirming(notice)} disabled={merger.isPending}>
              Merge into this contact
            </button>
          </div>
        </div>
      ))}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `Merge ${confirming.title} into this contact?` : 'Merge'}
        confirmLabel="Merge"
        busy={merger.isPending}
        onCancel={() => {
          setConfirming(null);
          merger.reset();
        }}
        onConfirm={() => confirming && merge(confirming)}
      >
        {confirming ? <p>{mergeConfirmation(contact, confirming)}</p> : null}
        <ProblemAlert error={merger.error} context="Merge failed" />
      </ConfirmDialog>
    </div>
  );
}
