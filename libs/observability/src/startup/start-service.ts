import type { DynamicModule, Type } from '@nestjs/common';
import type { BootstrapOptions } from '../bootstrap/bootstrap-service';
import type { ServiceConfig } from './config/service-env';
import type { FrameworkProblemRenderer } from '../bootstrap/framework-errors';
import type { StopTelemetry } from './start-telemetry';

export interface StartServiceOptions {
  config: Pick<ServiceConfig, 'service' | 'http' | 'log' | 'shutdown'>;
  stopTelemetry?: StopTelemetry;
  /** Loads the app's root module; called after telemetry started, so import it lazily here. */
  module: () => Promise<Type | DynamicModule>;
  /** See BootstrapOptions.renderFrameworkProblem (a pure function: main.ts imports it before telemetry). */
  renderFrameworkProblem?: FrameworkProblemRenderer;
  /** See BootstrapOptions.serverOptions. */
  serverOptions?: BootstrapOptions['serverOptions'];
}

/**
 * The last line of a main.ts: loads the app module and the Nest bootstrap only now (both
 * pull in Fastify, pg and ioredis), then runs bootstrapService(). A failure to load them is
 * printed and exits 1; everything after is bootstrapService's (JSON logs).
 */
export async function startService(options: StartServiceOptions): Promise<void> {
  try {
    const [{ bootstrapService }, module] = await Promise.all([import('../bootstrap/bootstrap-service'), options.module()]);
    await bootstrapService({
      module,
      config: options.config,
      stopTelemetry: options.stopTelemetry,
      renderFrameworkProblem: options.renderFrameworkProblem,
      serverOptions: options.serverOptions,
    });
  } catch (error) {
    process.stderr.write(
      `${options.config.service} failed to load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  }
}
