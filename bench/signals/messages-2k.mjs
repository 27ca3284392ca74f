// The 2 KB messages bench:signals times (bench.mjs), shared with the profile driver
// (profile.mjs) and the equivalence check (equivalence.mjs): texts of the English evaluation set
// (real phrasing, signals and hard negatives mixed), two per language of the multilingual corpus
// (one mixed, one of hard negatives only), and adversarial shapes (one long word, near-miss
// vocabulary, no punctuation at all, one danger repeated).
import { readdirSync, readFileSync } from 'node:fs';

export const SIZE = 2048;

/** `root` is the checkout (ending in '/'), `parse` its parseLabelledMessages. */
export function benchMessages(root, parse) {
  const texts = parse(readFileSync(`${root}libs/signals/eval/messages.jsonl`, 'utf8')).map((m) => m.text);
  const fill = (start, joiner) => {
    let out = '';
    for (let i = start; out.length < SIZE; i = (i + 7) % texts.length) out += texts[i] + joiner;
    return out.slice(0, SIZE);
  };
  const corpus = [];
  for (let k = 0; k < 40; k += 1) corpus.push(fill((k * 13) % texts.length, k % 2 ? ' ' : '. '));
  // The English rules rarely fire on these, so the classifier always runs (it is skipped only when
  // the rules already found urgency, safety and escalation, as for most English messages above).
  for (const file of readdirSync(`${root}libs/signals/corpus`)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lang = parse(readFileSync(`${root}libs/signals/corpus/${file}`, 'utf8'));
    for (const pool of [lang.map((m) => m.text), lang.filter((m) => m.hardNegative).map((m) => m.text)]) {
      let out = '';
      for (let i = 0; out.length < SIZE; i = (i + 11) % pool.length) out += `${pool[i]}. `;
      corpus.push(out.slice(0, SIZE));
    }
  }
  corpus.push('a'.repeat(SIZE));
  corpus.push('gas pipe boiler heating baby locked booking tonight speak to not if '.repeat(40).slice(0, SIZE));
  corpus.push(fill(5, ' ').replace(/[.!?,;:]/g, ''));
  corpus.push('I can smell gas and the pipe has burst and water is everywhere! '.repeat(40).slice(0, SIZE));
  return corpus;
}
