#!/usr/bin/env node
// Checks that two builds of libs/signals report the same findings: every finding's type, rule id
// (subtype), severity, confidence and evidence (span and text), in the same order, on every
// labelled message of libs/signals/corpus*/ (never a held-out set not yet retired into training) and
// libs/signals/eval/, on bench:signals' 2 KB messages and on longer texts made by joining
// neighbouring corpus messages (mixed languages, long-message paths). Four detector settings:
// default, a tenant extension, rules only, rules only without the language test.
// Usage: node bench/signals/equivalence.mjs --baseline /tmp/wt-x [--candidate /work/main]
// (each tree built: node scripts/build.mjs libs/signals). Exits 1 on any difference.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { benchMessages } from './messages-2k.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dir = (p) => (p.endsWith('/') ? p : `${p}/`);
const here = new URL('../../', import.meta.url).pathname;
const baselineRoot = arg('--baseline');
if (!baselineRoot) throw new Error('usage: equivalence.mjs --baseline <tree> [--candidate <tree>]');
const candidateRoot = dir(arg('--candidate') ?? here);
const require = createRequire(import.meta.url);
const baseline = require(`${dir(baselineRoot)}libs/signals/dist/index.js`);
const candidate = require(`${candidateRoot}libs/signals/dist/index.js`);

// Held-out sets still to be scored: every corpus-unseen-N that train.mjs does not read as training.
const trainer = readFileSync(new URL('../../libs/signals/tools/train.mjs', import.meta.url), 'utf8');
const isHeldOut = (d) => /^corpus-unseen-\d+$/.test(d) && !trainer.includes(`'${d}/`);
const signals = `${candidateRoot}libs/signals/`;
const files = readdirSync(signals)
  .filter((d) => (d === 'eval' || d.startsWith('corpus')) && !isHeldOut(d))
  .sort()
  .flatMap((d) =>
    readdirSync(`${signals}${d}`)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => `${signals}${d}/${f}`),
  );
const labelled = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line).text),
);
const texts = [...labelled, ...benchMessages(candidateRoot, candidate.parseLabelledMessages)];
// Longer texts: runs of 3, 8 and 25 neighbouring messages (files are in language order, so runs
// cross languages at the edges), joined by a space, a full stop or a line break.
const joiners = [' ', '. ', '\n'];
for (const [k, run] of [3, 8, 25].entries())
  for (let i = 0; i + run <= labelled.length; i += run) texts.push(labelled.slice(i, i + run).join(joiners[(i / run + k) % 3]));

const extension = {
  rules: [
    { id: 'pet_poisoning', type: 'urgency', severity: 'critical', terms: ['ate chocolate', 'rat poison', 'hat gift gefressen'] },
    { id: 'no_heat_child', type: 'urgency', severity: 'high', terms: ['no heat', 'kein warmwasser'], requiresTerms: ['baby', 'kind'] },
  ],
  extend: { pet_poisoning: ['antifreeze'] },
  figurative: ['dying to know', 'mourir de rire'],
};
const settings = [
  ['default', undefined, {}],
  ['tenant extension', extension, {}],
  ['rules only', undefined, { classifier: false }],
  ['rules only, no language test', undefined, { classifier: false, languageGate: false }],
];

let differences = 0;
let findings = 0;
for (const [name, ext, options] of settings) {
  const a = baseline.createSignalDetector(ext, options);
  const b = candidate.createSignalDetector(ext, options);
  if (JSON.stringify(a.ruleIds) !== JSON.stringify(b.ruleIds)) {
    differences += 1;
    console.log(`${name}: rule ids differ`);
  }
  let here = 0;
  for (const text of texts) {
    const x = JSON.stringify(a.detect(text));
    const y = JSON.stringify(b.detect(text));
    findings += (x.match(/"subtype"/g) ?? []).length;
    if (x === y) continue;
    here += 1;
    if (here <= 5) console.log(`${name}: ${JSON.stringify(text.slice(0, 120))}\n  baseline  ${x}\n  candidate ${y}`);
  }
  differences += here;
  console.log(`${name}: ${texts.length} texts, ${here} differ`);
}
console.log(
  `${files.length} files, ${labelled.length} labelled messages, ${texts.length} texts per setting, ${findings} findings compared: ${differences} differences`,
);
if (differences > 0) process.exitCode = 1;
