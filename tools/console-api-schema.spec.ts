import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// schema.gen.ts types every API call of the console. This fails when it no longer matches the
// gateway's OpenAPI document built from the current source (a route or body changed without
// `node apps/console/scripts/gen-api.mjs`), so the console is always checked against it.
jest.setTimeout(180_000);

const REPO_ROOT = join(__dirname, '..');

it('schema.gen.ts is generated from the current gateway OpenAPI document', async () => {
  const run = promisify(execFile);
  const result = await run(process.execPath, [join(REPO_ROOT, 'apps/console/scripts/gen-api.mjs'), '--check'], { cwd: REPO_ROOT }).catch(
    (error: { stderr?: string; code?: number }) => ({
      stdout: '',
      stderr: error.stderr ?? String(error),
      failed: true,
    }),
  );
  expect('failed' in result ? result.stderr : '').toBe('');
  expect(result.stdout).toContain('matches the gateway');
});
