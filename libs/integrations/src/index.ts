export * from './connector.types';
export * from './http/target-url.guard';
