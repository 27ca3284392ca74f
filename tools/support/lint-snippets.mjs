// Lints code snippets as if they were files of the repository, with the repository's own
// ESLint config, through the ESLint Node API. Reads `[{ filePath, code }]` (paths relative to
// the repo root) as JSON on stdin and writes one array of lint messages per snippet to stdout.
// A separate process because Jest's module runtime cannot load eslint.config.mjs (ESM).
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
let input = '';
for await (const chunk of process.stdin) input += chunk;

const eslint = new ESLint({ cwd: root });
const results = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  results.push(result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })));
}
process.stdout.write(JSON.stringify(results));
