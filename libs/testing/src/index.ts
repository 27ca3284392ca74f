export * from './setup/test-env';
export * from './db/factory-db';
export * from './db/factories';
export * from './mock-llm';
export * from './fakes';
