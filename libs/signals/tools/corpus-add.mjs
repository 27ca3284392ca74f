#!/usr/bin/env node
// Appends hand-written messages to the multilingual corpus (libs/signals/corpus/<lang>.jsonl).
// Input on stdin, one message a line: `<kind>|<flags>|<text>`, flags from u (urgency),
// s (safety), e (escalation), f (frustration), h (hard negative), or `-` for none.
// Ids are `<lang>-<kind>-<nnn>`, numbered after the last id of that kind already in the file,
// so appending never renumbers a message (the split hashes ids). Usage:
//   node libs/signals/tools/corpus-add.mjs <lang> <author-tag> [--train-only] < lines.txt
import { existsSync, readFileSync, appendFileSync } from 'node:fs';

const KINDS = [
  'plumber',
  'electrician',
  'locksmith',
  'restaurant',
  'retail',
  'letting',
  'dental',
  'garage',
  'salon',
  'vet',
  'hotel',
  'gym',
  // Added with round 7 (claude-session-i15-r7): business kinds the first twelve lacked.
  'pharmacy',
  'nursery',
  'pestcontrol',
  'removals',
  'itrepair',
  'florist',
  'pool',
  'drivingschool',
  'carrental',
  'bakery',
  'propertymgmt',
  'cleaning',
  'roofer',
  'taxi',
  'physio',
  'gardencentre',
  'catering',
];
const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'];
const FLAG = { u: 'urgency', s: 'safety', e: 'escalation', f: 'frustration' };
const [lang, author] = process.argv.slice(2);
// --train-only: messages written after looking at dev errors; the split keeps them out of dev/test.
const trainOnly = process.argv.includes('--train-only');
if (!LANGS.includes(lang) || !author) throw new Error('usage: corpus-add.mjs <lang> <author-tag> < lines');
const file = new URL(`../corpus/${lang}.jsonl`, import.meta.url).pathname;
const existing = existsSync(file)
  ? readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
const next = {};
const seen = new Set(existing.map((m) => m.text.trim().toLowerCase()));
for (const m of existing) next[m.domain] = Math.max(next[m.domain] ?? 0, Number(m.id.split('-').pop()));
const out = [];
const input = readFileSync(0, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
for (const line of input) {
  const [kind, flags, ...rest] = line.split('|');
  const text = rest.join('|').trim();
  if (!KINDS.includes(kind) || !/^(-|[usefh]+)$/.test(flags) || !text) throw new Error(`bad line: ${line}`);
  if (seen.has(text.toLowerCase())) throw new Error(`duplicate: ${text}`);
  seen.add(text.toLowerCase());
  next[kind] = (next[kind] ?? 0) + 1;
  const labels = [...flags].filter((c) => FLAG[c]).map((c) => FLAG[c]);
  out.push(
    JSON.stringify({
      id: `${lang}-${kind}-${String(next[kind]).padStart(3, '0')}`,
      lang,
      domain: kind,
      text,
      labels,
      hardNegative: flags.includes('h'),
      author,
      ...(trainOnly ? { trainOnly: true } : {}),
    }),
  );
}
appendFileSync(file, out.map((l) => `${l}\n`).join(''));
console.log(`${lang}: +${out.length} (now ${existing.length + out.length})`);
