import { useState } from 'react';
import { ConfirmDialog } from '../forms/confirm-dialog.component';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useDeleteDocument, useKnowledgeDocuments } from './knowledge.queries';
import type { KnowledgeDocument } from './knowledge.util';

const STATUS = { pending: 'Waiting', processing: 'Processing', ready: 'Ready', failed: 'Failed' } as const;

/** The tenant's documents, newest first, each with a delete button (confirmed). */
export function DocumentList() {
  const documents = useKnowledgeDocuments();
  const remove = useDeleteDocument();
  const [doomed, setDoomed] = useState<KnowledgeDocument | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const items = documents.data?.pages.flatMap((page) => page.items) ?? [];

  const confirmDelete = () => {
    if (!doomed) return;
    const title = doomed.title;
    remove.mutate(doomed.id, {
      onSuccess: () => {
        setDoomed(null);
        setDeleted(title);
      },
    });
  };

  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <p role="status" className="muted">
        {deleted ? `Deleted “${deleted}”.` : ''}
      </p>
      <ProblemAlert error={documents.error} context="Could not load the documents" />
      <ProblemAlert error={remove.error} context="The document was not deleted" />
      {documents.isPending ? <p role="status">Loading documents…</p> : null}
      {documents.isSuccess && items.length === 0 ? <p>No document yet. Add one above: the bot can only answer from what it has.</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Format</th>
                <th scope="col">Status</th>
                <th scope="col">Chunks</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((doc) => (
                <tr key={doc.id}>
                  <th scope="row">{doc.title}</th>
                  <td>{doc.format}</td>
                  <td>
                    {STATUS[doc.status]}
                    {doc.embedded ? ', with vectors' : ''}
                  </td>
                  <td>{doc.chunkCount}</td>
                  <td>
                    <time dateTime={doc.updatedAt}>{fullDate(doc.updatedAt)}</time>
                  </td>
                  <td>
                    <button type="button" onClick={() => setDoomed(doc)}>
                      Delete<span className="visually-hidden"> {doc.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {documents.hasNextPage ? (
        <button type="button" onClick={() => void documents.fetchNextPage()} disabled={documents.isFetchingNextPage}>
          {documents.isFetchingNextPage ? 'Loading…' : 'More documents'}
        </button>
      ) : null}
      <ConfirmDialog
        open={doomed !== null}
        title={`Delete “${doomed?.title ?? ''}”?`}
        confirmLabel="Delete document"
        danger
        busy={remove.isPending}
        onCancel={() => setDoomed(null)}
        onConfirm={confirmDelete}
      >
        <p>The document and its chunks are deleted; the bot stops answering from it.</p>
      </ConfirmDialog>
    </section>
  );
}
