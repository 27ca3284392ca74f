import type { KnowledgePassage } from '../generation/generation.types';
import { contentTerms, passageSections } from './text-terms.util';

export interface ExtractOptions {
  /** Relevant passages the answer may draw from (default 3). */
  maxPassages?: number;
  /** Sentences in the answer (default 3). */
  maxSentences?: number;
  /** Share of the question's content terms, weighted by rarity among the passages, a passage (title and headings included) must contain (default 0.5). */
  minCoverage?: number;
  /** A sentence is kept only when it scores at least this share of the best sentence (default 0.5). */
  minRelativeScore?: number;
}

interface ParsedSentence {
  text: string;
  terms: Set<string>;
  /** Terms of the passage title and of the headings the sentence sits under. */
  context: Set<string>;
}

interface ParsedPassage {
  retrievalScore: number;
  order: number;
  allTerms: Set<string>;
  sentences: ParsedSentence[];
}

interface Candidate {
  text: string;
  passageRank: number;
  position: number;
  score: number;
}

// Parsed passages by chunk id: the same chunks answer many turns. Checked against title and
// text so an edited chunk is parsed again; bounded, oldest dropped first.
const PARSED_CACHE_MAX = 2_000;
const parsedCache = new Map<string, { title: string; text: string; parsed: Omit<ParsedPassage, 'retrievalScore' | 'order'> }>();

function parse(passage: KnowledgePassage, order: number): ParsedPassage {
  const cached = parsedCache.get(passage.chunkId);
  if (cached !== undefined && cached.title === passage.title && cached.text === passage.text) {
    return { ...cached.parsed, retrievalScore: passage.score, order };
  }
  const parsed = parseText(passage);
  if (parsedCache.size >= PARSED_CACHE_MAX) parsedCache.delete(parsedCache.keys().next().value as string);
  parsedCache.set(passage.chunkId, { title: passage.title, text: passage.text, parsed });
  return { ...parsed, retrievalScore: passage.score, order };
}

function parseText(passage: KnowledgePassage): Omit<ParsedPassage, 'retrievalScore' | 'order'> {
  const titleTerms = contentTerms(passage.title);
  const allTerms = new Set(titleTerms);
  const sentences = passageSections(passage.text).flatMap((section) => {
    const context = new Set([...titleTerms, ...contentTerms(section.headings.join('\n'))]);
    for (const term of context) allTerms.add(term);
    return section.sentences.map((text) => {
      const terms = contentTerms(text);
      for (const term of terms) allTerms.add(term);
      return { text, terms, context };
    });
  });
  return { allTerms, sentences };
}

/**
 * The sentences of the tenant's passages that answer `question`, verbatim, in reading order;
 * empty when no passage is relevant enough. A passage is relevant when it (title and headings
 * included) contains at least `minCoverage` of the question's content terms, each weighted by
 * how rare it is among the passages; the best covering
 * ones (ties: retrieval score) are used. Their sentences are ranked by the rarer-is-better
 * weight of the terms they share with the question (a term only in the title or in the heading
 * the sentence sits under counts half); at most `maxSentences` are kept, none scoring under
 * `minRelativeScore` of the best.
 */
export function extractAnswer(question: string, passages: readonly KnowledgePassage[], options: ExtractOptions = {}): string[] {
  const whole = extractForQuery(question, passages, options);
  if (whole.length > 0) return whole;
  // A long message mixes the question with other things ("I'm Dave, my boiler is leaking, can
  // someone come today? Call me on ..."): each clause of two or more content terms is tried on
  // its own, under the same coverage rule, and their answers are joined in message order.
  const maxSentences = options.maxSentences ?? 3;
  const clauses = question.split(/[.?!;,\n]+|\s[-–—]\s/).filter((clause) => contentTerms(clause).size >= MIN_CLAUSE_TERMS);
  if (clauses.length < 2) return [];
  const joined: string[] = [];
  for (const clause of clauses) {
    for (const sentence of extractForQuery(clause, passages, options)) {
      if (!joined.includes(sentence) && joined.length < maxSentences) joined.push(sentence);
    }
  }
  return joined;
}

/** Content terms a clause needs to be tried on its own. */
const MIN_CLAUSE_TERMS = 2;

function extractForQuery(question: string, passages: readonly KnowledgePassage[], options: ExtractOptions): string[] {
  const { maxPassages = 3, maxSentences = 3, minCoverage = 0.5, minRelativeScore = 0.5 } = options;
  const queryTerms = contentTerms(question);
  if (queryTerms.size === 0) return [];

  // Coverage weighs each question term by how rare it is among the passages: matching only a
  // word most passages share ("hour", "service") is not enough; a term no passage has counts fully against all.
  const parsed = passages.map(parse);
  const passageWeight = new Map<string, number>();
  for (const term of queryTerms) {
    const df = parsed.filter((passage) => passage.allTerms.has(term)).length;
    passageWeight.set(term, Math.log(1 + parsed.length / (1 + df)));
  }
  const totalWeight = [...passageWeight.values()].reduce((sum, w) => sum + w, 0);
  const coverage = (passage: ParsedPassage) =>
    [...queryTerms].reduce((sum, term) => sum + (passage.allTerms.has(term) ? (passageWeight.get(term) ?? 0) : 0), 0) / totalWeight;
  const relevant = parsed
    .map((passage) => ({ passage, coverage: coverage(passage) }))
    .filter((entry) => entry.coverage >= minCoverage)
    .sort((a, b) => b.coverage - a.coverage || b.passage.retrievalScore - a.passage.retrievalScore || a.passage.order - b.passage.order)
    .slice(0, maxPassages)
    .map((entry) => entry.passage);
  if (relevant.length === 0) return [];

  const documentFrequency = new Map<string, number>();
  let sentenceCount = 0;
  for (const passage of relevant) {
    for (const sentence of passage.sentences) {
      sentenceCount += 1;
      for (const term of queryTerms) if (sentence.terms.has(term)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const weight = (term: string) => Math.log(1 + sentenceCount / (1 + (documentFrequency.get(term) ?? 0)));

  const candidates: Candidate[] = [];
  relevant.forEach((passage, passageRank) => {
    passage.sentences.forEach((sentence, position) => {
      let score = 0;
      for (const term of queryTerms) {
        if (sentence.terms.has(term)) score += weight(term);
        else if (sentence.context.has(term)) score += weight(term) / 2;
      }
      if (score > 0) candidates.push({ text: sentence.text, passageRank, position, score });
    });
  });

  candidates.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank || a.position - b.position);
  const cutoff = (candidates[0]?.score ?? 0) * minRelativeScore;
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.score < cutoff) break;
    const key = candidate.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(candidate);
    if (chosen.length === maxSentences) break;
  }
  return chosen.sort((a, b) => a.passageRank - b.passageRank || a.position - b.position).map((c) => c.text);
}
