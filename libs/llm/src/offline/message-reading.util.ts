import { findEmails } from '../pii/email.detector';
import { findPhones } from '../pii/phone.detector';
import type { OfflineLanguage } from './message-language.util';
import {
  BOOKING_HOW,
  BOOKING_REQUEST,
  CALLBACK_REQUEST,
  CONTACT_OFFER,
  FRENCH_INVERSION,
  HELP_REQUEST,
  INDIRECT_QUESTION,
  QUESTION_STARTERS,
  SMALL_TALK_PREFIX_FILLER,
  STATEMENT_WORDS,
} from './message-patterns';
import { isSmallTalkFiller, smallTalkKind } from './small-talk.util';
import { contentTerms } from './text-terms.util';
import { introducedName } from './visitor-name.util';

/** What one visitor message does, as far as the offline responder's own lines are concerned. */
export interface MessageReading {
  hello: boolean;
  thanks: boolean;
  bye: boolean;
  /** The message holds an email address or a phone number. */
  email: boolean;
  phone: boolean;
  /** Asks for an appointment, a visit, a table or a reservation. */
  booking: boolean;
  /** Asks to be called or contacted back. */
  callback: boolean;
  /** The clauses that are real questions (asked directly, indirectly, or as a short keyword query), in order. */
  questions: string[];
  /** Clauses that are none of the above: statements ("my boiler is leaking"). */
  statements: string[];
}

// A phone number written the way people abroad write them ("(415) 555-0123", "06 12 34 56 78")
// counts when the message says it is a number; the strict detector knows UK and +cc forms only.
const LOOSE_PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}])/u;
const PHONE_WORDS =
  /number|phone|mobile|cell|tel|whatsapp|call|ring|nummer|telefon|handy|numéro|téléphone|portable|número|teléfono|móvil|celular|numero|telefono|cellulare|telemóvel|telefoonnummer|mobiel|bel/iu;

function hasPhone(text: string): boolean {
  if (findPhones(text).length > 0) return true;
  const loose = LOOSE_PHONE.exec(text);
  return loose !== null && loose[0].replace(/\D/g, '').length >= 7 && PHONE_WORDS.test(text);
}

/** True when `text` gives an email address or a phone number (used on earlier messages too). */
export function givesContactDetails(text: string): { email: boolean; phone: boolean } {
  return { email: findEmails(text).length > 0, phone: hasPhone(text) };
}

/**
 * Splits a message into clauses: at sentence ends (". " not "£1.50"), semicolons, new lines,
 * commas and dashes; each keeps its own "?". Emails and phone numbers are already one neutral
 * word, so "sarah@example.com" does not end a sentence.
 */
function clauses(text: string): Array<{ text: string; asked: boolean }> {
  const out: Array<{ text: string; asked: boolean }> = [];
  for (const sentence of text.match(/(?:[^.!?;\n]|[.!?](?=\S))+[.!?;\n]*/g) ?? []) {
    const asked = /\?/.test(sentence) || /^\s*¿/.test(sentence);
    const pieces = sentence
      .split(/,|\s[-–—]\s/)
      .map((p) => p.trim())
      .filter((p) => /[\p{L}\p{N}]/u.test(p));
    pieces.forEach((piece, i) => out.push({ text: piece, asked: asked && i === pieces.length - 1 }));
  }
  return out;
}

type ClauseKind = 'small_talk' | 'booking' | 'callback' | 'contact' | 'question' | 'statement';

