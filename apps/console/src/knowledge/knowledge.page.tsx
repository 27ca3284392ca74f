import { DocumentList } from './document-list.component';
import { KnowledgeSearch } from './knowledge-search.component';
import { UploadDocument } from './upload-document.component';
import '../forms/forms.css';

/** The knowledge base the bot answers from: documents, upload, delete, and a test search. */
export function KnowledgePage() {
  return (
    <section aria-labelledby="knowledge-title">
      <h1 id="knowledge-title">Knowledge</h1>
      <p className="muted">The bot answers visitors from these documents. Upload text or markdown; test what a question retrieves.</p>
      <div className="two-columns">
        <UploadDocument />
        <KnowledgeSearch />
      </div>
      <DocumentList />
    </section>
  );
}
