import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerRequestHooks, SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { ServiceRuntimeModule } from '@parley/runtime';
import { testEnvironment } from '@parley/testing';
import { AuthModule } from '../../../auth/auth.module';
import type { AppConfig } from '../../../config/env.schema';
import { GatewayHttpModule } from '../../../http/gateway-http.module';
import { TenantApiModule } from '../../../tenant-api.module';
import type { TenantApiOverrides } from '../../../tenant-api.options';

/**
 * A NATS namespace / Redis prefix of one test file: `<TEST_RUN_ID>_<tag><random>`. The
 * underscore after the run id matters: the integration teardown deletes the JetStream streams
 * named `<TEST_RUN_ID>_*`, which the services booted here declare (`<namespace>_EVENTS`, `_DLQ`).
 */
export function tenantApiNamespace(tag: string): string {
  return `${testEnvironment().TEST_RUN_ID}_${tag}${randomBytes(3).toString('hex')}`;
}

export interface RunningTenantApi {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * The gateway's modules as app.module.ts composes them (runtime, HTTP layer, auth) plus
 * TenantApiModule, booted in this process on Fastify with the request hooks, on a free port.
 */
export async function startTenantApi(config: AppConfig, overrides: TenantApiOverrides = {}): Promise<RunningTenantApi> {
  @Module({
    imports: [
      ServiceRuntimeModule.forRoot(config),
      GatewayHttpModule.forRoot(config),
      AuthModule.forRoot(config),
      TenantApiModule.forRoot(overrides),
    ],
  })
  class TenantApiTestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(TenantApiTestModule, new FastifyAdapter(), { logger: false });
  registerRequestHooks(app.getHttpAdapter().getInstance(), { logger: app.get<Logger>(SERVICE_LOGGER), metrics: app.get(ServiceMetrics) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
