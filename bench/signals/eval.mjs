#!/usr/bin/env node
// Prints precision and recall per signal type of the L1a detectors on the labelled evaluation
// set (libs/signals/eval/messages.jsonl). Builds libs/signals first: `npm run eval:signals`.
// Flags: --errors lists every disagreement with its message; --json prints the raw report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { createSignalDetector, evaluateDetector, parseLabelledMessages } = require(`${root}libs/signals/dist/index.js`);

const TARGETS = { urgency: [0.9, 0.85], safety: [0.9, 0.85], escalation: [0.9, 0.85] };
// --holdout scores libs/signals/eval/holdout.jsonl instead: messages written after the rules were
// tuned on messages.jsonl and never used to change them (an honest estimate on unseen text).
const file = process.argv.includes('--holdout') ? 'holdout.jsonl' : 'messages.jsonl';
const messages = parseLabelledMessages(readFileSync(`${root}libs/signals/eval/${file}`, 'utf8'));
const report = evaluateDetector(createSignalDetector(), messages);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`${file}: ${report.messages} messages, ${report.hardNegatives} hard negatives`);
  console.log('type         precision  recall   tp  fp  fn  target');
  for (const [type, s] of Object.entries(report.byType)) {
    const target = TARGETS[type] ? `P>=${TARGETS[type][0]} R>=${TARGETS[type][1]}` : '-';
    console.log(`${type.padEnd(12)} ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}  ${target}`);
  }
  if (process.argv.includes('--errors')) {
    const byId = new Map(messages.map((m) => [m.id, m.text]));
    for (const e of report.errors) console.log(`${e.kind.padEnd(15)} ${e.type.padEnd(12)} ${e.id}  ${byId.get(e.id)}`);
  }
}
const missed = Object.entries(TARGETS).filter(([t, [p, r]]) => report.byType[t].precision < p || report.byType[t].recall < r);
if (missed.length) {
  console.error(`below target: ${missed.map(([t]) => t).join(', ')}`);
  process.exitCode = 1;
}
