// DatabaseHealth against a live and an unreachable PostgreSQL.
import { pgUrlWith, testDbEnv } from './fixtures';
import { createPrismaClient } from '../client/prisma-client.factory';
import { DatabaseHealth } from '../health/database-health';
import { TenantDb } from '../tenant/tenant-db';
import { rejection } from './db-test-context';

describe('DatabaseHealth', () => {
  it('resolves when the database answers', async () => {
    const client = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1 });
    try {
      await expect(new DatabaseHealth(client).check()).resolves.toBeUndefined();
    } finally {
      await client.$disconnect();
    }
  });

  it('throws DATABASE_UNAVAILABLE with a clear message when PostgreSQL does not answer', async () => {
    const url = pgUrlWith(testDbEnv(process.env).TEST_DATABASE_URL, { port: 1 }); // nothing listens there
    const client = createPrismaClient({ databaseUrl: url, poolMax: 1, connectionTimeoutMs: 500 });
    try {
      const err = await rejection(new DatabaseHealth(client, 1500).check());
      expect(err).toMatchObject({ name: 'PersistenceError', code: 'DATABASE_UNAVAILABLE' });
      expect((err as Error).message).toMatch(/^database (unavailable: |did not answer within)/);
    } finally {
      await client.$disconnect();
    }
  });

  it('times out instead of hanging when the pool cannot hand out a connection', async () => {
    const client = createPrismaClient({ databaseUrl: testDbEnv(process.env).TEST_DATABASE_URL, poolMax: 1, connectionTimeoutMs: 5000 });
    const holder = new TenantDb(client).run('00000000-0000-4000-8000-000000000000', (tx) => tx.$executeRaw`SELECT pg_sleep(0.6)`, {
      timeoutMs: 5000,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const err = await rejection(new DatabaseHealth(client, 200).check());
      expect(err).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: 'database did not answer within 200 ms' });
    } finally {
      await holder;
      await client.$disconnect();
    }
  });
});
