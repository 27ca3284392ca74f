// Lexical matching for the offline responder: lower-case words, common English stopwords
// dropped, a light suffix stemmer so "boilers"/"boiler" and "opening"/"open" meet. Both the
// question and the passages go through the same functions, so only consistency matters.

const STOPWORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both
  but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had
  hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd
  i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only
  or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than
  that that's the their theirs them themselves then there there's these they they'd they'll they're they've this those
  through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
  where's which while who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
  yourself yourselves also just please hi hello hey thanks thank tell know want need like get got let may might must
  shall anyone someone something anything thing things really much many well yes ok okay help question ask
  work offer provide available able possible still whether wondering wonder curious`.split(/\s+/),
);

/** Light stemmer: plural, -ment, -ing, -ed, -ly; keeps short words whole. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ment') && w.length > 6) return w.slice(0, -4);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  return w;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

/** The words of `text`, lower-cased (Unicode letters and digits, inner apostrophes kept). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
  );
}

/**
 * Content terms of `text`: stopwords removed, stemmed, duplicates kept out. A hyphenated word
 * also counts joined ("call-out" gives "call", "callout"), so either spelling meets the other.
 */
export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const add = (word: string) => {
    const plain = word.replace(/’/g, "'");
    if (STOPWORDS.has(plain)) return;
    if (plain.length < 2 && !/\d/.test(plain)) return;
    terms.add(stem(plain));
  };
  for (const word of words(text)) add(word);
  for (const compound of text
    .toLowerCase()
    .normalize('NFC')
    .match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [])
    add(compound.replace(/-/g, ''));
  return terms;
}

const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+/;

/** A part of a passage: the sentences under one heading (or under none, before the first). */
export interface PassageSection {
  /** The heading line(s) the sentences sit under: markdown headings, heading paths, FAQ questions. */
  headings: string[];
  /** Sentences that can be said as an answer, verbatim (markers stripped). */
  sentences: string[];
}

function cleanLine(raw: string): string {
  return raw
    .replace(MARKDOWN_HEADING, '')
    .replace(/#+\s*$/, '')
    .replace(/^\s{0,3}(?:[-*+]\s+|\d+[.)]\s+|>\s*)/, '')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitSentences(line: string): string[] {
  return line
    .split(/(?<=[.!?])\s+(?=["'“‘(]?[\p{Lu}\p{N}£$€])/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * Splits a passage into sections. Heading-like text starts a section and is never an answer:
 * markdown headings, a first line without end punctuation (the "Document > Section" path a
 * chunk starts with), and questions (FAQ headings: "Do you do emergency call-outs?").
 * Other lines are split into sentences at . ! ? followed by a capital, digit or currency sign.
 */
export function passageSections(text: string): PassageSection[] {
  const sections: PassageSection[] = [{ headings: [], sentences: [] }];
  const current = () => sections[sections.length - 1];
  const startSection = (heading: string) => {
    if (current().sentences.length > 0) sections.push({ headings: [heading], sentences: [] });
    else current().headings.push(heading);
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = cleanLine(raw);
    if (line.length === 0) return;
    const isFirstTitleLine = index === 0 && lines.length > 1 && !/[.!?:;]["'”’)]?$/.test(line) && !/^\s*[-*+]\s/.test(raw);
    if (MARKDOWN_HEADING.test(raw) || isFirstTitleLine) {
      startSection(line);
      return;
    }
    for (const sentence of splitSentences(line)) {
      if (sentence.endsWith('?')) startSection(sentence);
      else current().sentences.push(sentence);
    }
  });
  return sections.filter((section) => section.sentences.length > 0 || section.headings.length > 0);
}

/** Every sentence of a passage that may be said as an answer, in order. */
export function sentences(text: string): string[] {
  return passageSections(text).flatMap((section) => section.sentences);
}
