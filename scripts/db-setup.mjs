#!/usr/bin/env node
// Creates (idempotently) the Parley roles, database, pgvector extension and schema.
//
//   node scripts/db-setup.mjs
//
// Environment (all optional):
//   PGSUPERUSER_URL   postgresql://postgres@127.0.0.1:5432/postgres   a superuser connection
//   PARLEY_DB         parley                                          database name
//   PARLEY_OWNER_PASSWORD / PARLEY_APP_PASSWORD / PARLEY_ANALYTICS_PASSWORD
//                     parley_owner / parley_app / parley_analytics
//
// Roles are cluster-wide: parley_owner (owns the database, runs migrations, BYPASSRLS for the
// SECURITY DEFINER lookups), parley_app (services: NOSUPERUSER NOBYPASSRLS), parley_analytics
// (owner-level cross-tenant reads: BYPASSRLS, SELECT-only grants). The exported functions are
// reused by the Jest global setup (libs/testing/src/setup/global-setup.ts).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { applyMigrations, parsePgUrl, withClient, withDatabase } from './migrate.mjs';

const SOCKET_PLACEHOLDER = parsePgUrl('postgresql:///x').hostname;

export const ROLE_NAMES = { owner: 'parley_owner', app: 'parley_app', analytics: 'parley_analytics' };

const ROLE_ATTRIBUTES = {
  owner: 'LOGIN NOSUPERUSER NOCREATEROLE BYPASSRLS',
  app: 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
  analytics: 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS',
};

/** Reads the setup options from an environment object (process.env by default). */
export function optionsFromEnv(env = process.env) {
  return {
    superuserUrl: env.PGSUPERUSER_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
    database: env.PARLEY_DB || 'parley',
    passwords: {
      owner: env.PARLEY_OWNER_PASSWORD || 'parley_owner',
      app: env.PARLEY_APP_PASSWORD || 'parley_app',
      analytics: env.PARLEY_ANALYTICS_PASSWORD || 'parley_analytics',
    },
  };
}

/**
 * Connection URL for `role` on `database`, on the superuser URL's server. Roles log in with a
 * password over TCP: when the superuser URL is a Unix-socket one (peer auth on Debian), the
 * role URL goes to 127.0.0.1 on the same port instead.
 */
export function roleUrl(superuserUrl, database, user, password) {
  const su = parsePgUrl(superuserUrl);
  const socket = su.hostname === SOCKET_PLACEHOLDER || su.searchParams.get('host')?.startsWith('/');
  const u = new URL(`postgresql://127.0.0.1/${encodeURIComponent(database)}`);
  if (!socket) u.host = su.host;
  else u.port = su.searchParams.get('port') ?? (su.port || '5432');
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (!socket) for (const [key, value] of su.searchParams) u.searchParams.set(key, value);
  return u.toString();
}

const ident = (name) => pg.escapeIdentifier(name);
const literal = (value) => pg.escapeLiteral(value);

/**
 * Creates missing roles and (re)asserts their attributes and passwords, so a role created by
 * hand with the wrong attributes (say, BYPASSRLS on the app role) is corrected.
 * @returns {Promise<string[]>} one report line per role
 */
export async function ensureRoles(superuserUrl, passwords) {
  return withClient(superuserUrl, async (client) => {
    const lines = [];
    for (const [key, name] of Object.entries(ROLE_NAMES)) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
      const attrs = `${ROLE_ATTRIBUTES[key]} PASSWORD ${literal(passwords[key])}`;
      if (rowCount) {
        await client.query(`ALTER ROLE ${ident(name)} WITH ${attrs}`);
        lines.push(`role ${name}: exists`);
      } else {
        await client.query(`CREATE ROLE ${ident(name)} WITH ${attrs}`);
        lines.push(`role ${name}: created`);
      }
    }
    return lines;
  });
}

/** @returns {Promise<string>} report line */
export async function ensureDatabase(superuserUrl, database) {
  return withClient(superuserUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return `database ${database}: exists`;
    await client.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(ROLE_NAMES.owner)}`);
    return `database ${database}: created`;
  });
}

/** Creates pgvector in `database` as superuser (it is not a trusted extension). */
export async function ensureVector(superuserUrl, database) {
  return withClient(withDatabase(superuserUrl, database), async (client) => {
    const available = await client.query("SELECT installed_version FROM pg_available_extensions WHERE name = 'vector'");
    if (!available.rowCount) {
      throw new Error(
        'pgvector is not installed on this PostgreSQL server (no "vector" in pg_available_extensions); install postgresql-<version>-pgvector or build it from source, see scripts/setup.sh',
      );
    }
    if (available.rows[0].installed_version) return `extension vector: exists (${available.rows[0].installed_version})`;
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
    const { rows } = await client.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
    return `extension vector: created (${rows[0].extversion})`;
  });
}

/** Applies pending migrations as the owner role. @returns {Promise<string>} report line */
export async function migrateDatabase(ownerUrl) {
  const { applied } = await applyMigrations(ownerUrl);
  return applied.length ? `migrations: ${applied.length} applied` : 'migrations: up to date';
}

/**
 * Full idempotent setup. `log` receives one line per thing found or created.
 * @returns {Promise<{ database: string, ownerUrl: string, appUrl: string, analyticsUrl: string }>}
 */
export async function setupDatabase(options, log = () => undefined) {
  const { superuserUrl, database, passwords } = options;
  await checkConnection(superuserUrl);
  for (const line of await ensureRoles(superuserUrl, passwords)) log(line);
  log(await ensureDatabase(superuserUrl, database));
  log(await ensureVector(superuserUrl, database));
  const urls = {
    database,
    ownerUrl: roleUrl(superuserUrl, database, ROLE_NAMES.owner, passwords.owner),
    appUrl: roleUrl(superuserUrl, database, ROLE_NAMES.app, passwords.app),
    analyticsUrl: roleUrl(superuserUrl, database, ROLE_NAMES.analytics, passwords.analytics),
  };
  log(await migrateDatabase(urls.ownerUrl));
  return urls;
}

/** Terminates the database's connections and drops it (test teardown). */
export async function dropDatabase(superuserUrl, database) {
  await withClient(superuserUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`));
}

async function checkConnection(superuserUrl) {
  try {
    await withClient(superuserUrl, (client) => client.query('SELECT 1'));
  } catch (err) {
    const where = parsePgUrl(superuserUrl);
    const host = where.hostname === SOCKET_PLACEHOLDER ? (where.searchParams.get('host') ?? 'the default socket') : where.host;
    throw new Error(
      `cannot connect to PostgreSQL at ${host} as ${where.username || 'the default user'}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  setupDatabase(optionsFromEnv(), (line) => console.log(line)).catch((err) => {
    console.error(`db-setup: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
