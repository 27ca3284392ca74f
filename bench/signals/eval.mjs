#!/usr/bin/env node
// Prints precision and recall per signal type of the L1a detector (rules + classifier).
// Builds libs/signals first: `npm run eval:signals`. Sets:
//   (default)        libs/signals/eval/messages.jsonl, the English regression gate (fitted: the rules
//                    were developed on it and the classifier is trained on it)
//   --holdout        libs/signals/eval/holdout.jsonl (English, 48, never trained or tuned on)
//   --corpus dev     the dev split of the multilingual corpus (used for tuning), per language,
//                    with 95 % Wilson intervals
//   --corpus test    the frozen test split: score it once per release, never tune on it
//   --corpus unseen  libs/signals/corpus-unseen/signals-unseen.jsonl (unseen-1), written by an independent
//                    session that never saw the corpus or the classifier: scored once; since retired
//                    into the training data (libs/signals/tools/train.mjs), so no longer an unseen figure
//   --corpus unseen-2  libs/signals/corpus-unseen-2/signals-unseen-2.jsonl, the second independent set:
//                    scored once at 7fc45cf, then retired into the training data
//   --corpus unseen-3  libs/signals/corpus-unseen-3/signals-unseen-3.jsonl, the third independent set:
//                    scored once at a62cc3e, then retired into the training data
//   --corpus unseen-4  libs/signals/corpus-unseen-4/signals-unseen-4.jsonl, the fourth independent set:
//                    scored once at f6e83c1, then retired into the training data (round 11)
//   --corpus unseen-5  libs/signals/corpus-unseen-5/signals-unseen-5.jsonl, the fifth independent set:
//                    scored once at 8549bbe, then retired into the training data (round 12)
//   --corpus unseen-6  libs/signals/corpus-unseen-6/signals-unseen-6.jsonl, the sixth independent set:
//                    scored once at 7133832, then retired into the training data (round 13)
//   --corpus unseen-7  libs/signals/corpus-unseen-7/signals-unseen-7.jsonl, the seventh independent set:
//                    scored once at ff6af5c, then retired into the training data (round 14)
//   --corpus unseen-8  libs/signals/corpus-unseen-8/signals-unseen-8.jsonl, the eighth independent set:
//                    scored once at 363b102, then retired into the training data (round 15)
//   --corpus unseen-9  libs/signals/corpus-unseen-9/signals-unseen-9.jsonl, the ninth independent set:
//                    scored once at 8fd05ae, then retired into the training data (round 16)
//   --corpus unseen-10  every .jsonl in libs/signals/corpus-unseen-10/, the tenth independent set:
//                    scored once at b0fc113, then retired into the training data (round 17)
//   --corpus unseen-11  every .jsonl in libs/signals/corpus-unseen-11/, the eleventh independent set:
//                    scored once at 352d919, then retired into the training data (round 18)
//   --corpus unseen-12  every .jsonl in libs/signals/corpus-unseen-12/, the twelfth independent set:
//                    scored once at 425c794, then retired into the training data (round 19)
//   --corpus unseen-N  every .jsonl in libs/signals/corpus-unseen-N/ (any later independent set): scored
//                    once, never trained or tuned on until it is retired in train.mjs
// Flags: --rules-only (classifier off), --errors (list disagreements, false alarms with the rule or
// classifier that raised them), --json (raw report).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { createSignalDetector, evaluateDetector, parseLabelledMessages, wilsonInterval } = require(`${root}libs/signals/dist/index.js`);

const TARGETS = { urgency: [0.9, 0.85], safety: [0.9, 0.85], escalation: [0.9, 0.85] };
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const detector = createSignalDetector(undefined, process.argv.includes('--rules-only') ? { classifier: false } : {});
const corpusSplit = argValue('--corpus');
// --errors: which part raised a false alarm, `[rule:<subtype>]` or `[classifier <confidence>]` (several
// joined by `+`); a miss is `[-]`.
const attribution = (error, text) => {
  if (error.kind !== 'false_positive') return '[-]';
  const hits = detector.detect(text).filter((f) => f.type === error.type);
  return `[${hits.map((f) => (f.subtype === 'classifier' ? `classifier ${f.confidence.toFixed(2)}` : `rule:${f.subtype}`)).join('+')}]`;
};

