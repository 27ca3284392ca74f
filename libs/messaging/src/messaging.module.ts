import { Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { NatsClient } from './connection/nats-client';
import { ensureStreams } from './jetstream/ensure';
import { SubjectNamer } from './naming/subject-namer';
import type { MessagingLogger } from './observability/messaging-logger';
import type { MessagingMetrics } from './observability/messaging-metrics';
import { EventPublisher } from './publishing/event-publisher';
import { RpcClient } from './rpc/rpc-client';
import { RpcServer } from './rpc/rpc-server';

export interface MessagingModuleOptions {
  url: string;
  /** Connection name: the service name. */
  name: string;
  /** Prefix of every subject and stream (tests' run id, shared dev servers). */
  namespace?: string;
  /** Declare the EVENTS and DLQ streams at start-up (idempotent). */
  streams?: boolean;
  /** Default RPC request timeout (default 5000 ms). */
  rpcTimeoutMs?: number;
  logger?: MessagingLogger;
  metrics?: MessagingMetrics;
}

export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

const providers = [
  {
    provide: NatsClient,
    inject: [MESSAGING_OPTIONS],
    useFactory: async (options: MessagingModuleOptions) => {
      const client = await NatsClient.connect(options);
      if (options.streams) {
        try {
          await ensureStreams(client.jsm, client.namer);
        } catch (err) {
          await client.drain();
          throw err;
        }
      }
      return client;
    },
  },
  { provide: SubjectNamer, inject: [NatsClient], useFactory: (client: NatsClient) => client.namer },
  { provide: EventPublisher, inject: [NatsClient], useFactory: (client: NatsClient) => new EventPublisher(client) },
  {
    provide: RpcClient,
    inject: [NatsClient, MESSAGING_OPTIONS],
    useFactory: (client: NatsClient, options: MessagingModuleOptions) => new RpcClient(client, { timeoutMs: options.rpcTimeoutMs ?? 5000 }),
  },
  {
    provide: RpcServer,
    inject: [NatsClient, MESSAGING_OPTIONS],
    useFactory: (client: NatsClient, options: MessagingModuleOptions) =>
      new RpcServer(client, { logger: options.logger, metrics: options.metrics }),
  },
];

const exported = [NatsClient, SubjectNamer, EventPublisher, RpcClient, RpcServer, MESSAGING_OPTIONS];

/**
 * Global module owning the process's NATS connection. RpcServer stops serving in
 * beforeApplicationShutdown and NatsClient drains in onApplicationShutdown, so apps must call
 * `app.enableShutdownHooks()`.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, ...providers],
      exports: exported,
    };
  }

  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [{ provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }, ...providers],
      exports: exported,
    };
  }
}
