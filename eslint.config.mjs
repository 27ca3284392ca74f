import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Layering (docs/adr/0002-module-boundaries.md):
//   app -> anything shared; infra -> infra|domain|contract; domain -> domain|contract;
//   contract -> contract; testing -> anything shared. Apps never import apps.
export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'tools/lint-fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['scope:app'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contract'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contract'],
              bannedExternalImports: ['@prisma/*', '@nats-io/*', 'nats', '@langchain/*', '@nestjs/*', 'ioredis', 'pg'],
            },
            {
              sourceTag: 'type:contract',
              onlyDependOnLibsWithTags: ['type:contract'],
              bannedExternalImports: ['@prisma/*', '@nats-io/*', 'nats', '@langchain/*', '@nestjs/*', 'ioredis', 'pg'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 500, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Only config/env.schema.ts may read process.env in product code (STYLE.md §3).
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/config/env.schema.ts', '**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through the validated env schema (config/env.schema.ts).' }],
    },
  },
  {
    // Only tests may import the testing lib.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/__tests__/**', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@parley/testing', message: 'libs/testing is for tests only.' }] }],
    },
  },
];
