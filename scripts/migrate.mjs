#!/usr/bin/env node
// Applies prisma/migrations offline with Prisma's schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) talking to PostgreSQL through @prisma/adapter-pg: no engine
// binary is downloaded. Records applied migrations in _prisma_migrations exactly like
// `prisma migrate deploy`, so the Prisma CLI can take over wherever it is available.
//
//   node scripts/migrate.mjs          apply pending migrations (DATABASE_MIGRATION_URL, owner role)
//   node scripts/migrate.mjs status   list applied / pending / edited migrations, apply nothing
//   node scripts/migrate.mjs diff     print the SQL that takes the migrations to schema.prisma
//                                     (uses a throw-away shadow database created as superuser,
//                                     PGSUPERUSER_URL, because the migrations create pgvector)
//   node scripts/migrate.mjs diff-empty   the whole schema as SQL (how the first migration began)
//   --migrations <dir>                another migrations folder (default prisma/migrations)
//
// Exported functions are reused by scripts/db-setup.mjs and the Jest global setup.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = join(ROOT, 'prisma', 'migrations');
export const SCHEMA_PATH = join(ROOT, 'prisma', 'schema.prisma');
const NO_FILTER = { externalTables: [], externalEnums: [] };
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let enginePromise;

/** Instantiates the wasm module by hand, so no --experimental-wasm-modules flag is needed. */
function loadEngineModule() {
  enginePromise ??= (async () => {
    const pkgDir = dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bg = await import(pathToFileURL(join(pkgDir, 'schema_engine_bg.js')).href);
    const bytes = readFileSync(join(pkgDir, 'schema_engine_bg.wasm'));
    // The engine arms 10 s timers (lock and connection timeouts) and never clears them, which
    // would keep a finished process (or Jest's global setup) alive: unref them.
    const imports = { ...bg };
    for (const name of Object.keys(bg).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (...args) => {
        const timer = bg[name](...args);
        if (timer && typeof timer.unref === 'function') timer.unref();
        return timer;
      };
    }
    // A panic inside the engine reports its message through this global (Prisma's own loader
    // defines it); without it the real message is lost behind "cannot read set_message".
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        process.stderr.write(`schema engine panic: ${message}\n`);
      },
    };
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bg;
  })();
  return enginePromise;
}

/** Reads prisma/migrations into the engine's MigrationList shape. */
export function loadMigrationList(migrationsDir = MIGRATIONS_DIR) {
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((name) => statSync(join(migrationsDir, name)).isDirectory())
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok', value: readFileSync(file, 'utf8') } : { tag: 'error', value: `${file} is missing` },
        },
      };
    }),
  };
}

function readSchema() {
  return { files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }] };
}

/**
 * A migration-aware adapter factory: connect() goes to `url`; connectToShadowDb() creates a
 * temporary database as superuser (with pgvector) and drops it when the engine is done.
 */
