// Shared set-up for this lib's integration tests: an app-role Prisma client (RLS applies), an
// owner pg pool for fixtures (BYPASSRLS), and helpers. URLs come from the Jest global setup.
import pg from 'pg';
import { testDbEnv } from './fixtures';
import { createPrismaClient } from '../client/prisma-client.factory';
import type { PrismaClient } from '../generated/prisma/client';

export interface DbTestContext {
  app: PrismaClient;
  owner: pg.Pool;
  close(): Promise<void>;
}

export function openDbTestContext(processEnv: NodeJS.ProcessEnv, poolMax = 4): DbTestContext {
  const env = testDbEnv(processEnv);
  const app = createPrismaClient({ databaseUrl: env.TEST_DATABASE_URL, poolMax, applicationName: 'persistence-int-test' });
  const owner = new pg.Pool({ connectionString: env.TEST_DATABASE_OWNER_URL, max: 2 });
  return {
    app,
    owner,
    async close() {
      await app.$disconnect();
      await owner.end();
    },
  };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to be rejected, but it succeeded');
}
