// Fields that never reach a log line: credentials, and the content of conversations
// (ARCHITECTURE.md: never log message bodies or prompts). Matched at the top level and up to
// three levels deep (e.g. `req.headers.authorization`, `payload.message.content`).
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'apiKey',
  'api_key',
  'password',
  'passwordHash',
  'password_hash',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'sessionToken',
  'credentials',
];

const CONTENT_KEYS = ['content', 'prompt', 'prompts', 'completion', 'body', 'text'];

export const REDACTED = '[REDACTED]';

function pathFor(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
}

export const REDACTED_KEYS: readonly string[] = [...SECRET_KEYS, ...CONTENT_KEYS];

/**
 * pino `redact` paths of the top-level keys only. pino applies them to child bindings as well as
 * to log lines, at the cost of one map look-up per key. Deeper levels are redactLogFields' work:
 * a wildcard-first path (`*.token`) makes pino run @pinojs/redact over every value of every line,
 * parsing each of its paths again on each call (~0.2 ms a line with the 116 paths this list had).
 */
export const TOP_LEVEL_REDACT_PATHS: readonly string[] = REDACTED_KEYS.map(pathFor);

const REDACTED_KEY_SET: ReadonlySet<string> = new Set(REDACTED_KEYS);

/** How deep below the line a key is still redacted: `a.b.c.token` is (depth 3), `a.b.c.d.token` is not. */
export const MAX_REDACTION_DEPTH = 3;

/**
 * The fields of a log line with every REDACTED_KEYS key, at the top level or up to
 * MAX_REDACTION_DEPTH levels below it (in objects and arrays), replaced by REDACTED. What the
 * wildcard paths `key`, `*.key`, `*.*.key`, `*.*.*.key` of pino's redaction did, in one walk of
 * the line: copy on write (the caller's objects are never changed, and `fields` itself is returned
 * when nothing is redacted); a copied object keeps its prototype and its own enumerable keys,
 * as pino's redaction copied it. `depth` is the level `fields` is at (1 for an error's fields);
 * `keep` names a key of `fields` left as it is (a field its serializer redacts).
 */
export function redactLogFields<T extends object>(fields: T, depth = 0, keep?: string): T {
  let copy: Record<string, unknown> | unknown[] | undefined;
  const source = fields as Record<string, unknown>;
  for (const key in source) {
    if (key === keep || !Object.prototype.hasOwnProperty.call(source, key)) continue;
    const value = source[key];
    let next = value;
    if (REDACTED_KEY_SET.has(key)) {
      if (value !== undefined) next = REDACTED;
    } else if (depth < MAX_REDACTION_DEPTH && typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
      next = redactLogFields(value, depth + 1);
    }
    if (next === value) continue;
    copy ??= Array.isArray(source)
      ? [...(source as unknown[])]
      : Object.assign(Object.create(Object.getPrototypeOf(source) as object | null) as object, source);
    (copy as Record<string, unknown>)[key] = next;
  }
  return (copy ?? fields) as T;
}
