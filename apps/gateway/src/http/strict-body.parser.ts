import { scanJsonStructure } from '@parley/messaging';
import { problems, ProblemException } from './problem.exception';
import { findUnstorableText, unstorableTextReason } from './storable-text.util';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function unsupportedMediaType(detail: string): ProblemException {
  return new ProblemException({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported media type', detail });
}

/** A header value as one string (a repeated header is read as one comma-separated list). */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The body is read as UTF-8 bytes, uncompressed: a `charset` other than UTF-8, or any
 * Content-Encoding but identity, is a 415 rather than bytes misread as something else.
 */
export function assertPlainUtf8Body(headers: { 'content-type'?: string | string[]; 'content-encoding'?: string | string[] }): void {
  const encoding = single(headers['content-encoding'])?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw unsupportedMediaType('Content-Encoding is not supported: send the body uncompressed.');
  }
  for (const parameter of (single(headers['content-type']) ?? '').split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8')
      throw unsupportedMediaType('Request bodies must be UTF-8 (charset=utf-8, or no charset).');
  }
}

/** Bytes as UTF-8 text; invalid UTF-8 (lone surrogates, overlongs, truncated sequences) is a 400. */
export function decodeUtf8Strict(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw problems.badRequest('INVALID_UTF8', 'The request body is not valid UTF-8.');
  }
}

const UNSTORABLE_DETAIL = 'The request has text that cannot be stored (NUL characters or lone surrogates).';

/** A text/plain or text/markdown body: strict UTF-8 without NUL characters (400 VALIDATION). */
export function parseTextBody(body: Buffer): string {
  const text = decodeUtf8Strict(body);
  const reason = unstorableTextReason(text);
  if (reason) throw problems.validation([{ path: '(body)', message: reason }], UNSTORABLE_DETAIL);
  return text;
}

/** A member name for a problem's detail: quoted, and cut short (it is the caller's input). */
function quoted(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

/**
 * The gateway's JSON body parser: strict UTF-8; then a linear scan that refuses nesting deeper
 * than `maxDepth` (400 JSON_TOO_DEEP) before anything parses or walks the value; then JSON
 * (400 INVALID_JSON when malformed); then member names: a repeated name (400
 * JSON_DUPLICATE_KEY: JSON.parse would silently keep the last, so two readers could disagree on
 * what was sent) or a prototype-poisoning one (`__proto__`, `constructor.prototype`, escaped
 * forms included; 400 INVALID_JSON, as Fastify's secure-json-parse would); then text no
 * service can store, NUL characters and lone surrogates in any string or member name (400
 * VALIDATION naming each field, see storable-text.util.ts). An empty body parses as undefined
 * (routes without a body).
 */
export function parseJsonBody(body: Buffer, maxDepth: number): unknown {
  const text = decodeUtf8Strict(body);
  if (text.trim().length === 0) return undefined;
  const violation = scanJsonStructure(text, { maxDepth, keys: true });
  if (violation?.kind === 'too_deep') {
    throw problems.badRequest('JSON_TOO_DEEP', `The request body is nested deeper than ${maxDepth} levels.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw problems.badRequest('INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (violation?.kind === 'duplicate_key') {
    throw problems.badRequest('JSON_DUPLICATE_KEY', `The request body repeats the member ${quoted(violation.key)} in one object.`);
  }
  if (violation?.kind === 'forbidden_key') throw problems.badRequest('INVALID_JSON', 'The request body contains a forbidden key.');
  const unstorable = findUnstorableText(value);
  if (unstorable.length > 0) throw problems.validation(unstorable, UNSTORABLE_DETAIL);
  return value;
}
