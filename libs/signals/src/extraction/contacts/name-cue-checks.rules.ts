import type { ReadName } from './name-read.util';
import { RELATIONS, RELATIONS_I18N, ROLES_I18N } from './ownership.rules';

// Round 19 review fixes: last tests on a name read by two round 19 cues (name-feeling.rules.ts).

const RELATION_ALT = [...new Set([...RELATIONS, ...RELATIONS_I18N, ...ROLES_I18N])].join('|');
const POSSESSIVE = String.raw`(?:my|our|his|her|their|mein|meine|meinen|meiner|unser|unsere|ihre|seine|mon|ma|mes|notre|son|sa|mi|mis|nuestro|nuestra|su|mio|mia|mía|il\s+mio|la\s+mia|mio|nostro|nostra|meu|minha|o\s+meu|a\s+minha|nosso|nossa|mijn|onze|ons|zijn|haar)`;

/** ", meine Mutter", ", mi madre", ", mia nonna", ", mijn moeder", ", ma mère", ", minha avó": a relation in apposition. */
const RELATION_APPOSITION = new RegExp(String.raw`^\s*[,(\u2013\u2014-]\s*${POSSESSIVE}\s+(?:${RELATION_ALT})(?![\p{L}])`, 'iu');
/** "für meine Mutter …", "per mia nonna …": a relation named earlier in the sentence, before the booking cue. */
const RELATION_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])${POSSESSIVE}\s+(?:${RELATION_ALT})(?![\p{L}])[^.!?\n]*$`, 'iu');

/**
 * "Termin für Frau Weber, meine Mutter", "Cita para la Sra. Pérez, mi madre", "Rendez-vous pour Mme Leroy, ma
 * mère": a booking for a titled relative names the relative, not the writer; so does one after a relation
 * earlier in its sentence ("Für meine Mutter einen Termin für Frau Weber").
 */
export function bookedForSelf(text: string, name: ReadName, cueAt: number): boolean {
  if (RELATION_APPOSITION.test(text.slice(name.end, name.end + 40))) return false;
  return !RELATION_BEFORE.test(text.slice(Math.max(0, cueAt - 60), cueAt));
}

/** Words that say what a name is like, not a name ("el nombre es correcto", "name ist egal", "o nome é diferente"). */
const DESCRIBES_A_NAME: ReadonlySet<string> = new Set(
  `
correct wrong right important irrelevant different same unknown fine ok okay misspelled spelt spelled
egal falsch richtig wichtig unwichtig anders gleich unbekannt korrekt
correct correcte bon bonne faux fausse juste important importante différent différente pareil inconnu inconnue incorrect
correcto correcta incorrecto incorrecta importante diferente igual irrelevante desconocido equivocado erróneo mismo
corretto corretta sbagliato sbagliata giusto giusta importante diverso diversa uguale irrilevante sconosciuto
correto correta errado errada certo irrelevante diferente igual importante desconhecido
fout goed juist belangrijk onbelangrijk anders hetzelfde onbekend verkeerd correct
`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Function words that never stand between two name words ("diferente na fatura", "correcto en la factura"). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `na nas no nos em en in op aan am im e y et und of o a al au aux het een un una uno une ein eine per por para pour
für voor su sul sulla sur sobre con com mit met avec with on at to the is es est è é ist`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** One lower-case word ends its sentence, or a comma and the writer's next words follow ("naam is sanne, ik wil"). */
const ONE_WORD_END =
  /^(?:\s*(?:$|[.!?\n])|\s*,?\s+(?:ik|ich|je|j'|i|io|eu|yo|quiero|quer[ií]a|quisiera|necesito|vorrei|volevo|preciso|quero|gostaria|möchte|brauche|hätte|voudrais|wil|zou|graag)(?![\p{L}]))/u;

/**
 * The lower-case "naam is / name ist / nom est / el nombre es / il nome è / o nome é" cue: two name words with
 * no function word between them, or one word that ends its sentence; never a word that describes a name.
 */
export function lowerNameAfterCue(text: string, name: ReadName): boolean {
  if (!name.lower) return true;
  const words = name.value.toLowerCase().split(/\s+/);
  if (words.some((w) => DESCRIBES_A_NAME.has(w) || FUNCTION_WORDS.has(w))) return false;
  return words.length > 1 || ONE_WORD_END.test(text.slice(name.end, name.end + 20));
}
