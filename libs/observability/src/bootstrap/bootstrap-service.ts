import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import { Readiness } from '../health/readiness';
import { createLogger } from '../logging/logger.factory';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { ServiceMetrics } from '../metrics/service-metrics';
import { SERVICE_LOGGER } from '../observability.module';
import { registerRequestHooks } from '../request-context/request-hooks';
import type { ServiceConfig } from '../startup/config/service-env';
import type { StopTelemetry } from '../startup/start-telemetry';
import { fastifyServerOptions, type FrameworkProblemRenderer } from './framework-errors';
import { installGracefulShutdown } from './graceful-shutdown';

export interface BootstrapOptions {
  /** The app's root module; it must import ObservabilityModule.forRoot(...). */
  module: Type | DynamicModule;
  config: Pick<ServiceConfig, 'service' | 'http' | 'log' | 'shutdown'>;
  /** From startTelemetry(); flushed at the end of shutdown. */
  stopTelemetry?: StopTelemetry;
  /** The app's own shape for router and HTTP-parser errors on some URLs (see framework-errors.ts). */
  renderFrameworkProblem?: FrameworkProblemRenderer;
  /** Fastify server options of the app's own (the gateway's trustProxy from its validated config). */
  serverOptions?: Pick<FastifyServerOptions, 'trustProxy'>;
}

/**
 * Starts a service: Nest on Fastify (router and HTTP parser errors as problem+json, see
 * framework-errors.ts) with the JSON logger, request ids and the access log,
 * HTTP metrics, /health and /metrics (from ObservabilityModule), graceful shutdown; then
 * listens and logs one `listening` line. Any start-up failure is logged and exits 1.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  let logger: Logger = createLogger({ service: config.service, ...config.log });
  const fail = async (error: unknown, msg: string): Promise<never> => {
    logger.fatal({ err: error }, msg);
    await options.stopTelemetry?.().catch(() => undefined);
    process.exit(1);
  };
  process.on('uncaughtException', (error) => void fail(error, 'uncaught exception'));
  process.on('unhandledRejection', (error) => void fail(error, 'unhandled promise rejection'));

  let app: NestFastifyApplication;
  try {
    // Nest logs through the JSON logger from its first line, failures during creation included.
    app = await NestFactory.create<NestFastifyApplication>(
      options.module,
      new FastifyAdapter({ ...options.serverOptions, ...fastifyServerOptions(options.renderFrameworkProblem) }),
      {
        logger: new NestLoggerAdapter(logger),
        abortOnError: false,
      },
    );
  } catch (error) {
    return fail(error, 'could not create the application');
  }

  logger = app.get<Logger>(SERVICE_LOGGER);
  app.useLogger(app.get(NestLoggerAdapter));
  const readiness = app.get(Readiness);
  registerRequestHooks(app.getHttpAdapter().getInstance(), {
    logger,
    metrics: app.get(ServiceMetrics),
    isShuttingDown: () => readiness.isShuttingDown,
  });
  installGracefulShutdown(app, {
    timeoutMs: config.shutdown.timeoutMs,
    logger,
    onShutdownStart: () => readiness.markShuttingDown(),
    onShutdown: options.stopTelemetry,
  });

  try {
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    return fail(error, 'could not start listening');
  }
  logger.info({ port: config.http.port, host: config.http.host }, 'listening');
  return app;
}
