import type { Registry } from 'prom-client';

/** The logging the router needs; a pino Logger fits. */
export interface LlmLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface LlmRouterDeps {
  logger: LlmLogger;
  /** Where the router's metrics go (a ServiceMetrics fits); prom-client's default registry when absent. */
  metrics?: { registry: Registry };
}
