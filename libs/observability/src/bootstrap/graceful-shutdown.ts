import type { Logger } from 'pino';

/** The part of a Nest application shutdown needs (INestApplication satisfies it). */
export interface ClosableApp {
  close(): Promise<void>;
}

export interface GracefulShutdownOptions {
  /** Hard limit for the whole shutdown; past it the process logs and exits 1. */
  timeoutMs: number;
  logger: Logger;
  /** Runs after the app closed (e.g. flush telemetry). */
  onShutdown?: () => Promise<void> | void;
  /** Called first, synchronously: readiness turns 503 before anything closes. */
  onShutdownStart?: () => void;
  signals?: readonly NodeJS.Signals[];
  /** Ends the process; process.exit unless a test replaces it. */
  exit?: (code: number) => void;
}

export interface GracefulShutdown {
  /** Starts the shutdown as a signal would; later calls return the same promise. */
  trigger(reason: string): Promise<void>;
  /** Removes the signal listeners. */
  dispose(): void;
}

/**
 * On SIGTERM/SIGINT: mark not ready, then `app.close()` — Nest stops accepting connections,
 * waits for in-flight HTTP requests, and runs the modules' shutdown hooks (messaging drains
 * its consumers and RPC handlers, the DB and Redis pools close) — then `onShutdown`, then
 * exit 0. Past `timeoutMs` it logs what happened and exits 1. Repeated signals are ignored.
 * Nest's own enableShutdownHooks() is not used: it re-raises the signal instead of exiting 0.
 */
export function installGracefulShutdown(app: ClosableApp, options: GracefulShutdownOptions): GracefulShutdown {
  const { logger, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let running: Promise<void> | undefined;

  const run = async (reason: string): Promise<void> => {
    logger.info({ reason, timeout_ms: timeoutMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ reason, timeout_ms: timeoutMs }, 'shutdown did not finish in time; exiting');
      exit(1);
    }, timeoutMs);
    try {
      options.onShutdownStart?.();
      await app.close();
      await options.onShutdown?.();
      clearTimeout(timer);
      logger.info({ reason }, 'shutdown complete');
      exit(0);
    } catch (error) {
      clearTimeout(timer);
      logger.error({ err: error, reason }, 'shutdown failed');
      exit(1);
    }
  };

  const trigger = (reason: string): Promise<void> => {
    if (running) {
      logger.info({ reason }, 'shutdown already in progress');
      return running;
    }
    running = run(reason);
    return running;
  };

  const listeners = signals.map((signal) => {
    const listener = () => void trigger(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });

  return {
    trigger,
    dispose: () => listeners.forEach(([signal, listener]) => process.removeListener(signal, listener)),
  };
}
