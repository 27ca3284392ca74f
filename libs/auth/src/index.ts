export * from './api-keys/api-key';
export * from './passwords/secret-hash';
export * from './passwords/password-policy';
