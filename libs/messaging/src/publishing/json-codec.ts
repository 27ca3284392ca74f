const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export type DecodedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/** Parses a message body as UTF-8 JSON without throwing. */
export function decodeJson(data: Uint8Array): DecodedJson {
  if (data.length === 0) return { ok: false, reason: 'empty body' };
  let text: string;
  try {
    text = strictDecoder.decode(data);
  } catch {
    return { ok: false, reason: 'body is not valid UTF-8' };
  }
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
