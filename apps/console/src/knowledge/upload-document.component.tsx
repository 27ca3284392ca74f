import { useState, type ChangeEvent, type FormEvent } from 'react';
import { errorAt, fieldErrorsOf } from '../forms/field-errors.util';
import { FieldError, TextField } from '../forms/text-field.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { useUploadDocument } from './knowledge.queries';
import { formatOfFile, isTextFile, titleOfFile, uploadProblems, type UploadForm } from './knowledge.util';

const EMPTY: UploadForm = { title: '', format: 'text', content: '', audience: 'everyone' };

/** Upload a text or markdown document, from a file or pasted. */
export function UploadDocument() {
  const [form, setForm] = useState<UploadForm>(EMPTY);
  const [checked, setChecked] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [fileKey, setFileKey] = useState(0);
  const upload = useUploadDocument();
  const local = checked ? uploadProblems(form) : {};
  const remote = fieldErrorsOf(upload.error);
  const set =
    <K extends keyof UploadForm>(key: K) =>
    (value: UploadForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileProblem(undefined);
    if (!file) return;
    if (!isTextFile(file.name, file.type)) {
      setFileProblem('Choose a text (.txt) or markdown (.md) file.');
      return;
    }
    const content = await file.text();
    setForm((current) => ({
      ...current,
      content,
      format: formatOfFile(file.name, file.type),
      title: current.title || titleOfFile(file.name),
    }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(uploadProblems(form)).length > 0) return;
    upload.mutate(form, {
      onSuccess: () => {
        setForm(EMPTY);
        setChecked(false);
        setFileKey((k) => k + 1);
      },
    });
  };

  return (
    <form className="form-card" onSubmit={submit} noValidate aria-labelledby="upload-title">
      <h2 id="upload-title">Add a document</h2>
      <ProblemAlert error={upload.error} context="The document was not uploaded" />
      <div className="field">
        <label htmlFor="k-file">Text or markdown file</label>
        <input
          key={fileKey}
          id="k-file"
          type="file"
          accept=".txt,.md,.markdown,text/plain,text/markdown"
          onChange={(e) => void chooseFile(e)}
          disabled={upload.isPending}
          aria-describedby={fileProblem ? 'k-file-error' : undefined}
          aria-invalid={fileProblem ? true : undefined}
        />
        <FieldError id="k-file-error" message={fileProblem} />
      </div>
      <TextField
        id="k-title"
        label="Title"
        value={form.title}
        onChange={set('title')}
        error={local.title ?? errorAt(remote, 'title')}
        disabled={upload.isPending}
        required
      />
      <TextField
        id="k-content"
        label="Content"
        value={form.content}
        onChange={set('content')}
        error={local.content ?? errorAt(remote, 'content')}
        hint="Paste the text, or choose a file above to fill this in."
        multiline
        rows={8}
        disabled={upload.isPending}
        required
      />
      <div className="field">
        <label htmlFor="k-format">Format</label>
        <select
          id="k-format"
          value={form.format}
          onChange={(e) => set('format')(e.target.value as UploadForm['format'])}
          disabled={upload.isPending}
        >
          <option value="text">Plain text</option>
          <option value="markdown">Markdown</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="k-audience">Who may the bot tell</label>
        <select
          id="k-audience"
          value={form.audience}
          onChange={(e) => set('audience')(e.target.value as UploadForm['audience'])}
          disabled={upload.isPending}
        >
          <option value="everyone">Visitors and staff</option>
          <option value="staff">Staff only (the staff assistant)</option>
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={upload.isPending}>
          {upload.isPending ? 'Uploading…' : 'Upload document'}
        </button>
        <p role="status" className="muted">
          {upload.isSuccess
            ? `${upload.data.replaced ? 'Replaced' : 'Added'} “${upload.data.document.title}” (${upload.data.document.chunkCount === 1 ? '1 chunk' : `${upload.data.document.chunkCount} chunks`}).`
            : ''}
        </p>
      </div>
    </form>
  );
}
