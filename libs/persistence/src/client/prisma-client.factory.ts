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
  /** Called when an idle pooled connection fails (the pool replaces it). */
  onPoolError?: (error: Error) => void;
}

export const DEFAULT_POOL_MAX = 10;

// The node-postgres pool under each client, for TenantDb.statement() (hot-path statements sent
// without Prisma's client work, on the same connections).
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over @prisma/adapter-pg (node-postgres pool); no engine binary involved. */
export function createPrismaClient(config: PrismaClientConfig): PrismaClient {
  const pool = createPgPool(config);
  return withPool(new PrismaClient({ adapter: createPgAdapter(config, pool) }), pool);
}

/** The client's connection pool (created by createPrismaClient or PrismaService), or undefined for another client. */
export function poolOf(client: PrismaClient): pg.Pool | undefined {
  return pools.get(client);
}

/** Records `pool` as the pool under `client` (see poolOf). */
export function withPool<C extends PrismaClient>(client: C, pool: pg.Pool): C {
  pools.set(client, pool);
  return client;
}

/** The pool a client runs on; an idle connection's failure goes to `onPoolError` (never an unhandled 'error' event). */
export function createPgPool(config: PrismaClientConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max: config.poolMax ?? DEFAULT_POOL_MAX,
    application_name: config.applicationName ?? 'parley',
    connectionTimeoutMillis: config.connectionTimeoutMs ?? 5000,
  });
  pool.on('error', (error) => config.onPoolError?.(error));
  return pool;
}

/** Prisma's driver adapter over `pool` (a new one from `config` by default); $disconnect() ends the pool. */
export function createPgAdapter(config: PrismaClientConfig, pool: pg.Pool = createPgPool(config)): PrismaPg {
  return new PrismaPg(pool, { disposeExternalPool: true });
}
