import { z } from 'zod';
import { ConfigError } from '../startup/config/config.error';
import { envVar } from '../startup/config/env-vars';
import { parseEnv } from '../startup/config/parse-env';
import { serviceEnvShape, toServiceConfig } from '../startup/config/service-env';

const schema = z.object(serviceEnvShape(3001));
const DB = 'postgresql://parley_app:secret@127.0.0.1:5432/parley';

function problemOf(env: Record<string, string | undefined>): string {
  try {
    parseEnv(schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('applies the defaults and returns typed values', () => {
    const env = parseEnv(schema, { DATABASE_URL: DB });
    expect(env).toEqual({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 3001,
      LOG_LEVEL: 'info',
      LOG_PRETTY: false,
      DATABASE_URL: DB,
      NATS_URL: ['nats://127.0.0.1:4222'],
      REDIS_URL: 'redis://127.0.0.1:6379',
      OTEL_DB_SPANS: 'all',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      HEALTH_CHECK_TIMEOUT_MS: 2_000,
    });
  });

  it('parses every variable when set', () => {
    const env = parseEnv(schema, {
      DATABASE_URL: DB,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: 'yes',
      NATS_URL: 'nats://a:4222, nats://b:4222',
      NATS_NAMESPACE: 'run_42',
      REDIS_URL: 'rediss://cache:6380/1',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
      OTEL_DB_SPANS: 'statements',
      SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: 8080, LOG_PRETTY: true, NATS_URL: ['nats://a:4222', 'nats://b:4222'] });
    expect(toServiceConfig('chat', env)).toMatchObject({
      service: 'chat',
      http: { host: '127.0.0.1', port: 8080 },
      nats: { url: 'nats://a:4222,nats://b:4222', namespace: 'run_42' },
      redis: { url: 'rediss://cache:6380/1', keyPrefix: 'parley:run_42:' },
      otel: { endpoint: 'http://otel:4318', dbSpans: 'statements' },
      shutdown: { timeoutMs: 2500 },
    });
  });

  it('names a missing required variable', () => {
    expect(problemOf({})).toBe('Invalid environment: DATABASE_URL is required');
  });

  it('treats an empty value as missing', () => {
    expect(problemOf({ DATABASE_URL: '  ' })).toBe('Invalid environment: DATABASE_URL is required');
  });

  it('names every bad variable on one line, without echoing values', () => {
    const message = problemOf({ PORT: '80x', DATABASE_URL: 'mysql://root:hunter2@db/x', LOG_LEVEL: 'loud' });
    expect(message).toBe(
      'Invalid environment: PORT must be an integer 1-65535; LOG_LEVEL must be one of fatal|error|warn|info|debug|trace|silent; DATABASE_URL must be a postgres:// or postgresql:// URL',
    );
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');
  });

  it.each([
    ['0', 'PORT must be an integer 1-65535'],
    ['65536', 'PORT must be an integer 1-65535'],
    ['3.5', 'PORT must be an integer 1-65535'],
    ['-1', 'PORT must be an integer 1-65535'],
  ])('rejects PORT=%s', (port, problem) => {
    expect(problemOf({ DATABASE_URL: DB, PORT: port })).toBe(`Invalid environment: ${problem}`);
  });

  it.each([
    ['over TCP', DB],
    ['with the postgres:// scheme', 'postgres://parley_app:secret@db:5432/parley'],
    [
      'over a Unix socket (empty host, socket directory as the host parameter)',
      'postgresql://parley_app@/parley?host=/var/run/postgresql&port=5432',
    ],
    ['over a Unix socket with a percent-encoded host parameter', 'postgresql://parley_app@/parley?host=%2Fvar%2Frun%2Fpostgresql'],
  ])('accepts DATABASE_URL %s', (_form, url) => {
    expect(parseEnv(schema, { DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each([
    ['no host and no socket directory', 'postgresql://parley_app@/parley'],
    ['a relative socket directory', 'postgresql://parley_app@/parley?host=run/postgresql'],
    ['another scheme over a socket', 'mysql://root@/x?host=/var/run/mysqld'],
  ])('rejects DATABASE_URL with %s', (_case, url) => {
    expect(problemOf({ DATABASE_URL: url })).toBe('Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL');
  });

  it.each([
    ['REDIS_URL', 'http://cache:6379', 'REDIS_URL must be a redis:// or rediss:// URL'],
    ['NATS_URL', 'nats://a:4222,oops', 'NATS_URL must be a comma-separated list of nats:// or tls:// or ws:// or wss:// URLs'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'otel:4318', 'OTEL_EXPORTER_OTLP_ENDPOINT must be a http:// or https:// URL'],
    ['LOG_PRETTY', 'maybe', 'LOG_PRETTY must be true or false'],
    ['OTEL_DB_SPANS', 'off', 'OTEL_DB_SPANS must be one of all|statements|none'],
    ['NATS_NAMESPACE', 'a b', 'NATS_NAMESPACE must contain only letters, digits, _ and -'],
    ['SHUTDOWN_TIMEOUT_MS', '10', 'SHUTDOWN_TIMEOUT_MS must be an integer 100-600000'],
  ])('rejects a malformed %s', (name, value, problem) => {
    expect(problemOf({ DATABASE_URL: DB, [name]: value })).toBe(`Invalid environment: ${problem}`);
  });

  it('reports zod messages of custom fields with the variable name', () => {
    const custom = z.object({ MODE: z.literal('on') });
    expect(() => parseEnv(custom, { MODE: 'off' })).toThrow(/^Invalid environment: MODE: /);
  });

  it('lets apps extend the shared shape', () => {
    const extended = z.object({ ...serviceEnvShape(3003), ANALYTICS_DATABASE_URL: envVar.url(['postgresql']) });
    expect(() => parseEnv(extended, { DATABASE_URL: DB })).toThrow('Invalid environment: ANALYTICS_DATABASE_URL is required');
    expect(parseEnv(extended, { DATABASE_URL: DB, ANALYTICS_DATABASE_URL: DB }).ANALYTICS_DATABASE_URL).toBe(DB);
  });
});
