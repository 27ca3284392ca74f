export * from './messaging.api';
export * from './messaging.module';