if (corpusSplit) {
  const { messagesOf } = await import(`${root}libs/signals/tools/corpus.util.mjs`);
  if (corpusSplit === 'test') console.error('scoring the FROZEN TEST split: record the result, do not tune on it');
  // An unseen set is every .jsonl file in libs/signals/corpus-<name>/ (corpus-unseen/ for unseen-1).
  const unseenDir = /^unseen(-\d+)?$/.test(corpusSplit) ? `${root}libs/signals/corpus-${corpusSplit}` : undefined;
  if (corpusSplit?.startsWith('unseen-'))
    console.error(`scoring the ${corpusSplit} set: record the result once, never train or tune on it`);
  const messages = unseenDir
    ? readdirSync(unseenDir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .flatMap((f) => parseLabelledMessages(readFileSync(`${unseenDir}/${f}`, 'utf8')))
    : messagesOf(corpusSplit);
  const langs = [...new Set(messages.map((m) => m.lang))].sort();
  const reports = { all: evaluateDetector(detector, messages) };
  for (const lang of langs)
    reports[lang] = evaluateDetector(
      detector,
      messages.filter((m) => m.lang === lang),
    );
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(Object.fromEntries(Object.entries(reports).map(([k, r]) => [k, { messages: r.messages, byType: r.byType }])), null, 2),
    );
  } else {
    console.log(
      `corpus ${corpusSplit}: ${messages.length} messages, ${reports.all.hardNegatives} hard negatives${process.argv.includes('--rules-only') ? ' (rules only)' : ''}`,
    );
    console.log('type        lang    n  precision [95% CI]       recall [95% CI]          tp  fp  fn');
    for (const type of Object.keys(TARGETS)) {
      for (const [lang, r] of Object.entries(reports)) {
        const s = r.byType[type];
        const p = wilsonInterval(s.truePositives, s.truePositives + s.falsePositives);
        const rc = wilsonInterval(s.truePositives, s.truePositives + s.falseNegatives);
        const fmt = (v, [lo, hi]) => `${v.toFixed(3)} [${lo.toFixed(2)}-${hi.toFixed(2)}]`;
        console.log(
          `${type.padEnd(11)} ${lang.padEnd(4)} ${String(r.messages).padStart(4)}  ${fmt(s.precision, p).padEnd(24)} ${fmt(s.recall, rc).padEnd(24)} ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}`,
        );
      }
    }
    if (process.argv.includes('--errors')) {
      const byId = new Map(messages.map((m) => [m.id, m.text]));
      for (const e of reports.all.errors)
        if (TARGETS[e.type])
          console.log(`${e.kind.padEnd(15)} ${e.type.padEnd(12)} ${e.id} ${attribution(e, byId.get(e.id))}  ${byId.get(e.id)}`);
    }
  }
  const missed = Object.entries(TARGETS).filter(([t, [p, r]]) => reports.all.byType[t].precision < p || reports.all.byType[t].recall < r);
  if (missed.length) console.error(`below target: ${missed.map(([t]) => t).join(', ')}`);
} else {
  // --holdout scores libs/signals/eval/holdout.jsonl instead: messages written after the rules were
  // tuned on messages.jsonl and never used to change them (an honest estimate on unseen text).
  const file = process.argv.includes('--holdout') ? 'holdout.jsonl' : 'messages.jsonl';
  const messages = parseLabelledMessages(readFileSync(`${root}libs/signals/eval/${file}`, 'utf8'));
  const report = evaluateDetector(detector, messages);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${file}: ${report.messages} messages, ${report.hardNegatives} hard negatives`);
    console.log('type         precision  recall   tp  fp  fn  target');
    for (const [type, s] of Object.entries(report.byType)) {
      const target = TARGETS[type] ? `P>=${TARGETS[type][0]} R>=${TARGETS[type][1]}` : '-';
      console.log(
        `${type.padEnd(12)} ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}  ${target}`,
      );
    }
    if (process.argv.includes('--errors')) {
      const byId = new Map(messages.map((m) => [m.id, m.text]));
      for (const e of report.errors)
        console.log(`${e.kind.padEnd(15)} ${e.type.padEnd(12)} ${e.id} ${attribution(e, byId.get(e.id))}  ${byId.get(e.id)}`);
    }
  }
  const missed = Object.entries(TARGETS).filter(([t, [p, r]]) => report.byType[t].precision < p || report.byType[t].recall < r);
  if (missed.length) {
    console.error(`below target: ${missed.map(([t]) => t).join(', ')}`);
    process.exitCode = 1;
  }
}
