import { problems } from './problem.exception';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Bytes as UTF-8 text; invalid UTF-8 (lone surrogates, overlongs, truncated sequences) is a 400. */
export function decodeUtf8Strict(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw problems.badRequest('INVALID_UTF8', 'The request body is not valid UTF-8.');
  }
}

/** Keys that would poison prototypes if a handler ever merged the body into an object. */
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)) {
    throw problems.badRequest('INVALID_JSON', 'The request body contains a forbidden key.');
  }
  return value;
}

/**
 * The gateway's JSON body parser: strict UTF-8, then JSON. An empty body parses as undefined
 * (routes without a body); malformed JSON is a 400 INVALID_JSON problem.
 */
export function parseJsonBody(body: Buffer): unknown {
  const text = decodeUtf8Strict(body);
  if (text.trim().length === 0) return undefined;
  try {
    return JSON.parse(text, rejectPrototypeKeys) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw problems.badRequest('INVALID_JSON', 'The request body is not valid JSON.');
    throw error;
  }
}
