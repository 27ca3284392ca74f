#!/usr/bin/env node
// A driver to profile L1a: runs detect() over bench:signals' 2 KB messages (messages-2k.mjs) for
// a while, e.g. `node --cpu-prof --cpu-prof-dir=/tmp/prof bench/signals/profile.mjs`, then prints
// the self time per function (irregexp code shows as "RegExp: <source>") of the newest profile
// in that directory with `node bench/signals/profile.mjs --report /tmp/prof`. Flags: --rules-only
// (classifier off), --iterations N (default 30000). Build libs/signals first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { benchMessages } from './messages-2k.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const reportDir = arg('--report');
if (reportDir) {
  const newest = readdirSync(reportDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => `${reportDir}/${f}`)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`no .cpuprofile in ${reportDir}`);
  const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(newest, 'utf8'));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('--top') ?? 40));
  console.log(`${newest}: ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [key, us] of top) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key.slice(0, 160)}`);
} else {
  const root = new URL('../../', import.meta.url).pathname;
  const require = createRequire(import.meta.url);
  const { createSignalDetector, parseLabelledMessages } = require(`${root}libs/signals/dist/index.js`);
  const corpus = benchMessages(root, parseLabelledMessages);
  const detector = createSignalDetector(undefined, process.argv.includes('--rules-only') ? { classifier: false } : {});
  const iterations = Number(arg('--iterations') ?? 30000);
  let sink = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < iterations; i += 1) sink += detector.detect(corpus[i % corpus.length]).length;
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  console.log(`${iterations} calls over ${corpus.length} messages: mean ${(ms / iterations).toFixed(3)} ms CPU (findings ${sink})`);
}
