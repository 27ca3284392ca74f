#!/usr/bin/env node
// Prints field-level precision and recall (name, email, phone) and accuracy (intent, sentiment
// label) of the deterministic L1b extractor on the labelled conversations
// (bench/extraction/conversations.jsonl). Build libs/signals first: `npm run eval:extraction`.
// Flags: --holdout scores bench/extraction/holdout.jsonl instead (written before the extractor
// existed), --holdout-2 to --holdout-4 the later rounds (see docs/extraction.md); --errors lists every disagreement with its conversation; --json prints
// the raw report. Exits non-zero when a target of issue 6 is missed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { poolSets } from '../../libs/signals/tools/extraction-sets.mjs';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { evaluateExtraction, parseLabelledConversations, missedTargets, splitOf, EXTRACTION_TARGETS, wilsonInterval } = require(
  `${root}libs/signals/dist/index.js`,
);

// --holdout-2 / -3 / -4: later held-out rounds, each written before it was first scored.
// --multilingual: bench/extraction/multilingual.jsonl (seven languages, tenant countries), with
// --split train|dev|test (fixed seed; the test split is scored once per release, docs/extraction.md).
// --unseen-1 to --unseen-13: sets written by independent sessions that never saw the extractor or these
// sets (unseen-N.README.md); each scored once as an unseen figure, then retired into the pool
// (libs/signals/tools/extraction-sets.mjs). unseen-1 to unseen-12 are retired: the learned models train on
// them (unseen-4 since round 11, unseen-5 since round 12, unseen-6 since round 13, unseen-7 since
// round 14, unseen-8 since round 15, unseen-9 since round 16, unseen-10 since round 17,
// unseen-11 since round 18, unseen-12 since round 19). unseen-13 is not retired: the trainer never
// reads it.
// --pool: every pooled set (what the learned intent and sentiment models are trained on), with
// --split train|dev|test; the test split is scored once per release.
const round = [
  '--unseen-13',
  '--unseen-12',
  '--unseen-11',
  '--unseen-10',
  '--unseen-9',
  '--unseen-8',
  '--unseen-7',
  '--unseen-6',
  '--unseen-5',
  '--unseen-4',
  '--unseen-1',
  '--unseen-2',
  '--unseen-3',
  '--holdout-4',
  '--holdout-3',
  '--holdout-2',
  '--holdout',
  '--multilingual',
  '--pool',
].find((flag) => process.argv.includes(flag));
const files =
  round === '--pool' ? poolSets(`${root}bench/extraction`) : [round === undefined ? 'conversations.jsonl' : `${round.slice(2)}.jsonl`];
const file = files.length === 1 ? files[0] : `pool of ${files.length} sets`;
const splitArg = process.argv.indexOf('--split');
const split = splitArg > 0 ? process.argv[splitArg + 1] : undefined;
if (round?.startsWith('--unseen')) console.error(`scoring ${file}: record the result once, never tune on it`);
if (round === '--pool' && split === 'test') console.error('scoring the pooled TEST split: record the result, do not tune on it');
const conversations = files
  .flatMap((f) => parseLabelledConversations(readFileSync(`${root}bench/extraction/${f}`, 'utf8')))
  .filter((c) => split === undefined || splitOf(c.id) === split);
const report = evaluateExtraction(conversations);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`${file}: ${report.conversations} conversations, ${report.messages} customer messages`);
  // 95 % Wilson intervals beside each figure.
  const ci = (k, n) => {
    const [lo, hi] = wilsonInterval(k, n);
    return `[${lo.toFixed(2)}-${hi.toFixed(2)}]`;
  };
  console.log('field      precision [95% CI]   recall [95% CI]      tp  fp  fn  target');
  for (const [field, s] of Object.entries(report.fields)) {
    const p = `${s.precision.toFixed(3)} ${ci(s.truePositives, s.truePositives + s.falsePositives)}`;
    const r = `${s.recall.toFixed(3)} ${ci(s.truePositives, s.truePositives + s.falseNegatives)}`;
    console.log(
      `${field.padEnd(10)} ${p.padEnd(20)} ${r.padEnd(20)} ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}  P,R>=${EXTRACTION_TARGETS[field]}`,
    );
  }
  console.log('label      accuracy [95% CI]    correct/total     target');
  for (const label of ['intent', 'sentiment']) {
    const s = report[label];
    console.log(
      `${label.padEnd(10)} ${`${s.accuracy.toFixed(3)} ${ci(s.correct, s.total)}`.padEnd(20)} ${`${s.correct}/${s.total}`.padStart(13)}     >=${EXTRACTION_TARGETS[label]}`,
    );
  }
  const languages = [...new Set(conversations.flatMap((c) => c.tags.filter((t) => t.startsWith('lang:'))))];
  if (languages.length > 1) {
    console.log('language   n   name R  email R  phone R  intent  sentiment');
    for (const lang of languages.sort()) {
      const r = evaluateExtraction(conversations.filter((c) => c.tags.includes(lang)));
      const f = (s) =>
        s.truePositives + s.falseNegatives === 0 ? '  -  ' : `${s.truePositives}/${s.truePositives + s.falseNegatives}`.padStart(5);
      console.log(
        `${lang.slice(5).padEnd(8)} ${String(r.conversations).padStart(3)}   ${f(r.fields.name)}   ${f(r.fields.email)}   ${f(r.fields.phone)}   ${`${r.intent.correct}/${r.intent.total}`.padStart(5)}   ${`${r.sentiment.correct}/${r.sentiment.total}`.padStart(5)}`,
      );
    }
  }
  if (process.argv.includes('--errors')) {
    const byId = new Map(conversations.map((c) => [c.id, c.messages.join(' | ')]));
    for (const e of report.errors)
      console.log(
        `${e.field.padEnd(9)} ${e.id.padEnd(10)} expected=${JSON.stringify(e.expected)} got=${JSON.stringify(e.got)}  ${byId.get(e.id)}`,
      );
  }
}
const missed = missedTargets(report);
if (missed.length) {
  console.error(`below target: ${missed.join(', ')}`);
  process.exitCode = 1;
}
