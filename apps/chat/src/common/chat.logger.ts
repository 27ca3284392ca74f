/** The logging surface chat uses (pino's Logger satisfies it); never pass message bodies. */
export interface ChatLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentChatLogger: ChatLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Injection token of the chat logger: the service logger's child `{ component: 'chat' }` (chat.module.ts). */
export const CHAT_LOGGER = Symbol('CHAT_LOGGER');

/**
 * Injection token of the per-turn logger (the `turn completed` line, one per turn): the chat
 * logger's fields and level, its lines written in batches (BatchedLines) instead of one
 * synchronous write each; the service's JSON logger when ChatOptions.log is absent or pretty.
 */
export const TURN_LOGGER = Symbol('TURN_LOGGER');
