import { languagesIn } from '../../normalize/language-gate.util';
import { isNameWord, isTitle, NAME_HOMOGRAPHS, titleCaseName, tokenAt, type NameToken } from './name-token.util';

// How one name is read from a position in a message (name.extractor.ts finds the positions).

/** What may follow a name written in lower case for it to end there ("sono giulia rossi 320…"). */
export const LOWER_NAME_END =
  /^(?:\s*(?:$|[,.;:!?)\n]|[+\d(])|\s+(?:speaking|here|btw|by\s+the\s+way|and|e|et|y|und|en|aqui|aquí|ici|qui|hier|i|ich|je|j'ai|j'aurais|j'avais|io|eu|ik|need|needed|want|wanted|wanna|would|necesito|necesitaba|quer[ií]a|quisiera|quiero|preciso|quero|gostaria|avrei|vorrei|volevo|bräuchte|brauche|möchte|hätte|wollte|voudrais|voulais|wil|wilde|zou|\S+@\S+|(?:my\s+|mein\s+|meine\s+|mi\s+|il\s+mio\s+|o\s+meu\s+|mijn\s+|mon\s+)?(?:nummer|number|numero|número|num|tel|phone|telefon\w*|telefone|telemóvel|handy|cell|cel|mobile|mobiel|móvil|cellulare|celular|portable|e-?mail|mail|correo))(?![\p{L}]))/u;

/** LOWER_NAME_END without round 16's pronouns and want/need verbs: punctuation, a number, an address, 'and', 'here'. */
const LOWER_NAME_END_PLAIN =
  /^(?:\s*(?:$|[,.;:!?)\n]|[+\d(])|\s+(?:speaking|here|btw|by\s+the\s+way|and|e|et|y|und|en|aqui|aquí|ici|qui|hier|\S+@\S+|(?:my\s+|mein\s+|meine\s+|mi\s+|il\s+mio\s+|o\s+meu\s+|mijn\s+|mon\s+)?(?:nummer|number|numero|número|num|tel|phone|telefon\w*|telefone|telemóvel|handy|cell|cel|mobile|mobiel|móvil|cellulare|celular|portable|e-?mail|mail|correo))(?![\p{L}]))/u;

/** Round 16's boundaries in LOWER_NAME_END: a first-person pronoun or a want/need verb. */
const SPEAKER_WORD_AFTER =
  /^\s+(?:i|ich|je|j'ai|j'aurais|j'avais|io|eu|ik|need|needed|want|wanted|wanna|would|necesito|necesitaba|quer[ií]a|quisiera|quiero|preciso|quero|gostaria|avrei|vorrei|volevo|bräuchte|brauche|möchte|hätte|wollte|voudrais|voulais|wil|wilde|zou)(?![\p{L}])/u;
/** A particle that also means "from" / "of" ("ana de sevilla", "lena von nebenan"); not an elided "d'". */
const FROM_PARTICLE = /^\s+(?:de|di|da|do|du|dos|das|del|della|von|vom|van)(?:\s+(?:la|las|los|le|der|den|de|het))?\s+$/u;

const MAX_TOKENS = 4;
// Surname particles (Dutch, German, French, Spanish, Italian, Portuguese), always lower case in the
// text; they join a name only when a name word follows them.
export const SURNAME_PARTICLES =
  /^ (?:van(?: de[nr]?| het| 't)?|von(?: de[mnr])?|vom|ó|ní|nic|uí|i(?= \p{Lu})|zu[mr]?|ten|ter|de(?: la| las| los| l'|l)?|della?|degli|dei|di|da|das|dos|do|du|le|la|d'|el|al|ben|bin|ibn|abu)(?: |(?<=')(?=\p{L}))/iu;

/** A French word or cue around a lone "M." ("Bonjour", "à l'appareil", "au nom de", "ici", "merci"). */
const FRENCH_CUE =
  /(?<![\p{L}])(?:bonjour|bonsoir|salut|merci|ici|c'est|je|j'ai|à\s+l'appareil|au\s+nom\s+de|pour|monsieur|madame|svp|s'il\s+vous\s+pla[iî]t|rendez-vous|réservation|cordialement)(?![\p{L}])/iu;

// Bit of French in languagesIn's mask (GATED_LANGUAGES order: de fr es it pt nl).
const FRENCH_BIT = 1 << 1;

/**
 * "M. Dupont" is Monsieur Dupont: a lone M is the French title. Round 19 review: only French writes it
 * so; in a message recognisably in another of the gated languages ("A nome di M. Greco") it is an initial.
 */
export function isMonsieur(initials: string, text: string): boolean {
  if (!/^M\. ?$/.test(initials)) return false;
  const mask = languagesIn(text.toLowerCase());
  // Round 19 review fixes: in text whose language cannot be told (none recognised, "Booking under M. Chen", or
  // several, "A nombre de M. Ruiz"), only with a French cue.
  if (mask === FRENCH_BIT) return true;
  return (mask === 0 || (mask & FRENCH_BIT) !== 0) && FRENCH_CUE.test(text);
}

export interface ReadName {
  start: number;
  end: number;
  value: string;
  lower: boolean;
  possessive: boolean;
}

/** Reads up to three name words at `index` (after an optional title), or undefined. */
export function readName(text: string, index: number, allowLower: boolean, voiceIntro = false): ReadName | undefined {
  // "Mr and Mrs Dubois": the couple's title is skipped like a single one.
  const couple = /^(?:mr|mrs|ms|dr)\.?\s+(?:and|&)\s+(?=(?:mr|mrs|ms|dr)\b)/i.exec(text.slice(index, index + 12));
  // Round 19 review: "Bonjour, M. Dupont à l'appareil": in French, "M." before a surname is Monsieur, a title.
  const monsieur = couple === null && /^M\. (?=\p{Lu}\p{Ll})/u.test(text.slice(index, index + 5)) && isMonsieur('M.', text) ? 3 : 0;
  let first = tokenAt(text, index + (couple?.[0].length ?? 0) + monsieur);
  const titled = monsieur > 0 || (first !== undefined && isTitle(first));
  // "Hofrat Dr. Ferdinand Pichler-Stadlmann": titles one after another.
  for (let titles = 0; first !== undefined && isTitle(first) && titles < 3; titles += 1) {
    // "Sig.ra Pellegrini", "Dott.ssa Neri": an Italian title abbreviated with its ending; "Eng.º Nuno Cardoso".
    const after = /^(?:\.(?:ra|na|ssa))?\.?[ºª]?\s+/.exec(text.slice(first.end, first.end + 6));
    first = after === null ? undefined : tokenAt(text, first.end + after[0].length);
    if (first === undefined || isTitle(first)) continue;
    // "Mrs van Wyk", "Herr von Stetten": after a title, a particle and a capitalised surname make the name.
    const particle = first === undefined ? null : SURNAME_PARTICLES.exec(text.slice(first.start - 1, first.start + 15));
    const surname = particle === null || first === undefined ? undefined : tokenAt(text, first.start - 1 + particle[0].length);
    if (first !== undefined && !first.capitalised && surname !== undefined && surname.capitalised && isNameWord(surname, true)) {
      const raw = text.slice(first.start, surname.end);
      return {
        start: first.start,
        end: surname.end,
        value: raw.charAt(0).toUpperCase() + raw.slice(1),
        lower: false,
        possessive: surname.possessive,
      };
    }
  }
  // "mevr. J. (Joke) Hendriks": after a title, an initial with the given name in brackets, then the
  // surname (the labels take "Mr T. Brennan" as "Brennan": a bare initial is still dropped).
  let initialFirst: NameToken | undefined;
  // Round 19 review: "Dr. A. Cissé", "la Dra. A. Ruiz", "Mrs. J. K. Rowntree": after a title, initials
  // before the surname are dropped with the title (label guide; "Mr T. Brennan" gives "Brennan").
  const initialsAfterTitle =
    titled && first !== undefined ? /^(?:\. ?\p{Lu})?\. ?(?=\p{Lu}[\p{Ll}\p{M}])/u.exec(text.slice(first.end, first.end + 8)) : null;
  if (first !== undefined && /^\p{Lu}$/u.test(first.raw) && initialsAfterTitle !== null) {
    const surname = tokenAt(text, first.end + initialsAfterTitle[0].length);
    if (surname !== undefined && isNameWord(surname, true) && !isTitle(surname)) first = surname;
  }
  if (
    titled &&
    first !== undefined &&
    /^\p{Lu}$/u.test(first.raw) &&
    /^\. \(\p{Lu}[\p{L}\p{M}]+\) \p{Lu}/u.test(text.slice(first.end, first.end + 24))
  ) {
    initialFirst = first;
  }
  if (first === undefined || (!first.capitalised && !allowLower)) return undefined;
  // "op naam van De Vries", "met mevrouw Van den Broeck", "Di Stefano": a surname led by a capitalised particle.
  if (first.capitalised && !isNameWord(first)) {
    const lead = SURNAME_PARTICLES.exec(` ${text.slice(first.start, first.start + 15)}`);
    const surname = lead === null ? undefined : tokenAt(text, first.start + lead[0].length - 1);
    if (
      surname !== undefined &&
      surname.capitalised &&
      isNameWord(surname, true) &&
      // Round 19 review: a full stop after it ends the sentence ("F. De Luca."); before a letter it is an address.
      !/^(?:[@_\d]|\.(?![\s]|$))/u.test(text.slice(surname.end, surname.end + 2))
    ) {
      return {
        start: first.start,
        end: surname.end,
        value: text.slice(first.start, surname.end),
        lower: false,
        possessive: surname.possessive,
      };
    }
  }
  // "Will Ashworth", "Mark Evans": a given name that is also a common word, before a capitalised surname.
  const homograph = first.capitalised && NAME_HOMOGRAPHS.has(first.raw.toLowerCase()) && surnameAfter(text, first.end) !== undefined;
  if (initialFirst === undefined && !homograph && !isNameWord(first)) return undefined;
  const tokens: NameToken[] = [first];
  let last = first;
  let nickname: NameToken | undefined;
  while (tokens.length < MAX_TOKENS && !last.possessive && (text[last.end] === ' ' || (last === initialFirst && text[last.end] === '.'))) {
    // "J. (Joke) Hendriks", "Rebecca (Becky) Osei": a nickname in brackets between the given name and the surname.
    const bracket = /^\.? \((\p{Lu}[\p{L}\p{M}]+)\)(?= \p{Lu})/u.exec(text.slice(last.end, last.end + 30));
    if (bracket !== null && tokens.length === 1) {
      nickname = tokenAt(text, last.end + bracket[0].indexOf('(') + 1);
      const surname = tokenAt(text, last.end + bracket[0].length + 1);
      if (surname === undefined || !isNameWord(surname, true)) break;
      tokens.push(surname);
      last = surname;
      continue;
    }
    // "P. Okonkwo-Reid": the surname after an initial.
    if (last === initialFirst) {
      const next = tokenAt(text, last.end + 2);
      if (next === undefined || !next.capitalised || !isNameWord(next, true)) return undefined;
      tokens.push(next);
      last = next;
      continue;
    }
    // "Ben W": one capital letter after a capitalised first name is a surname initial; "Arjun K. Mehta":
    // a middle initial with a full stop, then the surname.
    const initial = /^ (\p{Lu})(?![\p{L}\p{N}'\u2019@-]|\.[\p{L}\p{N}])/u.exec(text.slice(last.end, last.end + 4));
    // "Siobhán Ó Briain": an Irish particle, not an initial.
    if (initial !== null && first.capitalised && tokens.length === 1 && !/^ (?:Ó|Ní|Uí) \p{Lu}/u.test(text.slice(last.end, last.end + 5))) {
      const middle = /^\. (?=\p{Lu})/u.test(text.slice(last.end + 2, last.end + 5)) ? tokenAt(text, last.end + 4) : undefined;
      if (middle !== undefined && middle.capitalised && isNameWord(middle, true) && !isTitle(middle)) {
        tokens.push(middle);
        last = middle;
        break;
      }
      last = { start: last.end + 1, end: last.end + 2, raw: initial[1] as string, capitalised: true, possessive: false };
      tokens.push(last);
      break;
    }
    // "Jan van der Berg", "Luca di Stefano", "Pierre de la Tour": lower-case particles before a surname.
    const particle = SURNAME_PARTICLES.exec(text.slice(last.end, last.end + 16));
    const at = last.end + (particle?.[0].length ?? 1);
    const next = tokenAt(text, at);
    if (next === undefined || next.capitalised !== first.capitalised || !isNameWord(next, true) || isTitle(next)) break;
    // "Jens van DentaFlow", "Paul von GrünZimmer", "Paolo di Eco Detergenti srl": "from" a company, not a particle.
    if (particle !== null && isCompanyAt(text, at)) break;
    tokens.push(next);
    last = next;
  }
  // "jamie.hughes90@gmail.com", "d.osei": part of an address or handle, not a name.
  if (/^(?:[@_\d]|[.][\p{L}\p{N}])/u.test(text.slice(last.end, last.end + 2))) return undefined;
  // Lower case (SMS, voice-to-text): words after the first are part of the name only when the name
  // ends there ("sono giulia rossi 320…", "sou a bia, beatriz cardoso"); "aqui é o sérgio queria
  // saber" is Sérgio, then the sentence.
  // Round 16 review: a pronoun or a want/need verb ends a lower-case name even where the message ends later
  // ("mi chiamo sara di milano vorrei informazioni" is not "Sara di Milano Vorrei Informazioni").
  if (!first.capitalised) {
    const cut = tokens.findIndex((t) => SPEAKER_WORD_AFTER.test(text.slice(t.end, t.end + 20)));
    if (cut >= 0 && cut + 1 < tokens.length) {
      tokens.length = cut + 1;
      last = tokens[cut] as NameToken;
    }
  }
  // Round 16: the longest such name that ends at a boundary ("soy maría josé gutiérrez necesito …").
  while (!first.capitalised && tokens.length > 1 && !LOWER_NAME_END.test(text.slice(last.end, last.end + 20))) {
    tokens.length -= 1;
    last = tokens[tokens.length - 1] as NameToken;
  }
  // Round 16 review: "me llamo ana de sevilla necesito …", "ich heiße lena von nebenan ich …": a particle's
  // continuation that ends only at a pronoun or a want/need verb is a place or a phrase ("from …"), so the
  // first word is the name, as before round 16; a dictated introduction (VOICE_INTRO) keeps the whole.
  if (
    !voiceIntro &&
    !first.capitalised &&
    tokens.length > 1 &&
    tokens.some((t, k) => k > 0 && FROM_PARTICLE.test(text.slice((tokens[k - 1] as NameToken).end, t.start))) &&
    !LOWER_NAME_END_PLAIN.test(text.slice(last.end, last.end + 20))
  ) {
    tokens.length = 1;
    last = first;
  }
  if (nickname !== undefined) {
    // The label takes the name in its fullest form: the nickname replaces an initial ("Joke Hendriks"), else is dropped.
    const given = initialFirst !== undefined ? nickname.raw : first.raw;
    return {
      start: first.start,
      end: last.end,
      value: titleCaseName(`${given} ${last.raw}`),
      lower: !first.capitalised,
      possessive: last.possessive,
    };
  }
  const raw = text.slice(first.start, last.end);
  return { start: first.start, end: last.end, value: titleCaseName(raw), lower: !first.capitalised, possessive: last.possessive };
}

/** A capitalised surname right after `end` ("Will| Ashworth"), or undefined. */
function surnameAfter(text: string, end: number): NameToken | undefined {
  if (text[end] !== ' ') return undefined;
  const particle = SURNAME_PARTICLES.exec(text.slice(end, end + 16));
  const next = tokenAt(text, end + (particle?.[0].length ?? 1));
  return next !== undefined && next.capitalised && isNameWord(next, true) && !isTitle(next) ? next : undefined;
}

const COMPANY_SUFFIX =
  /^[^,.;:!?\n]{0,40}?(?<![\p{L}])(?:srl|s\.r\.l|spa|s\.p\.a|gmbh|ag|kg|bv|b\.v|nv|ltd|llc|inc|sa|sl|s\.l|sarl|sas|lda|ltda|oy|ab)(?![\p{L}])/iu;

/** A company name at `at`: a word with a capital inside ("DentaFlow") or a legal form within a few words ("Eco Detergenti srl"). */
function isCompanyAt(text: string, at: number): boolean {
  const word = tokenAt(text, at);
  if (word !== undefined && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word.raw)) return true;
  return COMPANY_SUFFIX.test(text.slice(at, at + 48));
}
