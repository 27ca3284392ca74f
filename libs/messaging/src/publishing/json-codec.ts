import { MAX_PAYLOAD_JSON_DEPTH, scanJsonStructure } from './json-structure';

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export type DecodedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Parses a message body as UTF-8 JSON without throwing. A body nested deeper than
 * MAX_PAYLOAD_JSON_DEPTH is refused before JSON.parse (which would overflow the stack on
 * deep enough input); like any unreadable body it is a schema failure: consumers dead-letter
 * and terminate it, RPC servers answer VALIDATION.
 */
export function decodeJson(data: Uint8Array, maxDepth = MAX_PAYLOAD_JSON_DEPTH): DecodedJson {
  if (data.length === 0) return { ok: false, reason: 'empty body' };
  let text: string;
  try {
    text = strictDecoder.decode(data);
  } catch {
    return { ok: false, reason: 'body is not valid UTF-8' };
  }
  if (scanJsonStructure(text, { maxDepth })) return { ok: false, reason: `body is nested deeper than ${maxDepth} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `body is not JSON: ${(err as Error).message}` };
  }
}

/** A body as text when it is valid UTF-8, else base64 (dead letters keep poison bytes intact). */
export function bodyForStorage(data: Uint8Array): { payload: string; payloadEncoding: 'utf8' | 'base64' } {
  try {
    return { payload: strictDecoder.decode(data), payloadEncoding: 'utf8' };
  } catch {
    return { payload: Buffer.from(data).toString('base64'), payloadEncoding: 'base64' };
  }
}
