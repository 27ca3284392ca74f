import type { FactoryProvider, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_LOGGER, createLogger, type Logger } from '@parley/observability';
import { BatchedLines } from './batched-lines.destination';
import { TURN_LOGGER, type ChatLogger } from './chat.logger';
import { CHAT_OPTIONS, type ChatOptions } from './chat.options';

/**
 * A ChatLogger whose info lines are written in batches. close() writes what waits, synchronously;
 * Nest calls it at shutdown (onApplicationShutdown: after every beforeApplicationShutdown, so
 * after ChatLifecycle let the turns in progress finish and log), before the process exits.
 */
export class TurnLogger implements ChatLogger, OnApplicationShutdown {
  constructor(
    private readonly infoLogger: Logger,
    private readonly service: Logger,
    private readonly lines?: BatchedLines,
  ) {}

  info(obj: object, msg: string): void {
    this.infoLogger.info(obj, msg);
  }

  warn(obj: object, msg: string): void {
    this.service.warn(obj, msg);
  }

  error(obj: object, msg: string): void {
    this.service.error(obj, msg);
  }

  close(): void {
    this.lines?.close();
  }

  onApplicationShutdown(): void {
    this.close();
  }
}

/**
 * The per-turn logger (TURN_LOGGER): a logger of the service's own shape (createLogger: service,
 * pid, level, redaction, trace and request ids of the call) writing JSON lines to stdout through
 * `lines` (BatchedLines). Warnings and errors go through `service` at once, as every other line does.
 * Without `log` (tests) or with pretty output it is `service` itself.
 */
export function createTurnLogger(
  service: Logger,
  log: ChatOptions['log'],
  lines: () => BatchedLines = () => new BatchedLines(),
): TurnLogger {
  const chat = service.child({ component: 'chat' });
  if (!log || log.pretty) return new TurnLogger(chat, chat);
  const destination = lines();
  const name = (service.bindings() as { service?: unknown }).service;
  const batched = createLogger({ service: typeof name === 'string' ? name : 'chat', level: log.level, destination }).child({
    component: 'chat',
  });
  return new TurnLogger(batched, chat, destination);
}

/** ChatModule's TURN_LOGGER provider; `lines` makes the destination (stdout unless a test passes its own). */
export function turnLoggerProvider(lines?: () => BatchedLines): FactoryProvider<TurnLogger> {
  return {
    provide: TURN_LOGGER,
    inject: [SERVICE_LOGGER, CHAT_OPTIONS],
    useFactory: (logger: Logger, chat: ChatOptions) => createTurnLogger(logger, chat.log, lines),
  };
}
