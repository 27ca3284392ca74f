// The database URL helpers of scripts/migrate.mjs and scripts/db-setup.mjs (the code set-up,
// `npm run db:migrate` and the integration tests' global set-up run), on both superuser forms
// set-up may find: TCP, or this OS user over the Unix socket (peer authentication).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const scripts = join(__dirname, '..', '..', 'scripts');

/** Runs `expression` in a real Node ES module with the two scripts' exports in scope. */
function evaluate(expression: string): unknown {
  const source = [
    `import * as migrate from ${JSON.stringify(pathToFileURL(join(scripts, 'migrate.mjs')).href)};`,
    `import * as dbSetup from ${JSON.stringify(pathToFileURL(join(scripts, 'db-setup.mjs')).href)};`,
    `process.stdout.write(JSON.stringify(${expression}));`,
  ].join('\n');
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', timeout: 20_000 }));
}

const SOCKET = 'postgresql://root@/postgres?host=/var/run/postgresql&port=5432';
const TCP = 'postgresql://postgres:pw@db.internal:6432/postgres?sslmode=require';

describe('database URLs in scripts/', () => {
  it('parsePgUrl reads a Unix-socket URL (empty host) that new URL() alone rejects', () => {
    expect(
      evaluate(
        `(() => { const u = migrate.parsePgUrl(${JSON.stringify(SOCKET)}); return [u.username, u.pathname, u.searchParams.get('host'), u.searchParams.get('port')]; })()`,
      ),
    ).toEqual(['root', '/postgres', '/var/run/postgresql', '5432']);
  });

  it('withDatabase switches the database of either form and keeps the socket form', () => {
    expect(
      evaluate(`[migrate.withDatabase(${JSON.stringify(SOCKET)}, 'parley'), migrate.withDatabase(${JSON.stringify(TCP)}, 'parley')]`),
    ).toEqual([
      'postgresql://root@/parley?host=/var/run/postgresql&port=5432',
      'postgresql://postgres:pw@db.internal:6432/parley?sslmode=require',
    ]);
  });

  it('roleUrl logs roles in over TCP on the same port when the superuser came over the socket', () => {
    expect(evaluate(`dbSetup.roleUrl(${JSON.stringify(SOCKET.replace('5432', '5433'))}, 'parley', 'parley_app', 'p@ss')`)).toBe(
      'postgresql://parley_app:p%40ss@127.0.0.1:5433/parley',
    );
  });

  it('roleUrl keeps the host, port and parameters of a TCP superuser URL', () => {
    expect(evaluate(`dbSetup.roleUrl(${JSON.stringify(TCP)}, 'parley_test_x', 'parley_owner', 'parley_owner')`)).toBe(
      'postgresql://parley_owner:parley_owner@db.internal:6432/parley_test_x?sslmode=require',
    );
  });
});
