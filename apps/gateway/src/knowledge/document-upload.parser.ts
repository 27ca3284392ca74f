import type { KnowledgeDocumentView } from '@parley/contracts';
import { ProblemException } from '../http/problem.exception';
import { parseBody, parseQuery } from '../http/validation.util';
import { rawUploadQuerySchema, uploadDocumentSchema } from './dto/knowledge.schemas';

export interface DocumentUpload {
  title: string;
  format: KnowledgeDocumentView['format'];
  content: string;
  sourceUri?: string;
  audience?: 'everyone' | 'staff';
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * The document of an upload request: a JSON body `{title, format, content, source_uri?}`, or
 * a raw `text/plain` / `text/markdown` body (already strictly UTF-8 decoded by the gateway's
 * parsers) titled by the `title` query parameter.
 */
export function uploadFromRequest(contentType: string | undefined, body: unknown, query: unknown): DocumentUpload {
  const type = mediaType(contentType);
  if (type === 'text/plain' || type === 'text/markdown') {
    const params = parseQuery(rawUploadQuerySchema, query);
    const raw = parseBody(uploadDocumentSchema, {
      title: params.title,
      format: type === 'text/markdown' ? 'markdown' : 'text',
      content: typeof body === 'string' ? body : '',
      ...(params.source_uri ? { source_uri: params.source_uri } : {}),
      ...(params.audience ? { audience: params.audience } : {}),
    });
    return withSource(raw);
  }
  if (type !== 'application/json') {
    throw new ProblemException({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      title: 'Unsupported media type',
      detail: 'Send the document as application/json, text/plain or text/markdown.',
    });
  }
  return withSource(parseBody(uploadDocumentSchema, body));
}

function withSource(doc: {
  title: string;
  format: DocumentUpload['format'];
  content: string;
  source_uri?: string;
  audience?: DocumentUpload['audience'];
}): DocumentUpload {
  return {
    title: doc.title,
    format: doc.format,
    content: doc.content,
    ...(doc.source_uri ? { sourceUri: doc.source_uri } : {}),
    ...(doc.audience ? { audience: doc.audience } : {}),
  };
}
