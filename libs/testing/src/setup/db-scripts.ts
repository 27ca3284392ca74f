// Typed access to scripts/db-setup.mjs, the same code `node scripts/db-setup.mjs` runs, so the
// test databases are built exactly like a real one (roles, pgvector, migrations).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DbSetupOptions {
  superuserUrl: string;
  database: string;
  passwords: { owner: string; app: string; analytics: string };
}

export interface DbSetupResult {
  database: string;
  ownerUrl: string;
  appUrl: string;
  analyticsUrl: string;
}

export interface DbSetupModule {
  optionsFromEnv(env?: NodeJS.ProcessEnv): DbSetupOptions;
  setupDatabase(options: DbSetupOptions, log?: (line: string) => void): Promise<DbSetupResult>;
  migrateDatabase(ownerUrl: string): Promise<string>;
  dropDatabase(superuserUrl: string, database: string): Promise<void>;
}

const repoRoot = join(__dirname, '..', '..', '..', '..');

// A native dynamic import: the TypeScript->CommonJS transform would turn `import()` into
// require(), which cannot load the ES module graph of the script.
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export async function loadDbSetup(): Promise<DbSetupModule> {
  return (await nativeImport(pathToFileURL(join(repoRoot, 'scripts', 'db-setup.mjs')).href)) as DbSetupModule;
}
