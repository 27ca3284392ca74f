import { PrismaPg } from '@prisma/adapter-pg';
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

/** A Prisma client over @prisma/adapter-pg (node-postgres pool); no engine binary involved. */
export function createPrismaClient(config: PrismaClientConfig): PrismaClient {
  return new PrismaClient({ adapter: createPgAdapter(config) });
}

export function createPgAdapter(config: PrismaClientConfig): PrismaPg {
  return new PrismaPg(
    {
      connectionString: config.databaseUrl,
      max: config.poolMax ?? DEFAULT_POOL_MAX,
      application_name: config.applicationName ?? 'parley',
      connectionTimeoutMillis: config.connectionTimeoutMs ?? 5000,
    },
    { onPoolError: config.onPoolError },
  );
}
