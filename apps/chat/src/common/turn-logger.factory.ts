import { createLogger, type Logger } from '@parley/observability';
import { BatchedLines } from './batched-lines.destination';
import type { ChatLogger } from './chat.logger';
import type { ChatOptions } from './chat.options';

/** A ChatLogger whose lines are written in batches; close() writes what waits (shutdown). */
export interface TurnLogger extends ChatLogger {
  close(): void;
}

/**
 * The per-turn logger (TURN_LOGGER): a logger of the service's own shape (createLogger: service,
 * pid, level, redaction, trace and request ids of the call) writing JSON lines to stdout through
 * BatchedLines. Warnings and errors go through `service` at once, as every other line does.
 * Without `log` (tests) or with pretty output it is `service` itself.
 */
export function createTurnLogger(service: Logger, log: ChatOptions['log']): TurnLogger {
  const chat = service.child({ component: 'chat' });
  if (!log || log.pretty)
    return { info: (o, m) => chat.info(o, m), warn: (o, m) => chat.warn(o, m), error: (o, m) => chat.error(o, m), close: () => undefined };
  const lines = new BatchedLines();
  const name = (service.bindings() as { service?: unknown }).service;
  const batched = createLogger({ service: typeof name === 'string' ? name : 'chat', level: log.level, destination: lines }).child({
    component: 'chat',
  });
  return {
    info: (obj, msg) => batched.info(obj, msg),
    warn: (obj, msg) => chat.warn(obj, msg),
    error: (obj, msg) => chat.error(obj, msg),
    close: () => lines.close(),
  };
}
