// PersistenceModule wired by Nest against the real database. NestJS 12 ships as ES modules:
// Jest must transform @nestjs/* (transformIgnorePatterns in jest.config.js) to load it.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createTenant, createChatSession, testDbEnv } from './fixtures';
import { PrismaService } from '../client/prisma.service';
import { poolOf } from '../client/prisma-client.factory';
import { DatabaseHealth } from '../health/database-health';
import { OwnerDb } from '../owner/owner-db';
import { PrismaOutboxStore } from '../outbox/prisma-outbox.store';
import { PersistenceModule } from '../persistence.module';
import { TenantDb } from '../tenant/tenant-db';
import { openDbTestContext, rejection, type DbTestContext } from './db-test-context';

async function boot(options: Parameters<typeof PersistenceModule.forRoot>[0]): Promise<INestApplicationContext> {
  @Module({ imports: [PersistenceModule.forRoot(options)] })
  class AppModule {}
  return NestFactory.createApplicationContext(AppModule, { logger: false });
}

async function connectionsNamed(ctx: DbTestContext, name: string): Promise<number> {
  const { rows } = await ctx.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [
    name,
  ]);
  return rows[0].n;
}

describe('PersistenceModule', () => {
  const env = testDbEnv(process.env);
  let ctx: DbTestContext;

  beforeAll(() => {
    ctx = openDbTestContext(process.env, 2);
  });
  afterAll(() => ctx.close());

  it('provides PrismaService, TenantDb, DatabaseHealth and the outbox store; OwnerDb only with an analytics URL', async () => {
    const app = await boot({ databaseUrl: env.TEST_DATABASE_URL, poolMax: 2, applicationName: 'module-test' });
    let closed = false;
    try {
      // Prisma returns a proxy from its constructor, so instanceof does not hold: check behaviour.
      expect(typeof app.get(PrismaService).tenant.findMany).toBe('function');
      expect(app.get(TenantDb)).toBeInstanceOf(TenantDb);
      expect(app.get(PrismaOutboxStore)).toBeInstanceOf(PrismaOutboxStore);
      await expect(app.get(DatabaseHealth).check()).resolves.toBeUndefined();
      expect(() => app.get(OwnerDb)).toThrow();
      const [row] = await app.get(PrismaService).$queryRaw<
        { user: string; app: string }[]
      >`SELECT current_user AS user, current_setting('application_name') AS app`;
      expect(row).toEqual({ user: 'parley_app', app: 'module-test' });
      expect(await connectionsNamed(ctx, 'module-test')).toBeGreaterThan(0);
      await app.close();
      closed = true;
      // Disconnected on module destroy; a server backend leaves pg_stat_activity a moment after
      // its client closed, so look again for a few seconds on a busy machine.
      let left = await connectionsNamed(ctx, 'module-test');
      for (const deadline = Date.now() + 5_000; left > 0 && Date.now() < deadline; left = await connectionsNamed(ctx, 'module-test')) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(left).toBe(0);
    } finally {
      if (!closed) await app.close();
    }
  });

  it('OwnerDb reads across tenants as the analytics role, and cannot write', async () => {
    const a = await createTenant(ctx.owner);
    const b = await createTenant(ctx.owner);
    await createChatSession(ctx.owner, a.id);
    await createChatSession(ctx.owner, b.id);
    const app = await boot({ databaseUrl: env.TEST_DATABASE_URL, analyticsDatabaseUrl: env.TEST_DATABASE_ANALYTICS_URL });
    try {
      const ownerDb = app.get(OwnerDb);
      const tenants = await ownerDb.run((tx) =>
        tx.chatSession.findMany({ where: { tenantId: { in: [a.id, b.id] } }, select: { tenantId: true } }),
      );
      expect(new Set(tenants.map((t) => t.tenantId))).toEqual(new Set([a.id, b.id]));
      const write = await rejection(ownerDb.run((tx) => tx.tenantContact.create({ data: { tenantId: a.id, name: 'nope' } })));
      expect(String(write)).toMatch(/read-only transaction|permission denied/);
      const direct = await rejection(ownerDb.client.tenantContact.create({ data: { tenantId: a.id, name: 'nope' } }));
      expect(String(direct)).toContain('permission denied');
    } finally {
      await app.close();
    }
  });
  it('hands connectionTimeoutMs to the pool (how long a caller waits for a free connection; 5 s unless set)', async () => {
    for (const [connectionTimeoutMs, expected] of [
      [15_000, 15_000],
      [undefined, 5_000],
    ] as const) {
      const app = await boot({ databaseUrl: env.TEST_DATABASE_URL, poolMax: 1, connectionTimeoutMs, applicationName: 'module-wait-test' });
      try {
        const pool = poolOf(app.get(PrismaService));
        expect(pool?.options.connectionTimeoutMillis).toBe(expected);
        expect(pool?.statements.options.connectionTimeoutMillis).toBe(expected);
        await expect(app.get(PrismaService).$queryRaw`SELECT 1 AS ok`).resolves.toEqual([{ ok: 1 }]);
      } finally {
        await app.close();
      }
    }
  });
});
