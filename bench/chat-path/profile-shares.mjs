#!/usr/bin/env node
// Where a service's CPU went in a bench run: a .cpuprofile (bench.mjs --profile <service>) summed
// by package, self time, as shares of the busy samples of the whole run (idle left out; start-up and
// the phases before and after c=32 included).
//
//   node bench/chat-path/profile-shares.mjs /tmp/chat-path-profile-<id>/<file>.cpuprofile [--top 15] [--match prisma,pg]
import { readFileSync } from 'node:fs';
import { arg } from './cli.mjs';
import { flag } from './traced-db.fixture.mjs';

const file = process.argv[2];
if (!file || file.startsWith('--')) throw new Error('usage: profile-shares.mjs <file.cpuprofile> [--top 15] [--match a,b]');
const TOP = arg('top', 15);
const MATCH = flag('match', '').split(',').filter(Boolean);

/** The package a frame belongs to: node_modules/<name> (scoped too), libs/<x> or apps/<x> of the checkout, else Node or V8. */
function packageOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const own = /\/(libs|apps)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.startsWith('node:') ? 'node' : url;
}

const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
let busy = 0;
for (const id of profile.samples) {
  const node = byId.get(id);
  const name = packageOf(node.callFrame);
  if (name === '(idle)') continue;
  busy++;
  counts.set(name, (counts.get(name) ?? 0) + 1);
}
const rows = [...counts].sort((a, b) => b[1] - a[1]);
const pct = (n) => `${((100 * n) / busy).toFixed(1)} %`;
console.log(`${file}: ${busy} busy samples`);
for (const [name, n] of rows.slice(0, TOP)) console.log(`  ${name.padEnd(40)} ${pct(n)}`);
for (const m of MATCH) {
  const n = rows.filter(([name]) => name.includes(m)).reduce((sum, [, c]) => sum + c, 0);
  console.log(`  packages matching '${m}': ${pct(n)}`);
}
