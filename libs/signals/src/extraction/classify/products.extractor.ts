import { evidenceOf } from '../evidence.util';
import { RELATIONS } from '../contacts/ownership.rules';
import type { ProductMention } from '../extraction.types';

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface CompiledCatalogue {
  regex: RegExp;
  /** Canonical (lower case, single-spaced) term -> the term as the tenant wrote it. */
  terms: ReadonlyMap<string, string>;
}

function canonical(term: string): string {
  return term
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, ' ');
}

/** Compiles the tenant's catalogue terms into one whole-word, plural-tolerant matcher. */
export function compileCatalogue(terms: readonly string[]): CompiledCatalogue | undefined {
  const map = new Map<string, string>();
  for (const t of terms) if (canonical(t).length >= 2 && !map.has(canonical(t))) map.set(canonical(t), t.trim());
  if (map.size === 0) return undefined;
  const alternation = [...map.keys()]
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t).replace(/ /g, String.raw`[\s-]+`))
    .join('|');
  return { regex: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation})(?:e?s)?(?![\p{L}\p{N}])`, 'gu'), terms: map };
}

function catalogueTerm(catalogue: CompiledCatalogue, matched: string): string {
  const c = canonical(matched);
  return catalogue.terms.get(c) ?? catalogue.terms.get(c.replace(/s$/, '')) ?? catalogue.terms.get(c.replace(/es$/, '')) ?? c;
}

/** At most this many products are reported for one message. */
const MAX_PRODUCTS = 30;

// Words that end a noun phrase or cannot head one.
const STOP = new Set(
  `a an the my our your their his her its this that these those some any it them me you we they he she i is are was were be been
  and or but so if to of for in on at by with from up out about as into than then there here what which who how when where why
  can could would will should do does did have has had get got just also very really too not no yes please thanks thank sorry
  one two three four five six seven eight nine ten lot bit way time day week month year today tomorrow tonight morning evening
  afternoon weekend monday tuesday wednesday thursday friday saturday sunday number email phone mobile name details quote price
  cost help problem issue question order booking thing things something anything everything anyone someone side end`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .concat(RELATIONS),
);
const DETERMINER = /(?<![\p{L}'])(?:a|an|the|my|our|some|your|his|her|their)\s+/gu;
const WORD = /[\p{L}][\p{L}-]*/uy;

/** Simple noun phrases: one to three content words after a determiner ("my boiler", "a new kitchen worktop"). */
function nounPhrases(text: string, normalized: string): ProductMention[] {
  const out: ProductMention[] = [];
  for (const m of normalized.matchAll(DETERMINER)) {
    if (out.length >= 4 * MAX_PRODUCTS) break;
    let at = m.index + m[0].length;
    const words: Array<{ start: number; end: number; word: string }> = [];
    while (words.length < 3) {
      WORD.lastIndex = at;
      const w = WORD.exec(normalized);
      if (w === null || STOP.has(w[0]) || /(?:ing|ly|ed)$/.test(w[0])) break;
      words.push({ start: at, end: at + w[0].length, word: w[0] });
      // "my boiler's leaking": the possessive ends the phrase.
      if (normalized[at + w[0].length] !== ' ') break;
      at += w[0].length + 1;
    }
    const first = words[0];
    const last = words[words.length - 1];
    if (first === undefined || last === undefined || last.word.length < 3) continue;
    out.push({
      term: normalized.slice(first.start, last.end),
      source: 'noun_phrase',
      confidence: 0.4,
      evidence: evidenceOf(text, first.start, last.end),
    });
  }
  return out;
}

/**
 * Products and services mentioned: the tenant's catalogue terms (confidence 0.9) and noun phrases
 * after a determiner (0.4). A noun phrase inside a catalogue match is dropped; terms are unique.
 */
export function findProducts(text: string, normalized: string, catalogue: CompiledCatalogue | undefined): ProductMention[] {
  const fromCatalogue: ProductMention[] = catalogue
    ? [...normalized.matchAll(catalogue.regex)].map((m) => ({
        term: catalogueTerm(catalogue, m[0]),
        source: 'catalogue' as const,
        confidence: 0.9,
        evidence: evidenceOf(text, m.index, m.index + m[0].length),
      }))
    : [];
  const phrases = nounPhrases(text, normalized).filter(
    (p) => !fromCatalogue.some((c) => p.evidence.start < c.evidence.end && c.evidence.start < p.evidence.end),
  );
  const seen = new Set<string>();
  return [...fromCatalogue, ...phrases].filter((p) => (seen.has(p.term) ? false : (seen.add(p.term), true))).slice(0, MAX_PRODUCTS);
}
