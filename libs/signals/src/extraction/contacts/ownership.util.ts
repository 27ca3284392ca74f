import { clauseStart, sentenceStart } from '../evidence.util';
import type { ContactField } from '../extraction.types';
import {
  CORRECTION_AFTER,
  CORRECTION_BEFORE,
  FIRST_PERSON_CUE,
  FIRST_PERSON_CUE_I18N,
  REFUSAL,
  REFUSAL_I18N,
  THIRD_PARTY_CUE,
  THIRD_PARTY_CUE_I18N,
} from './ownership.rules';

/** Cues are looked for at most this many characters before an entity (keeps long messages linear). */
const CUE_WINDOW = 160;
const ABBREVIATION_BEFORE = /(?<![\p{L}])(?:sig|sigra|dott|dr|mr|mrs|ms|mme|st|sr|sra|srta|ing|prof|hr|fr|dhr|mevr)\.\s*$/u;
const EMOJI_BEFORE = /^[^]*\p{Extended_Pictographic}\uFE0F?/u;

export interface Ownership {
  owner: 'customer' | 'third_party';
  relation?: string;
  /** True when a cue decided it; false when it is the customer's only because nothing said otherwise. */
  explicit?: boolean;
}

// "(old one was 07700 900 874)", "my previous email was ...": a value the customer says is out of date.
const SUPERSEDED_BEFORE =
  /\b(?:old|previous|former|last)\s+(?:one|number|mobile|phone|email|e-mail|address|landline)\s*(?:was|is|:|-)?\s*$/;

/** Whether the entity starting at `start` is one the customer calls out of date. */
export function isSuperseded(normalized: string, start: number): boolean {
  return SUPERSEDED_BEFORE.test(normalized.slice(Math.max(0, start - 40), start));
}

function lastMatch(pattern: RegExp, text: string): { index: number; end: number; relation?: string } | undefined {
  let last: { index: number; end: number; relation?: string } | undefined;
  for (const m of text.matchAll(pattern)) {
    const relation = m.slice(1).find((g) => g !== undefined);
    last = { index: m.index, end: m.index + m[0].length, ...(relation !== undefined ? { relation } : {}) };
  }
  return last;
}

type CueMatch = { index: number; end: number; relation?: string };

function later(a: CueMatch | undefined, b: CueMatch | undefined): CueMatch | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b.end > a.end ? b : a;
}

/**
 * Whose is the entity at [start, end) of the normalised message: the nearest cue before it in its
 * sentence decides ("call my landlord on 07..." third party; "my wife's away, call me on 07..."
 * the customer's). With no cue it is the customer's.
 */
export function ownershipAt(normalized: string, start: number): Ownership {
  // A full stop after an abbreviation does not end the sentence ("il mio padrone di casa, il sig. Bianchi, al 06 …").
  let sentence = sentenceStart(normalized, start);
  while (sentence > 0 && ABBREVIATION_BEFORE.test(normalized.slice(Math.max(0, sentence - 8), sentence))) {
    sentence = sentenceStart(normalized, sentence - 2);
  }
  const from = Math.max(sentence, start - CUE_WINDOW);
  // An emoji ends a sentence in chat ("… tragen könnt 🥰 Lena Moser, lena.moser@…").
  const window = normalized.slice(from, start).replace(EMOJI_BEFORE, '');
  const third = later(lastMatch(THIRD_PARTY_CUE, window), lastMatch(THIRD_PARTY_CUE_I18N, window));
  const firstPerson = (s: string) => later(lastMatch(FIRST_PERSON_CUE, s), lastMatch(FIRST_PERSON_CUE_I18N, s));
  if (third === undefined) return { owner: 'customer', explicit: firstPerson(window) !== undefined };
  const first = firstPerson(window.slice(third.end));
  if (first !== undefined) return { owner: 'customer', explicit: true };
  return { owner: 'third_party', explicit: true, ...(third.relation !== undefined ? { relation: third.relation } : {}) };
}

/**
 * Whether the entity at [start, end) corrects an earlier value: a correction cue earlier in its
 * sentence (or the previous clause of it), or "instead" right after it. `hadEarlier` is true when the
 * field was already given (earlier in this message or the conversation): then any correction cue
 * in the message (`messageHasCue`) counts ("sorry thats wrong its 07700 900312").
 */
export function isCorrection(normalized: string, start: number, end: number, hadEarlier: boolean, messageHasCue: boolean): boolean {
  const before = normalized.slice(Math.max(sentenceStart(normalized, clauseStart(normalized, start)), start - CUE_WINDOW), start);
  if (CORRECTION_BEFORE.test(before)) return true;
  if (CORRECTION_AFTER.test(normalized.slice(end, end + 40))) return true;
  return hadEarlier && messageHasCue;
}

/** Whether the message holds a correction cue anywhere (computed once per message). */
export function hasCorrectionCue(normalized: string): boolean {
  return CORRECTION_BEFORE.test(normalized);
}

function fieldsOf(object: string): ContactField[] {
  if (/^(?:names?|surname|nom|nombre|nome|naam|namen)$/.test(object)) return ['name'];
  if (/^(?:email|e-?mail|mail|correo|courriel)/.test(object)) return ['email'];
  if (/details/.test(object)) return ['phone', 'email'];
  return ['phone'];
}

/** Fields the customer declines to share in this message. */
export function findRefusals(normalized: string): ContactField[] {
  const fields = new Set<ContactField>();
  for (const m of normalized.matchAll(REFUSAL)) for (const f of fieldsOf(m[1] as string)) fields.add(f);
  for (const m of normalized.matchAll(REFUSAL_I18N)) {
    const object = m[1] ?? m[2] ?? m[3];
    if (object !== undefined) for (const f of fieldsOf(object)) fields.add(f);
  }
  return [...fields];
}
