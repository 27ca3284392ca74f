/**
 * The logging surface the lib needs; a pino logger satisfies it. Messages are logged with
 * ids, subjects and error codes only, never payloads.
 */
export interface MessagingLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

const noop = (): void => undefined;

export const silentLogger: MessagingLogger = { debug: noop, info: noop, warn: noop, error: noop };
