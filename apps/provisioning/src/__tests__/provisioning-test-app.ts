// Boots the provisioning feature modules in-process (Nest) against the run's database as the
// app role (RLS applies) and NATS under a namespace of this run, plus an RpcClient as the
// gateway would use it, and an owner pool to inspect rows across tenants.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagingModule, NatsClient, RpcClient } from '@parley/messaging';
import { PersistenceModule, RedisModule } from '@parley/persistence';
import { testEnvironment } from '@parley/testing';
import pg from 'pg';
import type { KnowledgeEmbedder, ProvisioningOptions } from '../common/provisioning.options';
import { ProvisioningModule } from '../provisioning.module';

export interface ProvisioningTestApp {
  app: INestApplicationContext;
  rpc: RpcClient;
  /** Owner role (BYPASSRLS): reads audit_log/outbox rows of every tenant. */
  owner: pg.Pool;
  namespace: string;
  close(): Promise<void>;
}

export async function startProvisioning(
  options: Partial<ProvisioningOptions> = {},
  embedder: KnowledgeEmbedder = null,
): Promise<ProvisioningTestApp> {
  const env = testEnvironment();
  const namespace = `${env.TEST_RUN_ID}_p${randomBytes(3).toString('hex')}`;
  @Module({
    imports: [
      PersistenceModule.forRoot({ databaseUrl: env.TEST_DATABASE_URL, poolMax: 4, applicationName: 'provisioning-int-test' }),
      MessagingModule.forRoot({ url: env.TEST_NATS_URL, name: 'provisioning-test', namespace }),
      RedisModule.forRoot({ url: env.TEST_REDIS_URL, keyPrefix: `parley:${namespace}:` }),
      ProvisioningModule.forRoot({ bcryptCost: 4, owner: null, ...options }, embedder),
    ],
  })
  class TestAppModule {}
  const app = await NestFactory.createApplicationContext(TestAppModule, { logger: false });
  app.enableShutdownHooks();
  await app.init();
  const clientConnection = await NatsClient.connect({ url: env.TEST_NATS_URL, name: 'gateway-test', namespace });
  await app.get(NatsClient).nc.flush();
  const owner = new pg.Pool({ connectionString: env.TEST_DATABASE_OWNER_URL, max: 2 });
  return {
    app,
    rpc: new RpcClient(clientConnection, { timeoutMs: 10_000 }),
    owner,
    namespace,
    async close() {
      await clientConnection.drain().catch(() => undefined);
      await app.close();
      await owner.end();
    },
  };
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ code?: string; message?: string; details?: { issues?: Array<{ path: string }> } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected the request to fail, but it succeeded');
}
