import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export interface PrismaClientConfig {
  /** postgresql:// URL of the role to connect as. */
  databaseUrl: string;
  /** Maximum connections in this client's pool (default 10). */
  poolMax?: number;
  /** Shown in pg_stat_activity.application_name (default "parley"). */
  applicationName?: string;
  /** How long to wait for a free connection before failing, in ms (default 5000). */
  connectionTimeoutMs?: number;
  /**
   * Server-side statement_timeout of the companion pools' connections (TenantDb.statement()), in ms
   * (default 30000): a statement stuck on a lock or a runaway plan is cancelled by PostgreSQL and its
   * transaction rolled back, so it cannot hold a connection for ever. Prisma's own pool keeps its
   * interactive-transaction timeouts instead.
   */
  statementTimeoutMs?: number;
  /** Called when an idle pooled connection fails (the pool replaces it). */
  onPoolError?: (error: Error) => void;
}

export const DEFAULT_POOL_MAX = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * The node-postgres pool under a client (Prisma's connections) with two companion pools for
 * TenantDb.statement(): clients in pipeline mode, so the four messages of a statement's
 * transaction (BEGIN, set_config, the statement, COMMIT) go out together and cost one round trip.
 * `statements` serves reads, `writes` serves statements marked as writes: a write may wait on a
 * row lock (a tenant's audit chain is appended one transaction at a time) while it holds its
 * connection, and reads on the hot path must not queue behind it. Each companion opens
 * connections only when used (at most half the client's pool size, at least 2); end() ends all
 * three, so Prisma's $disconnect() closes everything. The companions' connections carry a
 * server-side statement_timeout (`statementTimeoutMs`, default DEFAULT_STATEMENT_TIMEOUT_MS).
 */
export class AppPool extends pg.Pool {
  readonly statements: pg.Pool;
  readonly writes: pg.Pool;

  constructor(options: pg.PoolConfig, statementTimeoutMs: number = DEFAULT_STATEMENT_TIMEOUT_MS) {
    super(options);
    const companion = {
      ...options,
      max: Math.max(2, Math.ceil((options.max ?? DEFAULT_POOL_MAX) / 2)),
      pipeline: true,
      statement_timeout: statementTimeoutMs,
    };
    this.statements = new pg.Pool(companion);
    this.writes = new pg.Pool(companion);
  }

  override end(): Promise<void>;
  override end(callback: () => void): void;
  override end(callback?: () => void): Promise<void> | void {
    const ended = Promise.all([super.end(), this.statements.end(), this.writes.end()]).then(() => undefined);
    if (!callback) return ended;
    void ended.then(callback, callback);
  }
}

// The pool under each client, for TenantDb.statement().
const pools = new WeakMap<PrismaClient, AppPool>();

/** A Prisma client over @prisma/adapter-pg (node-postgres pool); no engine binary involved. */
export function createPrismaClient(config: PrismaClientConfig): PrismaClient {
  const pool = createPgPool(config);
  return withPool(new PrismaClient({ adapter: createPgAdapter(config, pool) }), pool);
}

/** The client's connection pools (created by createPrismaClient or PrismaService), or undefined for another client. */
export function poolOf(client: PrismaClient): AppPool | undefined {
  return pools.get(client);
}

/** Records `pool` as the pool under `client` (see poolOf). */
export function withPool<C extends PrismaClient>(client: C, pool: AppPool): C {
  pools.set(client, pool);
  return client;
}

/** The pools a client runs on; an idle connection's failure goes to `onPoolError` (never an unhandled 'error' event). */
export function createPgPool(config: PrismaClientConfig): AppPool {
  const pool = new AppPool(
    {
      connectionString: config.databaseUrl,
      max: config.poolMax ?? DEFAULT_POOL_MAX,
      application_name: config.applicationName ?? 'parley',
      connectionTimeoutMillis: config.connectionTimeoutMs ?? 5000,
    },
    config.statementTimeoutMs,
  );
  const onError = (error: Error) => config.onPoolError?.(error);
  pool.on('error', onError);
  pool.statements.on('error', onError);
  pool.writes.on('error', onError);
  return pool;
}

/** Prisma's driver adapter over `pool` (a new one from `config` by default); $disconnect() ends the pools. */
export function createPgAdapter(config: PrismaClientConfig, pool: AppPool = createPgPool(config)): PrismaPg {
  return new PrismaPg(pool, { disposeExternalPool: true });
}
