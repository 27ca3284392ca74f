// Shared by the corpus tools: loads libs/signals/corpus/*.jsonl and the committed split.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

export const root = new URL('../../../', import.meta.url).pathname;
export const corpusDir = `${root}libs/signals/corpus`;
export const splitFile = `${corpusDir}/split.json`;
const require = createRequire(import.meta.url);
/** The built library (run `node scripts/build.mjs libs/signals` first). */
export const signals = require(`${root}libs/signals/dist/index.js`);

export function loadCorpus() {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  return files.flatMap((f) => signals.parseLabelledMessages(readFileSync(`${corpusDir}/${f}`, 'utf8')));
}

export function loadSplit() {
  if (!existsSync(splitFile)) return null;
  const manifest = JSON.parse(readFileSync(splitFile, 'utf8'));
  const byId = {};
  for (const name of ['train', 'dev', 'test']) for (const id of manifest[name]) byId[id] = name;
  return { manifest, byId };
}

/** Checksum of a split: sha256 over `id \t text \t labels` lines sorted by id. */
export function splitChecksum(messages) {
  const lines = [...messages].sort((a, b) => (a.id < b.id ? -1 : 1)).map((m) => `${m.id}\t${m.text}\t${[...m.labels].sort().join(',')}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** Messages of one split, in corpus order. */
export function messagesOf(name) {
  const split = loadSplit();
  if (!split) throw new Error('no split.json: run libs/signals/tools/split.mjs first');
  return loadCorpus().filter((m) => split.byId[m.id] === name);
}
