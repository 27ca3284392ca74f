import { randomBytes } from 'node:crypto';
import type { DynamicModule, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerRequestHooks, SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { parseEnv } from '@parley/observability/startup';
import { ServiceRuntimeModule } from '@parley/runtime';
import { testEnvironment } from '@parley/testing';
import { AppModule } from '../../../app.module';
import { AuthModule } from '../../../auth/auth.module';
import { envSchema, toAppConfig, type AppConfig } from '../../../config/env.schema';
import { trustProxyOption } from '../../../config/trusted-proxies.env';
import { GatewayHttpModule } from '../../gateway-http.module';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** A per-file NATS namespace / Redis prefix, so test files never see each other's messages. */
export function testNamespace(tag: string): string {
  return `${testEnvironment().TEST_RUN_ID}${tag}${randomBytes(3).toString('hex')}`;
}

/** The gateway's config for an in-process test app, from the run's real services. */
export function testGatewayConfig(namespace: string, overrides: Record<string, string> = {}): AppConfig {
  const env = testEnvironment();
  return toAppConfig(
    parseEnv(envSchema, {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '3000',
      LOG_LEVEL: 'silent',
      DATABASE_URL: env.TEST_DATABASE_URL,
      NATS_URL: env.TEST_NATS_URL,
      NATS_NAMESPACE: namespace,
      REDIS_URL: env.TEST_REDIS_URL,
      AUTH_SIGNING_KEYS: `t1:${TEST_SIGNING_SECRET}`,
      RPC_TIMEOUT_MS: '2000',
      // Swagger UI loads @fastify/static, whose ESM dependency Jest cannot load: /docs is tested from dist.
      GATEWAY_DOCS_ENABLED: 'false',
      ...overrides,
    }),
  );
}

export interface RunningGateway {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * The one boot of every in-process gateway test app: `root` on Fastify the way bootstrapService
 * boots the gateway (the request hooks; `adapter` for options such as trustProxy), listening on a
 * free port of 127.0.0.1.
 */
export async function listenGateway(root: Type, adapter: FastifyAdapter = new FastifyAdapter()): Promise<RunningGateway> {
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { logger: false });
  registerRequestHooks(app.getHttpAdapter().getInstance(), { logger: app.get<Logger>(SERVICE_LOGGER), metrics: app.get(ServiceMetrics) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/**
 * The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus the feature
 * modules under test, booted by listenGateway.
 */
export async function startGatewayWith(config: AppConfig, features: (Type | DynamicModule)[]): Promise<RunningGateway> {
  @Module({
    imports: [ServiceRuntimeModule.forRoot(config), GatewayHttpModule.forRoot(config), AuthModule.forRoot(config), ...features],
  })
  class GatewayFeaturesTestModule {}
  return listenGateway(GatewayFeaturesTestModule);
}

/**
 * Boots the gateway's AppModule in this process the way bootstrapService does (Fastify with the
 * configured trustProxy, request hooks), plus any test-only controllers, and listens on a free port.
 */
export async function startGateway(config: AppConfig, extraControllers: Type[] = []): Promise<RunningGateway> {
  @Module({ imports: [AppModule.forRoot(config) as DynamicModule], controllers: extraControllers })
  class GatewayTestModule {}
  return listenGateway(GatewayTestModule, new FastifyAdapter({ trustProxy: trustProxyOption(config.trustedProxies) }));
}
