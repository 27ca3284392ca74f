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
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
}

function atDepths(key: string): string[] {
  const segment = pathFor(key);
  const top = segment.startsWith('.') ? segment.slice(1) : segment;
  return [top, `*${segment}`, `*.*${segment}`, `*.*.*${segment}`];
}

export const REDACTED_KEYS: readonly string[] = [...SECRET_KEYS, ...CONTENT_KEYS];
export const REDACT_PATHS: readonly string[] = REDACTED_KEYS.flatMap(atDepths);
