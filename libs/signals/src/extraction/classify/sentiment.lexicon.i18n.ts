/**
 * The sentiment lexicon for German, French, Spanish, Italian, Portuguese and Dutch, on the same
 * scale as the English one (-3..3; routine thanks and sign-offs carry none, warm thanks do).
 * Feminine and plural forms are listed where they differ. Matched on the normalised message.
 * Words that are also English words or names with another sense are left out ("content", "top",
 * "total", "tan", "ravi" (Ravi)).
 */
export const I18N_SENTIMENT_PHRASES: Readonly<Record<string, number>> = {
  // warm thanks and closings
  'vielen dank': 1, 'herzlichen dank': 1.5, 'tausend dank': 2, 'super nett': 2.5, 'sehr nett': 2, 'echt toll': 2.5,
  'merci beaucoup': 1, 'merci infiniment': 2.5, 'mille mercis': 2.5, 'très gentil': 2, 'trop gentil': 2, 'c\'est gentil': 1.5,
  'muchas gracias': 1, 'mil gracias': 2, 'un millón de gracias': 2.5, 'muy amable': 2, 'sois geniales': 3, 'son geniales': 3,
  'grazie mille': 1.5, 'grazie di cuore': 2.5, 'molto gentile': 2, 'siete stati gentilissimi': 3,
  'muito obrigado': 1, 'muito obrigada': 1, 'uns queridos': 2.5, 'muito simpático': 2,
  'super bedankt': 2, 'hartelijk dank': 1.5, 'heel erg bedankt': 2, 'top geregeld': 2.5, 'heel fijn': 2,
  // routine: no valence
  'mit freundlichen grüßen': 0, 'freundliche grüße': 0, 'guten tag': 0, 'kein problem': 0, 'pas de problème': 0, 'pas de souci': 0,
  'bien cordialement': 0, 'buenos días': 0, 'buenas tardes': 0, 'buongiorno': 0, 'bom dia': 0, 'boa tarde': 0, 'geen probleem': 0,
  'met vriendelijke groet': 0, 'vriendelijke groeten': 0, 'cordiali saluti': 0, 'un saludo': 0,
  // what went wrong, said politely
  'niemand ruft zurück': -1.5, 'meldet sich niemand': -1.5, 'nicht gekommen': -1.5, 'immer noch nicht': -0.5,
  'n\'est jamais venu': -2, 'n\'est pas venu': -1.5, 'personne ne m\'a': -1.5, 'toujours pas': -0.5,
  'nadie contesta': -1.5, 'no vino': -1.5, 'peor que antes': -2.5,
  'non si è presentato': -2, 'nessuno risponde': -1.5, 'ancora niente': -1,
  'não apareceu': -2, 'ninguém me avisou': -1.5,
  'niet gekomen': -1.5, 'niemand neemt': -1.5, 'nog steeds niet': -0.5,
};

export const I18N_SENTIMENT_WORDS: Readonly<Record<string, number>> = {
  // German
  toll: 2.5, klasse: 2.5, prima: 1.5, nett: 1.5, freundlich: 2, zufrieden: 2, froh: 2, wunderbar: 3, großartig: 3, hilfreich: 2,
  perfekt: 2, spitze: 2.5, dankbar: 2, enttäuscht: -2.5, enttäuschend: -2.5, unzufrieden: -2.5, verärgert: -2.5, ärgerlich: -2,
  sauer: -2, schlecht: -2, schrecklich: -3, furchtbar: -3, unmöglich: -2, inakzeptabel: -3, unzumutbar: -3, unverschämt: -3,
  frech: -2, leider: -1, beschwerde: -1.5, kaputt: -0.5,
  // French
  gentil: 1.5, gentille: 1.5, gentils: 1.5, formidable: 3, formidables: 3, génial: 2.5, géniale: 2.5, ravie: 2.5,
  contente: 2, parfait: 2, merveilleux: 3, excellente: 3, super: 0, déçu: -2.5, déçue: -2.5, déçus: -2.5,
  inadmissible: -3, inacceptable: -3, scandaleux: -3, nul: -2.5, nulle: -2.5, mécontent: -2.5, mécontente: -2.5,
  furieux: -3, furieuse: -3, énervé: -2, énervée: -2, malheureusement: -1, plainte: -1.5,
  // Spanish
  genial: 2.5, geniales: 3, estupendo: 2.5, estupenda: 2.5, encantado: 2, encantada: 2, contento: 2, contenta: 2, amable: 1.5,
  amables: 1.5, perfecto: 2, maravilloso: 3, increíble: 2.5, decepcionado: -2.5, decepcionada: -2.5, inaceptable: -3,
  vergüenza: -2.5, enfadado: -2.5, enfadada: -2.5, molesto: -2, molesta: -2, fatal: -2.5, peor: -2, lamentablemente: -1, queja: -1.5,
  // Italian
  gentilissimi: 3, gentilissimo: 3, gentilissima: 3, gentile: 1.5, bravissimi: 3, ottimo: 2.5, ottima: 2.5, fantastico: 3,
  perfetto: 2, contenti: 2, soddisfatto: 2, soddisfatta: 2, deluso: -2.5, delusa: -2.5, delusi: -2.5, inaccettabile: -3,
  pessimo: -3, pessima: -3, vergogna: -2.5, arrabbiato: -2.5, arrabbiata: -2.5, purtroppo: -1, reclamo: -1.5,
  // Portuguese
  ótimo: 2.5, ótima: 2.5, maravilhoso: 3, excelente: 3, perfeito: 2, queridos: 2, adorei: 2.5, satisfeito: 2, satisfeita: 2,
  decepcionante: -2.5, inaceitável: -3, péssimo: -3, péssima: -3, vergonha: -2.5, chateado: -2, chateada: -2,
  infelizmente: -1, reclamação: -1.5,
  // Dutch
  geweldig: 2.5, fantastisch: 3, blij: 2, tevreden: 2, fijn: 1.5, heerlijk: 2.5, vriendelijk: 2, behulpzaam: 2,
  teleurgesteld: -2.5, teleurstellend: -2.5, ontevreden: -2.5, onacceptabel: -3, schandalig: -3, slecht: -2, boos: -2,
  helaas: -1, jammer: -1, klacht: -1.5,
};

export const I18N_NEGATORS: readonly string[] = ['nicht', 'kein', 'keine', 'nie', 'pas', 'jamais', 'non', 'nunca', 'nada', 'mai', 'não', 'niet', 'geen', 'nooit'];

export const I18N_INTENSIFIERS: Readonly<Record<string, number>> = {
  sehr: 1.4, echt: 1.3, wirklich: 1.4, très: 1.4, vraiment: 1.4, tellement: 1.4, muy: 1.4, realmente: 1.4,
  molto: 1.4, davvero: 1.4, muito: 1.4, bem: 1.2, heel: 1.4, erg: 1.4, zeer: 1.4,
};
