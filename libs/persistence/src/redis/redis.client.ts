import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

export interface RedisOptions {
  url: string;
  /** Prepended to every key (e.g. `parley:` or a per-test-run namespace). */
  keyPrefix?: string;
  /** Bound of check()'s PING (default 1000 ms). */
  pingTimeoutMs?: number;
  /** How long QUIT may take at shutdown before the socket is just closed (default 1000 ms). */
  quitTimeoutMs?: number;
}

const RECONNECT_MAX_DELAY_MS = 5_000;

/**
 * The service's Redis connection: an ioredis client (use it directly: `redis.incr(key)`)
 * that reconnects forever with capped backoff, so a Redis outage degrades readiness instead
 * of crashing the process. Commands issued while disconnected wait for the reconnect and
 * fail after two retries. `check()` is the readiness probe; QUIT runs at shutdown.
 */
export class RedisClient extends Redis implements OnApplicationShutdown {
  readonly #log = new Logger('RedisClient');
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

  /** Resolves when Redis answers PING in time; otherwise rejects with the reason. */
  async check(): Promise<void> {
    if (this.status !== 'ready') {
      throw new Error(`not connected (${this.status}${this.#lastError ? `: ${this.#lastError}` : ''})`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PING timed out after ${this.#pingTimeoutMs} ms`)), this.#pingTimeoutMs);
    });
    try {
      const reply = await Promise.race([this.ping(), timeout]);
      if (reply !== 'PONG') throw new Error(`unexpected PING reply ${JSON.stringify(reply)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** QUIT when connected (bounded by quitTimeoutMs), otherwise just close the socket. */
  async onApplicationShutdown(): Promise<void> {
    if (this.status === 'end') return;
    if (this.status !== 'ready') {
      this.disconnect();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#quitTimeoutMs);
    });
    const result = await Promise.race([this.quit().catch(() => 'failed' as const), timedOut]);
    clearTimeout(timer);
    if (result !== 'OK') this.disconnect();
  }
}
