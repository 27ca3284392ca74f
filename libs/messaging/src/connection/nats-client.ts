import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { MessagingError } from '../errors/messaging.error';
import { SubjectNamer } from '../naming/subject-namer';
import { silentLogger, type MessagingLogger } from '../observability/messaging-logger';
import { featuresOf, type JetStreamFeatures } from './server-version';

export interface NatsClientOptions {
  /** One or more comma-separated server URLs, e.g. `nats://nats:4222`. */
  url: string;
  /** Connection name shown by the server's monitoring (the service name). */
  name: string;
  /** Prefix for every subject and stream this client uses (tests, shared servers). */
  namespace?: string;
  logger?: MessagingLogger;
  /** Timeout of one attempt at the first connection. */
  connectTimeoutMs?: number;
  /**
   * How long the first connection is retried (an attempt that fails is retried after a short
   * wait while the next attempt can still start within this time; default 15 s): a server that
   * is starting, or a machine too busy to finish the handshake in one attempt, does not fail the
   * boot. Past it connect() throws NOT_CONNECTED (the process exits 1). 0: one attempt.
   */
  firstConnectWithinMs?: number;
  /** Base wait between reconnect attempts; jitter is added (reconnects never stop). */
  reconnectTimeWaitMs?: number;
  reconnectJitterMs?: number;
}

/** Everything the messaging helpers need from a connection; NatsClient implements it. */
export interface MessagingConnection {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly namer: SubjectNamer;
  readonly features: JetStreamFeatures;
}

const FIRST_CONNECT_WITHIN_MS = 15_000;
const FIRST_CONNECT_RETRY_MS = 1_000;

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/g, '//***@');
}

/**
 * One NATS connection per process: reconnects forever (with jitter, so replicas do not
 * stampede a restarted server), exposes core, JetStream and JetStream management APIs, a
 * health check, and drains on shutdown.
 */
export class NatsClient implements MessagingConnection {
  private drained?: Promise<void>;

  private constructor(
    readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
    readonly namer: SubjectNamer,
    private readonly logger: MessagingLogger,
  ) {
    this.js = jetstream(nc);
    this.features = featuresOf(nc.info?.version);
    void this.watchStatus();
  }

  readonly js: JetStreamClient;
  readonly features: JetStreamFeatures;

  static async connect(options: NatsClientOptions): Promise<NatsClient> {
    const logger = options.logger ?? silentLogger;
    const namer = new SubjectNamer(options.namespace);
    const servers = options.url
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const deadline = Date.now() + (options.firstConnectWithinMs ?? FIRST_CONNECT_WITHIN_MS);
    let nc: NatsConnection | undefined;
    for (let attempt = 1; !nc; attempt++) {
      try {
        nc = await connect({
          servers,
          name: options.name,
          reconnect: true,
          maxReconnectAttempts: -1,
          reconnectTimeWait: options.reconnectTimeWaitMs ?? 2000,
          reconnectJitter: options.reconnectJitterMs ?? 1000,
          reconnectJitterTLS: options.reconnectJitterMs ?? 1000,
          timeout: options.connectTimeoutMs ?? 5000,
          // nats.js builds a RequestError and a TimeoutError (stack traces across the caller's async
          // chain) on every request in case it fails: ~50 µs per request before its bytes go out
          // (bench/chat-path/rpc-request.mjs). RpcClient maps failures by class (transportError),
          // which nats.js still throws; only their stacks lose the caller's frames.
          noAsyncTraces: true,
        });
      } catch (err) {
        const message = `cannot connect to NATS at ${redact(options.url)}: ${(err as Error).message}`;
        if (Date.now() + FIRST_CONNECT_RETRY_MS >= deadline) {
          throw new MessagingError('NOT_CONNECTED', attempt > 1 ? `${message} (${attempt} attempts)` : message, { cause: err });
        }
        logger.warn({ attempt, err: message }, 'nats connect failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_RETRY_MS));
      }
    }
    const jsm = await jetstreamManager(nc, { checkAPI: false });
    logger.info({ server: nc.getServer(), version: nc.info?.version, namespace: namer.namespace }, 'nats connected');
    return new NatsClient(nc, jsm, namer, logger);
  }

  /** Resolves when the server answers a round trip within `timeoutMs`; throws NOT_CONNECTED otherwise. */
  async check(timeoutMs = 2000): Promise<void> {
    if (this.nc.isClosed()) throw new MessagingError('NOT_CONNECTED', 'NATS connection is closed');
    if (this.nc.isDraining()) throw new MessagingError('NOT_CONNECTED', 'NATS connection is draining');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new MessagingError('NOT_CONNECTED', `NATS did not answer a flush within ${timeoutMs} ms (disconnected?)`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.nc.flush(), timeout]);
    } catch (err) {
      if (err instanceof MessagingError) throw err;
      throw new MessagingError('NOT_CONNECTED', `NATS flush failed: ${(err as Error).message}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Flushes pending messages, lets subscriptions finish, then closes. Safe to call twice. */
  drain(): Promise<void> {
    if (!this.drained) {
      this.drained = this.nc.isClosed()
        ? Promise.resolve()
        : this.nc.drain().catch((err: unknown) => {
            if (!this.nc.isClosed()) throw err;
          });
    }
    return this.drained;
  }

  /** Nest lifecycle: runs after beforeApplicationShutdown (where RPC servers and consumers stop). */
  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private async watchStatus(): Promise<void> {
    for await (const s of this.nc.status()) {
      switch (s.type) {
        case 'disconnect':
          this.logger.warn({ server: s.server }, 'nats disconnected');
          break;
        case 'reconnect':
          this.logger.info({ server: s.server }, 'nats reconnected');
          break;
        case 'error':
          this.logger.error({ err: s.error }, 'nats async error');
          break;
        default:
          break;
      }
    }
  }
}
