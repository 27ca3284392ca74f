// Names and defaults of the variables the integration global setup exports to test files.
// PARLEY_TEST_* variables, when set, override the defaults (e.g. another PostgreSQL or NATS).

export interface TestEnvironment {
  /** App role (RLS applies): what services use. */
  TEST_DATABASE_URL: string;
  /** Owner role: DDL, fixtures that must see every tenant. */
  TEST_DATABASE_OWNER_URL: string;
  /** Analytics role: cross-tenant reads (BYPASSRLS, SELECT only). */
  TEST_DATABASE_ANALYTICS_URL: string;
  TEST_SUPERUSER_URL: string;
  TEST_DATABASE_NAME: string;
  TEST_NATS_URL: string;
  TEST_REDIS_URL: string;
  /** Short random id for namespacing NATS streams and Redis keys of this run. */
  TEST_RUN_ID: string;
}

export function pick(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name];
  return value && value.length > 0 ? value : fallback;
}

export function randomId(length = 8): string {
  let id = '';
  while (id.length < length) id += Math.random().toString(36).slice(2);
  return id.slice(0, length);
}

/** `parley_test_<yyyymmddhhmmss>_<random>`: sortable, and old leftovers are recognisable. */
export function testDatabaseName(now: Date, random: string): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `parley_test_${stamp}_${random}`;
}

/** The creation time encoded in a test database name, or null for any other name. */
export function testDatabaseCreatedAt(name: string): Date | null {
  const match = /^parley_test_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_[a-z0-9]+$/.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
}

/** Reads a test environment published by the global setup (throws when it did not run). */
export function testEnvironment(env: NodeJS.ProcessEnv = process.env): TestEnvironment {
  const keys: (keyof TestEnvironment)[] = [
    'TEST_DATABASE_URL',
    'TEST_DATABASE_OWNER_URL',
    'TEST_DATABASE_ANALYTICS_URL',
    'TEST_SUPERUSER_URL',
    'TEST_DATABASE_NAME',
    'TEST_NATS_URL',
    'TEST_REDIS_URL',
    'TEST_RUN_ID',
  ];
  const missing = keys.filter((key) => !env[key]);
  if (missing.length) {
    throw new Error(`${missing.join(', ')} not set: run integration tests through jest --selectProjects integration (global setup)`);
  }
  return Object.fromEntries(keys.map((key) => [key, env[key] as string])) as unknown as TestEnvironment;
}
