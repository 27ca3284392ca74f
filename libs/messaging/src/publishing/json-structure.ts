/**
 * A linear pre-scan of JSON text, run before JSON.parse. V8's JSON.parse itself is iterative,
 * but everything that walks the result recurses once per nesting level: a reviver, JSON.stringify,
 * schema validation, logging. A 40 KB body of 20,000 nested arrays overflows the stack there
 * with a RangeError that nothing upstream treats as bad input (a 500). The scan counts depth
 * outside strings (escapes skipped) and stops at the first level past the bound; it costs one
 * pass with no allocation beyond the per-object name sets below.
 *
 * On a valid prefix of JSON the scan's depth equals the parser's, and the parser stops at
 * the first byte that is not a valid prefix, so rejecting every text whose scanned depth
 * exceeds the bound keeps every parsed value within it, whatever the rest of the text holds.
 *
 * With `keys: true` it also decodes object member names (the same rules as JSON.parse) and
 * reports the first duplicated name and the first name that would poison a prototype
 * (`__proto__`, or `prototype` inside a `constructor` member, as secure-json-parse refuses),
 * escaped forms included.
 */
export type JsonStructureViolation =
  | { kind: 'too_deep'; maxDepth: number; offset: number }
  | { kind: 'duplicate_key'; key: string; offset: number }
  | { kind: 'forbidden_key'; key: string; offset: number };

export interface JsonStructureOptions {
  /** Deepest nesting accepted: `[]` and `{}` are depth 1, `[[1]]` depth 2. */
  maxDepth: number;
  /** Also check object member names (duplicates, prototype poisoning). */
  keys?: boolean;
}

/** Nesting bound of every NATS payload (above the gateway's default of 64, so wrapping a body never trips it). */
export const MAX_PAYLOAD_JSON_DEPTH = 128;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

interface Frame {
  /** Member names seen so far; null for arrays. */
  names: Set<string> | null;
  /** The last member name read in this object: the name of the value being opened next. */
  lastName: string | undefined;
  /** This object is the value of a `constructor` member. */
  constructorValue: boolean;
}

/** Index of the quote closing the string whose opening quote is at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1) {
    // The quote is escaped when an odd run of backslashes precedes it. Each run is counted
    // once (it belongs to the one quote after it), so the scan stays linear.
    let slashes = 0;
    for (let i = at - 1; i > open && text.charCodeAt(i) === BACKSLASH; i--) slashes++;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

function decodeName(raw: string): string {
  if (raw.indexOf('\\') === -1) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw; // an invalid escape: JSON.parse of the whole text reports it
  }
}

/**
 * The first structural problem of `text`, or undefined. `too_deep` is returned as soon as it
 * is seen (nothing may parse the text); a name problem is returned only once the whole text
 * is known to be within the depth bound.
 */
export function scanJsonStructure(text: string, options: JsonStructureOptions): JsonStructureViolation | undefined {
  const { maxDepth } = options;
  const checkKeys = options.keys === true;
  const frames: Frame[] = [];
  let depth = 0;
  let expectName = false;
  let nameViolation: JsonStructureViolation | undefined;
  const length = text.length;

  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const close = closingQuote(text, i);
      const end = close === -1 ? length : close;
      if (checkKeys && expectName && nameViolation === undefined) {
        const frame = frames[frames.length - 1];
        if (frame?.names) {
          const name = decodeName(text.slice(i + 1, end));
          if (name === '__proto__' || (name === 'prototype' && frame.constructorValue)) {
            nameViolation = { kind: 'forbidden_key', key: name, offset: i };
          } else if (frame.names.has(name)) {
            nameViolation = { kind: 'duplicate_key', key: name, offset: i };
          }
          frame.names.add(name);
          frame.lastName = name;
        }
      }
      expectName = false;
      i = end;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return { kind: 'too_deep', maxDepth, offset: i };
      if (checkKeys) {
        const parent = frames[frames.length - 1];
        const isObject = c === OPEN_BRACE;
        frames.push({
          names: isObject ? new Set() : null,
          lastName: undefined,
          constructorValue: isObject && parent?.names != null && parent.lastName === 'constructor',
        });
      }
      expectName = c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth > 0) depth--;
      if (checkKeys) frames.pop();
      expectName = false;
    } else if (c === COMMA) {
      expectName = checkKeys && frames[frames.length - 1]?.names != null;
    }
  }
  return nameViolation;
}