// Emails and phone numbers stand in as one neutral word, so "call me on 07700 900123" reads as words.
const withoutDetails = (text: string) => text.replace(/[^\s@]+@[^\s@]+\.[\p{L}]{2,}/gu, ' x ').replace(/\+?\(?\d[\d\s().-]{5,}\d/g, ' x ');

// "Could you send the quote to <email>?": a request to be contacted, not a knowledge question.
const SEND_TO_DETAILS = /\b(?:send|email|e-mail|mail|text|forward|call|ring|reach|contact)\b.*\b(?:to|at|on) x\b/u;

// A clause of nothing but contact details ("07700 900123", "<email> or <phone>").
const DETAILS_ONLY = new Set(['x', 'or', 'and', 'oder', 'und', 'ou', 'et', 'o', 'y', 'e', 'of', 'en', 'on', 'at', 'is', 'me']);

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

function classify(
  raw: string,
  asked: boolean,
  language: OfflineLanguage,
  seen: { hello: boolean; thanks: boolean; bye: boolean },
): ClauseKind {
  const text = raw
    .toLowerCase()
    .normalize('NFC')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s¿¡]+/, '')
    .trim();
  const spans = [...text.matchAll(WORD)];
  let all = spans.map((m) => m[0]);
  // Leading thanks or greeting ("thanks, but ...", "hi team, ..."): noted, then the rest is read.
  const greeted = all.length > 0 && smallTalkKind(all[0]) !== null;
  if (greeted) {
    while (all.length > 0 && (smallTalkKind(all[0]) !== null || SMALL_TALK_PREFIX_FILLER.has(all[0]))) {
      const kind = smallTalkKind(all[0]);
      if (kind) seen[kind] = true;
      all = all.slice(1);
    }
  }
  if (all.length === 0) return 'small_talk';
  if (all.every((w) => smallTalkKind(w) !== null || isSmallTalkFiller(w))) {
    for (const w of all) {
      const kind = smallTalkKind(w);
      if (kind) seen[kind] = true;
    }
    return 'small_talk';
  }
  // The clause as written after a leading thanks or greeting (hyphens and apostrophes kept: "rendez-vous").
  const skipped = spans.length - all.length;
  const rest =
    skipped === 0 ? text : text.slice((spans[skipped - 1].index ?? 0) + spans[skipped - 1][0].length).replace(/^[^\p{L}\p{N}]+/u, '');
  const clause = rest.replace(/[^\p{L}\p{N}]+$/u, '');
  if (all.every((w) => DETAILS_ONLY.has(w))) return 'contact';
  const direct = asked || QUESTION_STARTERS.en.has(all[0]) || QUESTION_STARTERS[language].has(all[0]) || FRENCH_INVERSION.test(clause);
  if (BOOKING_REQUEST.test(clause) && !(direct && BOOKING_HOW.test(clause))) return 'booking';
  if (CALLBACK_REQUEST.test(clause)) return 'callback';
  if (CONTACT_OFFER.test(clause) || HELP_REQUEST.test(clause) || SEND_TO_DETAILS.test(clause)) return 'contact';
  if (direct || INDIRECT_QUESTION.test(clause)) return 'question';
  if (introducedName(raw)) return 'contact';
  // A short clause without a subject or a verb ("boiler prices", "opening hours sunday") is a keyword query.
  // Not after a thanks or a greeting: "thanks Dave" is not a query about Dave.
  if (!greeted && all.length <= 4 && !all.some((w) => STATEMENT_WORDS.has(w)) && contentTerms(clause).size > 0) return 'question';
  return 'statement';
}

/** Reads a visitor message: small talk, contact details, booking and call-back requests, real questions, statements. */
export function readMessage(text: string, language: OfflineLanguage): MessageReading {
  const seen = { hello: false, thanks: false, bye: false };
  const details = givesContactDetails(text);
  const reading: MessageReading = { ...seen, ...details, booking: false, callback: false, questions: [], statements: [] };
  for (const clause of clauses(withoutDetails(text))) {
    const kind = classify(clause.text, clause.asked, language, seen);
    if (kind === 'booking') reading.booking = true;
    else if (kind === 'callback') reading.callback = true;
    else if (kind === 'question') reading.questions.push(clause.text);
    else if (kind === 'statement') reading.statements.push(clause.text);
  }
  return { ...reading, ...seen };
}
