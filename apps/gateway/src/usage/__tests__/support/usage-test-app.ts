import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerRequestHooks, SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import { ServiceRuntimeModule } from '@parley/runtime';
import { AuthModule } from '../../../auth/auth.module';
import type { AppConfig } from '../../../config/env.schema';
import { GatewayHttpModule } from '../../../http/gateway-http.module';
import { UsageModule } from '../../usage.module';

export interface RunningUsageApi {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** The gateway's runtime, HTTP layer and auth as app.module.ts composes them, plus UsageModule, on a free port. */
export async function startUsageApi(config: AppConfig): Promise<RunningUsageApi> {
  @Module({
    imports: [ServiceRuntimeModule.forRoot(config), GatewayHttpModule.forRoot(config), AuthModule.forRoot(config), UsageModule],
  })
  class UsageTestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(UsageTestModule, new FastifyAdapter(), { logger: false });
  registerRequestHooks(app.getHttpAdapter().getInstance(), { logger: app.get<Logger>(SERVICE_LOGGER), metrics: app.get(ServiceMetrics) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
