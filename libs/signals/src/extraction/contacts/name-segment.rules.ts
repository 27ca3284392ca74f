// Round 13: what may stand between a bare name and a contact, or after a name, in a signature or a
// self-introduction without a cue (used by segmentCandidates in name.extractor.ts).

const CONTACT_LABEL =
  /^(?:(?:my|mein|meine|mon|ma|mi|il\s+mio|o\s+meu|meu|mijn)\s+)?(?:tel|tél|tfno|tlf|telefon|telefono|teléfono|telefone|telefoon|phone|ph|mob|mobile|mobil|mobiel|móvil|movil|cell|cel|cellulare|celular|telemóvel|handy|festnetz|portable|gsm|e-?mail|mail|courriel|correo|zap|whatsapp|wa|number|nummer|numero|número|dob|geb|contact|contacto|contato)\.?(?:\s+(?:is|ist|est|es|è|é|c'est))?\s*:?$/iu;

/** The text between a name and a contact is only short labelled items: a contact word, or a few words with a digit. */
export function labelledGap(gap: string): boolean {
  if (!/^\s*,/.test(gap)) return false;
  return gap
    .split(/[,;]/)
    .map((chunk) => chunk.trim().replace(/[.:]$/, ''))
    .every((chunk) => chunk === '' || CONTACT_LABEL.test(chunk) || (/\d/.test(chunk) && chunk.length <= 30 && !/[.!?]\s/.test(chunk)));
}

export const ID_ITEM_AFTER =
  /^,\s*(?![^,;!?\n]*\d\s*(?:kg|g|cm|mm|m|km|l|ml|%|€|£|\$|years?|jahre?|ans?|años?|anni|anos?|jaar|mois|meses|mesi|monate?|maanden|weeks?|wochen|semaines?|semanas?|settimane)(?![\p{L}]))[^,.;!?\n\d]{0,20}\d[^,;!?\n]{0,20}?(?:\.?\s*$|[.!]\s|\n)/u;
// "Bernardo, sou o pai", "Silvia, sono la mamma di Giulia", "Anne, I'm the tenant": the writer's role after their name.
export const ROLE_AFTER =
  /^\s*,\s*(?:sou|soy|sono|je\s+suis|ich\s+bin|ik\s+ben|i'?m|i\s+am)\s+(?:o|a|el|la|il|le|l'|der|die|de|het|the|his|her|their|sua|su|seu|sa|son|zijn|haar)\s*\p{L}+(?:\s+(?:di|de|do|da|van|von|of)\s+\p{L}+)?[\s.!]*$/iu;
export const THANKS_AFTER =
  /^\s*,\s*(?:thanks|thank\s+you|cheers|gracias|muchas\s+gracias|obrigad[oa]|merci|grazie(?:\s+mille)?|danke(?:\s+sch(?:ö|oe)n)?|bedankt|dank\s+(?:je|u)(?:\s+wel)?)[\s.!]*$/iu;

/** Whether `start` opens a sentence: the message start, after . ! ? or a line break, or after an emoji. */
export function opensSentence(text: string, start: number): boolean {
  return /(?:^|[.!?]\s+|\n\s*|\p{Extended_Pictographic}\uFE0F?\s+)$/u.test(text.slice(Math.max(0, start - 12), start)) || start === 0;
}

/**
 * Round 16: the full stop of a middle initial in a line that ends with the surname ("Harold J. Klein",
 * "HAROLD J. KLEIN" above a phone line) does not end a segment; after a title it is left alone (the
 * labels take "Mrs P. Okoro" as "Okoro").
 */
export const MIDDLE_INITIAL_DOT =
  /(?<=(?<![\p{L}])(?!(?:Mrs?|Ms|Dr|Miss|Prof|Herr|Frau|Mme|Mevr|Sra|Sr|Dña|Sig)\s)\p{Lu}[\p{L}'-]+ \p{Lu})\.(?= \p{Lu}[\p{L}'-]+[ \t]*(?:\n|$))/gu;

/** Words before "speaking" that make it not a name ("the person speaking"); used by name.extractor.ts. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'my',
  'your',
  'his',
  'her',
  'their',
  'our',
  'its',
  'whoever',
  'anyone',
  'someone',
]);
