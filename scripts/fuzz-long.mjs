#!/usr/bin/env node
// The long fuzz run (issue 21): the suite of tools/fuzz/fuzz.int-spec.ts with many more cases
// per operation, then its report written into docs/fuzzing.md between the fuzz-long markers.
//
//   npm run fuzz:long                          300 cases per operation, seed 2121
//   npm run fuzz:long -- --cases 1000 --seed 7 any count and seed (same seed, same requests)
//
// Needs what `npm test` needs (PostgreSQL, NATS, Redis; `npm run setup` once). Exits with the
// suite's status: non-zero when any invariant was broken (the report lists the violations).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`fuzz-long: --${name} needs a whole number, got ${args[at + 1]}`);
    process.exit(2);
  }
  return value;
}
const cases = option('cases', 300);
const seed = option('seed', 2121);

const stateDir = process.env.PARLEY_STATE_DIR ?? join(root, '.parley');
const superuserFile = join(stateDir, 'pgsuperuser-url');
const superuserUrl = process.env.PGSUPERUSER_URL ?? (existsSync(superuserFile) ? readFileSync(superuserFile, 'utf8').trim() : undefined);
const reportDir = join(stateDir, 'fuzz');
const docPath = join(root, 'docs', 'fuzzing.md');
const START = '<!-- fuzz-long:start -->';
const END = '<!-- fuzz-long:end -->';

// A report left by an earlier run must not pass for this one's.
rmSync(reportDir, { recursive: true, force: true });
const run = spawnSync('npx', ['jest', '--selectProjects', 'integration', '--runInBand', '--ci', 'tools/fuzz/fuzz.int-spec.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ...(superuserUrl ? { PGSUPERUSER_URL: superuserUrl } : {}),
    PARLEY_FUZZ_CASES: String(cases),
    PARLEY_FUZZ_SEED: String(seed),
    PARLEY_FUZZ_REPORT_DIR: reportDir,
    PARLEY_FUZZ_COMMAND: `npm run fuzz:long -- --cases ${cases} --seed ${seed}`,
    // Hours, not minutes: the count decides how long it takes.
    PARLEY_FUZZ_TIMEOUT_MS: String(6 * 3600 * 1000),
  },
});

const reportFile = join(reportDir, 'fuzz-report.md');
if (!existsSync(reportFile)) {
  console.error('fuzz-long: the suite wrote no report (it failed before fuzzing; see above)');
  process.exit(run.status || 1);
}
const report = JSON.parse(readFileSync(join(reportDir, 'fuzz-report.json'), 'utf8'));
const doc = readFileSync(docPath, 'utf8');
const [before, rest] = doc.split(START);
if (rest === undefined || !rest.includes(END)) {
  console.error(`fuzz-long: ${docPath} has no ${START} … ${END} section`);
  process.exit(1);
}
const after = rest.slice(rest.indexOf(END));
writeFileSync(docPath, `${before}${START}\n${readFileSync(reportFile, 'utf8')}${after}`);
console.log(`fuzz-long: report written to docs/fuzzing.md (${report.requests} requests, ${report.findings.length} violations)`);
process.exit(run.status ?? 1);
