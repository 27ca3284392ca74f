import { z } from 'zod';

// Field helpers for env schemas. Each parses the raw string and, when it is malformed, reports
// a predicate message ("must be ...") that parseEnv prefixes with the variable name. Compose
// with zod: `PORT: envVar.port().default(3000)`, `OTEL_EXPORTER_OTLP_ENDPOINT: envVar.url(['http', 'https']).optional()`.

function parsed<T>(message: string, parse: (raw: string) => T | undefined) {
  return z.string().transform((raw, ctx): T => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });
}

function int(min: number, max: number) {
  return parsed(`must be an integer ${min}-${max}`, (raw) => {
    if (!/^-?\d+$/.test(raw)) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
  });
}

function describeProtocols(protocols: readonly string[]): string {
  return protocols.map((p) => `${p}://`).join(' or ');
}

function parseUrl(raw: string, protocols: readonly string[]): string | undefined {
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return protocols.includes(url.protocol.slice(0, -1)) && url.host !== '' ? raw : undefined;
}

const POSTGRES_PROTOCOLS = ['postgres', 'postgresql'] as const;

/**
 * A PostgreSQL URL over TCP (`postgresql://user:pw@db:5432/parley`) or over a Unix socket in
 * libpq's form: an empty host and the socket directory as the `host` parameter
 * (`postgresql://user@/parley?host=/var/run/postgresql&port=5432`), which the WHATWG URL
 * parser alone rejects. node-postgres (and so Prisma's pg adapter) connects to both.
 */
function parsePostgresUrl(raw: string): string | undefined {
  if (parseUrl(raw, POSTGRES_PROTOCOLS) !== undefined) return raw;
  const placeholder = raw.replace(/^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)(?=[/?]|$)/, '$1socket.invalid');
  if (placeholder === raw || !URL.canParse(placeholder)) return undefined;
  return new URL(placeholder).searchParams.get('host')?.startsWith('/') ? raw : undefined;
}

export const envVar = {
  /** An integer in [min, max]. */
  int,
  /** A TCP port, 1-65535. */
  port: () => int(1, 65535),
  /** An absolute URL with one of the given protocols, e.g. `['postgres', 'postgresql']`. */
  url: (protocols: readonly string[]) => parsed(`must be a ${describeProtocols(protocols)} URL`, (raw) => parseUrl(raw, protocols)),
  /** A postgres:// or postgresql:// URL, over TCP or (empty host, `?host=/socket/dir`) a Unix socket. */
  postgresUrl: () => parsed(`must be a ${describeProtocols(POSTGRES_PROTOCOLS)} URL`, parsePostgresUrl),
  /** A comma-separated list of URLs (e.g. several NATS servers); returned as an array. */
  urlList: (protocols: readonly string[]) =>
    parsed(`must be a comma-separated list of ${describeProtocols(protocols)} URLs`, (raw) => {
      const urls = raw.split(',').map((part) => part.trim());
      return urls.every((url) => parseUrl(url, protocols) !== undefined) ? urls : undefined;
    }),
  /** One of a fixed set of words. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) =>
    parsed(`must be one of ${values.join('|')}`, (raw) => values.find((v) => v === raw) as T[number] | undefined),
  /** true/false (also 1/0, yes/no). */
  bool: () =>
    parsed('must be true or false', (raw) => {
      const value = raw.toLowerCase();
      if (['true', '1', 'yes'].includes(value)) return true;
      if (['false', '0', 'no'].includes(value)) return false;
      return undefined;
    }),
  /** A non-empty name made of letters, digits, '_' and '-' (e.g. a namespace or prefix). */
  name: () => parsed('must contain only letters, digits, _ and -', (raw) => (/^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : undefined)),
};
