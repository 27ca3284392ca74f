import type { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export interface RedisOptions {
  url: string;
  /** Prepended to every key (e.g. `parley:` or a per-test-run namespace). */
  keyPrefix?: string;
  /** Bound of check()'s PING (default 1000 ms). */
  pingTimeoutMs?: number;
  /** How long QUIT may take at shutdown before the socket is just closed (default 1000 ms). */
  quitTimeoutMs?: number;
  /** Connection state changes go here (RedisModule passes Nest's Logger); silent by default. */
  logger?: RedisLogger;
}

/** What the client logs through; Nest's Logger satisfies it. */
export interface RedisLogger {
  log(message: string): void;
  warn(message: string): void;
}

const silent: RedisLogger = { log: () => undefined, warn: () => undefined };

const RECONNECT_MAX_DELAY_MS = 5_000;
const CONNECTING = new Set(['wait', 'connecting', 'connect']);

/**
 * The service's Redis connection: an ioredis client (use it directly: `redis.incr(key)`)
 * that reconnects forever with capped backoff, so a Redis outage degrades readiness instead
 * of crashing the process. Commands issued while disconnected wait for the reconnect and
 * fail after two retries. `check()` is the readiness probe; QUIT runs at shutdown.
 */
export class RedisClient extends Redis implements OnApplicationShutdown {
  readonly #log: RedisLogger;
  readonly #pingTimeoutMs: number;
  readonly #quitTimeoutMs: number;
  #lastError: string | undefined;
  #loggedError: string | undefined;

  constructor(options: RedisOptions) {
    super(options.url, {
      keyPrefix: options.keyPrefix,
      lazyConnect: false,
      connectTimeout: 5_000,
      maxRetriesPerRequest: 2,
      retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 10), RECONNECT_MAX_DELAY_MS),
    });
    this.#log = options.logger ?? silent;
    this.#pingTimeoutMs = options.pingTimeoutMs ?? 1_000;
    this.#quitTimeoutMs = options.quitTimeoutMs ?? 1_000;
    this.on('error', (error: Error) => {
      this.#lastError = error.message;
      // Log each distinct failure once, not every reconnect attempt.
      if (this.#loggedError !== error.message) this.#log.warn(`redis error: ${error.message}`);
      this.#loggedError = error.message;
    });
    this.on('ready', () => {
      if (this.#loggedError) this.#log.log('redis connection restored');
      this.#lastError = undefined;
      this.#loggedError = undefined;
    });
  }

  /**
   * Resolves when Redis answers PING within pingTimeoutMs; otherwise rejects with the reason.
   * A connection still being established (start-up) gets that same time to become ready; a
   * connection that failed and is retrying is reported at once, with the last error.
   */
  async check(): Promise<void> {
    if (CONNECTING.has(this.status)) await this.#readyWithin(this.#pingTimeoutMs);
    if (this.status !== 'ready') {
      throw new Error(`not connected (${this.status}${this.#lastError ? `: ${this.#lastError}` : ''})`);
    }
    const reply = await this.#within(this.ping(), this.#pingTimeoutMs, 'PING');
    if (reply !== 'PONG') throw new Error(`unexpected PING reply ${JSON.stringify(reply)}`);
  }

  #readyWithin(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.off('ready', done);
        this.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.once('ready', done);
      this.once('error', done);
    });
  }

  /**
   * Bounds `promise` by `ms`; the timer rejects only after the loop has also polled for I/O, so
   * a reply that arrived while the loop was blocked past the deadline (a busy start-up on a
   * loaded machine) is read first and wins instead of losing to a timer fired in the same turn.
   */
  async #within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let afterPoll: NodeJS.Immediate | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        afterPoll = setImmediate(() => reject(new Error(`${what} timed out after ${ms} ms`)));
      }, ms);
    });
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
      clearImmediate(afterPoll);
    }
  }

  /** QUIT when connected (bounded by quitTimeoutMs), otherwise just close the socket. */
  async onApplicationShutdown(): Promise<void> {
    if (this.status === 'end') return;
    const ended = new Promise<void>((resolve) => this.once('end', () => resolve()));
    if (this.status === 'ready') {
      await this.#within(this.quit(), this.#quitTimeoutMs, 'QUIT').catch(() => undefined);
    }
    // QUIT changed the status meanwhile; read it afresh (TypeScript keeps the narrowed type).
    if ((this.status as string) !== 'end') this.disconnect();
    await this.#within(ended, this.#quitTimeoutMs, 'close').catch(() => undefined);
  }
}
