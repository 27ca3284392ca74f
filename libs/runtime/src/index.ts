export * from './messaging-metrics.adapter';
export * from './consumer-declarations';
export * from './outbox-relay.runner';
export * from './service-runtime.module';
export * from './durable-consumer.runner';
export * from './rpc-handlers.base';
