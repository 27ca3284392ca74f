import nx from '@nx/eslint-plugin';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';

// Only repositories touch the database (docs/architecture.md, "Repositories"): a Prisma model
// call (`<client>.<model>.<operation>(...)`, the model names read from prisma/schema.prisma) or
// a raw query (`$queryRaw`, `$executeRaw` and their Unsafe forms) is an error outside
// `*.repository.ts` files and libs/persistence. It covers every app and every other lib, with
// no exceptions (libs/testing builds test fixtures and is for tests only).
const REPOSITORY_RULE_FILES = ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx', 'libs/*/src/**/*.ts'];
const PRISMA_MODELS = new Set(
  [...readFileSync(new URL('./prisma/schema.prisma', import.meta.url), 'utf8').matchAll(/^model\s+(\w+)\s*\{/gm)].map(
    ([, m]) => m[0].toLowerCase() + m.slice(1),
  ),
);
const PRISMA_OPERATIONS = new Set([
  'findMany',
  'findFirst',
  'findFirstOrThrow',
  'findUnique',
  'findUniqueOrThrow',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
]);
const RAW_QUERIES = new Set(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$queryRawTyped']);
const propertyName = (member) =>
  member?.type === 'MemberExpression' && !member.computed && member.property.type === 'Identifier' ? member.property.name : null;
const dbAccessInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'Prisma model calls and raw SQL only in *.repository.ts files (and libs/persistence).' },
    messages: { dbCall: '{{what}}: database calls belong in a <feature>.repository.ts (services and handlers hold the logic only).' },
    schema: [],
  },
  create(context) {
    return {
      MemberExpression(node) {
        const name = propertyName(node);
        if (name && RAW_QUERIES.has(name)) context.report({ node, messageId: 'dbCall', data: { what: name } });
      },
      CallExpression(node) {
        const operation = propertyName(node.callee);
        const model = operation && PRISMA_OPERATIONS.has(operation) ? propertyName(node.callee.object) : null;
        if (model && PRISMA_MODELS.has(model)) context.report({ node, messageId: 'dbCall', data: { what: `${model}.${operation}` } });
      },
    };
  },
};

// Layering (docs/adr/0002-module-boundaries.md):
//   app -> anything shared; infra -> infra|domain|contract; domain -> domain|contract;
//   contract -> contract; testing -> anything shared. Apps never import apps.
// One shape for every app (docs/architecture.md, "App shape"): a file under apps/*/src is named
// `<name>.<kind>.ts(x)` (`turn.service.ts`, `inbox.handler.ts`, `contacts.page.tsx`), main.ts
// excepted. NATS entry points are `.handler.ts` and HTTP ones `.controller.ts`: the older kinds
// `endpoints` and `routes` are rejected, as are barrels (`index.ts`).
const FILE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.([a-z]+(?:-[a-z]+)*)\.tsx?$/;
const RETIRED_KINDS = new Map([
  ['endpoints', 'a NATS entry point is a <feature>.handler.ts'],
  ['routes', 'a NATS entry point is a <feature>.handler.ts'],
]);
const fileNameKind = {
  meta: {
    type: 'suggestion',
    docs: { description: 'App files are named <name>.<kind>.ts(x).' },
    messages: {
      noKind: '{{file}}: name app files <name>.<kind>.ts(x) (for example turn.service.ts, inbox.handler.ts).',
      retired: '{{file}}: the kind "{{kind}}" is retired: {{why}}.',
    },
    schema: [],
  },
  create(context) {
    return {
      Program(node) {
        const file = context.filename.split(/[\\/]/).pop();
        if (file === 'main.ts' || file === 'main.tsx') return;
        const match = FILE_NAME.exec(file);
        if (!match) return context.report({ node, messageId: 'noKind', data: { file } });
        const why = RETIRED_KINDS.get(match[1]);
        if (why) context.report({ node, messageId: 'retired', data: { file, kind: match[1], why } });
      },
    };
  },
};

const parley = { rules: { 'db-access-in-repositories': dbAccessInRepositories, 'file-name-kind': fileNameKind } };

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', 'tools/lint-fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
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
    // A test file reads as a list of cases, each stating its whole setting after formatting
    // (printWidth 140), so tests get more room than product code.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.browser.ts'],
    rules: { 'max-lines': ['warn', { max: 800, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Only config/env.schema.ts may read process.env in product code (STYLE.md §3).
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/config/env.schema.ts', '**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through the validated env schema (config/env.schema.ts).' },
      ],
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
  {
    // Only repositories touch the database (see REPOSITORY_RULE_FILES above). Tests set up fixtures with SQL.
    files: REPOSITORY_RULE_FILES,
    ignores: ['**/*.repository.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/__tests__/**', 'libs/persistence/**', 'libs/testing/**'],
    plugins: { parley },
    rules: { 'parley/db-access-in-repositories': 'error' },
  },
  {
    // App files are <name>.<kind>.ts(x) (see FILE_NAME above). Tests and their support files are free.
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/__tests__/**', '**/*.d.ts'],
    plugins: { parley },
    rules: { 'parley/file-name-kind': 'error' },
  },
];
