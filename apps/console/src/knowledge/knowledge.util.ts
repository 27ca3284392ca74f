import type { components } from '../api/schema.gen';

export type KnowledgeDocument = components['schemas']['KnowledgeDocumentPage']['items'][number];
export type KnowledgeHit = components['schemas']['KnowledgeSearchResult']['items'][number];
export type DocumentFormat = KnowledgeDocument['format'];

/** The gateway's limit for one document (MAX_KNOWLEDGE_DOCUMENT_CHARS in libs/contracts). */
export const MAX_TITLE_CHARS = 300;

/** The upload form's state: pasted text, or the text of a chosen file. */
export interface UploadForm {
  title: string;
  format: DocumentFormat;
  content: string;
  audience: 'everyone' | 'staff';
}

/** A document's format from its file name: markdown for .md/.markdown, else text. */
export function formatOfFile(name: string, type = ''): DocumentFormat {
  return /\.(md|markdown)$/i.test(name) || type === 'text/markdown' ? 'markdown' : 'text';
}

/** A title from a file name: without its extension, dashes and underscores as spaces. */
export function titleOfFile(name: string): string {
  const base = name
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return (base || name).slice(0, MAX_TITLE_CHARS);
}

/** Whether a chosen file is one the API takes (plain text or markdown). */
export function isTextFile(name: string, type: string): boolean {
  return type === 'text/plain' || type === 'text/markdown' || /\.(txt|md|markdown|text)$/i.test(name);
}

/** Problems the API would answer with a 400, said before the upload, by field. */
export function uploadProblems(form: UploadForm): Partial<Record<'title' | 'content', string>> {
  const problems: Partial<Record<'title' | 'content', string>> = {};
  if (!form.title.trim()) problems.title = 'Give the document a title.';
  else if (form.title.trim().length > MAX_TITLE_CHARS) problems.title = `At most ${MAX_TITLE_CHARS} characters.`;
  if (!form.content.trim()) problems.content = 'Paste the text or choose a file.';
  return problems;
}

/** POST /api/v1/knowledge/documents's JSON body. */
export function uploadBody(form: UploadForm) {
  return {
    title: form.title.trim(),
    format: form.format,
    content: form.content,
    ...(form.audience === 'staff' ? { audience: 'staff' as const } : {}),
  };
}

/** How a hit was found: "full text and vectors", "full text", "vectors". */
export function matchedByText(matchedBy: KnowledgeHit['matchedBy']): string {
  const words = matchedBy.map((m) => (m === 'fulltext' ? 'full text' : 'vectors'));
  return words.length === 0 ? 'unknown' : words.join(' and ');
}
