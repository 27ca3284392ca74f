// Two Jest projects: `unit` (*.spec.ts, no I/O) and `integration` (*.int-spec.ts, real
// PostgreSQL, NATS and Redis in a fresh database per run; see libs/testing/src/setup).
const fs = require('node:fs');
const path = require('node:path');

const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swc.$schema;

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: {
    '^@parley/(contracts|messaging|persistence|llm|signals|auth|observability|testing|runtime|integrations)$':
      '<rootDir>/libs/$1/src/index.ts',
    // Secondary entry points (e.g. @parley/observability/startup) map to src/<entry>/index.ts.
    '^@parley/(contracts|messaging|persistence|llm|signals|auth|observability|testing|runtime|integrations)/([a-z-]+)$':
      '<rootDir>/libs/$1/src/$2/index.ts',
    // Exports only an `import` condition, which Jest's CommonJS resolver does not follow.
    '^json-schema-faker$': '<rootDir>/node_modules/json-schema-faker/dist/index.js',
  },
  // NestJS 12 ships ES modules only. Node >= 20.19 require()s them natively, but Jest's module
  // runtime cannot before Node 24.9, so tests compile those packages to CommonJS with SWC
  // (json-schema-faker, ESM only, is used by the fuzz suite in tools/fuzz; jose 6 is ESM only too).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|cookie|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|load-esm|uid|iterare|@borewit|json-schema-faker|jose)/)',
  ],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Per-project testTimeout is ignored by Jest's multi-project runner; this one applies.
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,scripts}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/setup/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/setup/global-teardown.ts',
      testTimeout: 30000,
    },
  ],
};