function adapterFactory(url, superuserUrl) {
  const main = new PrismaPg({ connectionString: url, max: 2 });
  const open = new Set();
  // engine.free() does not dispose adapters: track them so their pools never keep the
  // process alive (pg's idle timeout would hold it for 10 s).
  const track = (adapter) => {
    const dispose = adapter.dispose.bind(adapter);
    let disposed;
    adapter.dispose = () => {
      open.delete(adapter);
      disposed ??= dispose();
      return disposed;
    };
    open.add(adapter);
    return adapter;
  };
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    disposeAll: () => Promise.all([...open].map((adapter) => adapter.dispose())),
    connect: async () => track(wholeScriptAdapter(await main.connect())),
    async connectToShadowDb() {
      if (!superuserUrl) throw new Error('a shadow database is needed: set PGSUPERUSER_URL');
      const name = `parley_shadow_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
      await withClient(superuserUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
      const shadowUrl = withDatabase(superuserUrl, name);
      await withClient(shadowUrl, (c) => c.query('CREATE EXTENSION IF NOT EXISTS vector'));
      const adapter = wholeScriptAdapter(await new PrismaPg({ connectionString: shadowUrl, max: 1 }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await withClient(superuserUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      };
      return track(adapter);
    },
  };
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";" and sending
 * the pieces one by one: that breaks DO blocks and function bodies (and ";" in comments), and
 * a failure halfway leaves half a migration applied. Send the whole script as one simple-protocol
 * query instead: PostgreSQL runs a multi-statement query string as one implicit transaction,
 * so each migration applies completely or not at all.
 */
function wholeScriptAdapter(adapter) {
  // The engine's schema describer (used by `diff`) selects catalog columns of type "char"
  // (OID 18), which the adapter refuses as unsupported; pg already returns them as strings, so
  // they pass as text, and their column type is then reported as Character: the describer reads
  // some of them (pg_constraint.contype, of a CHECK constraint) as a char and panics on text.
  const charColumns = new WeakMap();
  const performIO = adapter.performIO.bind(adapter);
  adapter.performIO = async (query) => {
    const result = await performIO(query);
    const chars = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      chars.push(i);
    });
    if (chars.length > 0) charColumns.set(query, chars);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

async function withEngine(url, superuserUrl, fn) {
  const { SchemaEngine } = await loadEngineModule();
  const logs = [];
  const adapters = adapterFactory(url, superuserUrl);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters);
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, (line) => logs.push(line), factory);
  try {
    return await fn(engine);
  } catch (err) {
    throw new Error(engineErrorMessage(err), { cause: err });
  } finally {
    engine.free();
    await adapters.disposeAll();
  }
}

/** The engine reports user errors as multi-line text with a code (P3xxx); keep it readable. */
export function engineErrorMessage(err) {
  const message = err instanceof Error ? err.message : String(err);
  const code = err && typeof err === 'object' && 'code' in err ? `${err.code}: ` : '';
  return `${code}${message}`.trim();
}

/**
 * Applies every pending migration. Refuses (throws) when an applied migration was edited or a
 * previous run failed, like `prisma migrate deploy`.
 * @returns {Promise<{ applied: string[] }>}
 */
export async function applyMigrations(url, { migrationsDir = MIGRATIONS_DIR } = {}) {
  return withEngine(url, undefined, async (engine) => {
    const migrationsList = loadMigrationList(migrationsDir);
    const diagnostic = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER });
    if (diagnostic.failedMigrationNames.length) {
      throw new Error(
        `failed migration(s) recorded in _prisma_migrations: ${diagnostic.failedMigrationNames.join(', ')}; fix the database, then mark them rolled back`,
      );
    }
    if (diagnostic.editedMigrationNames.length) {
      throw new Error(
        `applied migration(s) were edited after being applied: ${diagnostic.editedMigrationNames.join(', ')}; add a new migration instead`,
      );
    }
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { applied: appliedMigrationNames };
  });
}

/** @returns {Promise<{ applied: string[], pending: string[], edited: string[], failed: string[] }>} */
export async function migrationStatus(url, { migrationsDir = MIGRATIONS_DIR } = {}) {
  const migrationsList = loadMigrationList(migrationsDir);
  const all = migrationsList.migrationDirectories.map((d) => d.path);
  return withEngine(url, undefined, async (engine) => {
    const d = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER });
    const pending =
      d.history?.diagnostic === 'databaseIsBehind' || d.history?.diagnostic === 'historiesDiverge' ? d.history.unappliedMigrationNames : [];
    return { applied: all.filter((n) => !pending.includes(n)), pending, edited: d.editedMigrationNames, failed: d.failedMigrationNames };
  });
}

/**
 * Statements the diff always proposes because schema.prisma cannot express objects that the
 * migrations create by hand (generated tsvector column, GIN and HNSW indexes). Dropping them
 * is never intended, so `diff` leaves them out and says so on stderr.
 */
export const HAND_MANAGED_STATEMENTS = [
  'DROP INDEX "knowledge_chunks_embedding_idx";',
  'DROP INDEX "knowledge_chunks_search_idx";',
  'ALTER TABLE "knowledge_chunks" ALTER COLUMN "search" DROP DEFAULT;',
];

/** Splits the engine's diff script into its "-- Comment\nSTATEMENT" blocks and drops the known ones. */
export function withoutHandManaged(script) {
  const blocks = script.split(/\n\s*\n/).filter((block) => block.trim().length > 0);
  const kept = [];
  const ignored = [];
  for (const block of blocks) {
    const statement = block
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n')
      .trim();
    (HAND_MANAGED_STATEMENTS.includes(statement) ? ignored : kept).push(block.trim());
  }
  return { sql: kept.length ? `${kept.join('\n\n')}\n` : '', ignored };
}

/** SQL that takes the database built by the migrations to the current schema.prisma. */
export async function diffMigrationsToSchema(url, superuserUrl, { migrationsDir = MIGRATIONS_DIR } = {}) {
  return withEngine(url, superuserUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...loadMigrationList(migrationsDir) },
      to: { tag: 'schemaDatamodel', ...readSchema() },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}

/** SQL that creates the whole schema.prisma from an empty database (first migration). */
export async function diffEmptyToSchema(url) {
  return withEngine(url, undefined, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', ...readSchema() },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Socket URLs (postgresql://user@/db?host=/var/run/postgresql) have an empty host, which the
// WHATWG URL parser rejects: parse them with a placeholder host and put the empty host back.
const SOCKET_HOST = 'unix-socket.invalid';

/** Parses a postgresql:// URL, including the empty-host socket form. */
export function parsePgUrl(url) {
  return new URL(url.replace(/^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)(?=[/?]|$)/, `$1${SOCKET_HOST}`));
}

/** Serialises a URL from parsePgUrl, restoring the empty host of a socket URL. */
export function formatPgUrl(u) {
  return u.toString().replace(`@${SOCKET_HOST}`, '@').replace(`//${SOCKET_HOST}`, '//');
}

export function withDatabase(url, database) {
  const u = parsePgUrl(url);
  u.pathname = `/${database}`;
  return formatPgUrl(u);
}

/** `[command] [--migrations <dir>]` */
export function parseArgs(argv) {
  const args = [...argv];
  let migrationsDir = MIGRATIONS_DIR;
  const flag = args.indexOf('--migrations');
  if (flag !== -1) {
    if (!args[flag + 1]) throw new Error('--migrations needs a directory');
    migrationsDir = resolve(args[flag + 1]);
    args.splice(flag, 2);
  }
  return { command: args[0] ?? 'deploy', migrationsDir };
}

async function main(argv) {
  const { command, migrationsDir } = parseArgs(argv);
  const superuserUrl = process.env.PGSUPERUSER_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  // diff only needs a server to create its shadow database on.
  const url = process.env.DATABASE_MIGRATION_URL || (command.startsWith('diff') ? superuserUrl : undefined);
  if (!url)
    throw new Error('DATABASE_MIGRATION_URL is not set (owner role, e.g. postgresql://parley_owner:parley_owner@127.0.0.1:5432/parley)');
  switch (command) {
    case 'deploy': {
      const { applied } = await applyMigrations(url, { migrationsDir });
      console.log(
        applied.length ? `migrations: ${applied.length} applied (${applied.join(', ')})` : 'migrations: up to date, nothing applied',
      );
      return;
    }
    case 'status': {
      const s = await migrationStatus(url, { migrationsDir });
      console.log(
        `applied: ${s.applied.length}; pending: ${s.pending.join(', ') || 'none'}; edited: ${s.edited.join(', ') || 'none'}; failed: ${s.failed.join(', ') || 'none'}`,
      );
      return;
    }
    case 'diff': {
      const { sql, ignored } = withoutHandManaged(await diffMigrationsToSchema(url, superuserUrl, { migrationsDir }));
      if (ignored.length) console.error(`(left out ${ignored.length} statement(s) on hand-managed objects: see HAND_MANAGED_STATEMENTS)`);
      process.stdout.write(sql || '-- schema.prisma and prisma/migrations are in sync: nothing to migrate\n');
      return;
    }
    case 'diff-empty':
      process.stdout.write(await diffEmptyToSchema(url));
      return;
    default:
      throw new Error(`unknown command "${command}" (deploy | status | diff | diff-empty)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`migrate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
