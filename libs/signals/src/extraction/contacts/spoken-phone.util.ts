/**
 * Phone numbers spoken in words (voice dictation): "oh seven nine four six double two one …",
 * "null eins sieben eins, vier vier zwei …", "zéro six, douze, quarante-cinq, soixante-dix-huit …",
 * "seis cinco cero, veintidós, treinta y uno …". Each language's number words become digits, read
 * digit by digit or in groups of two, with "double" / "triple" repeating the next digit. A run is
 * read as a phone only when it gives at least MIN_SPOKEN_DIGITS digits and a phone word comes
 * shortly before it in its sentence ("my number is", "meine Nummer ist", "mon numéro c'est le"):
 * a count, a price, a time or a date in words has neither. The digits then go through the same
 * parser as a written number (libphonenumber-js in the tenant's country), so they must also be a
 * number of that country.
 */
export type SpokenLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl';

interface NumberWords {
  /** 0-9 (several words may share a digit). */
  units: Readonly<Record<string, number>>;
  /** 10-19. */
  teens: Readonly<Record<string, number>>;
  /** 20, 30, … 90. */
  tens: Readonly<Record<string, number>>;
  /** One-word compounds 21-99 ("zweiundvierzig", "ventidue", "veintidós"). */
  compound?: (word: string) => number | undefined;
  /** Words joining tens and a unit ("treinta y uno", "vinte e dois", "vingt et un"). */
  joiners: ReadonlySet<string>;
  /** "double" / "triple" and their translations: the next digit (or group) said that many times. */
  repeats: Readonly<Record<string, number>>;
  /** The international prefix said as a word ("plus four four …"). */
  plus: ReadonlySet<string>;
}

const record = (words: string, from = 0): Record<string, number> =>
  Object.fromEntries(
    words
      .split(' ')
      .filter((w) => w.length > 0)
      .flatMap((group, i) => group.split('/').map((w) => [w, from + i])),
  );
const tensRecord = (words: string): Record<string, number> =>
  Object.fromEntries(words.split(' ').flatMap((group, i) => group.split('/').map((w) => [w, (i + 2) * 10])));

/** A one-word compound: unit + link + tens (German, Dutch) or tens + unit (Italian, Spanish "veinti-"). */
function unitThenTens(units: Record<string, number>, link: string, tens: Record<string, number>): (w: string) => number | undefined {
  const unitAlt = Object.keys(units).join('|');
  const tensAlt = Object.keys(tens).join('|');
  const re = new RegExp(`^(${unitAlt})(?:${link})(${tensAlt})$`, 'u');
  return (w) => {
    const m = re.exec(w);
    if (m === null) return undefined;
    const unit = units[m[1] as string] as number;
    return unit === 0 ? undefined : (tens[m[2] as string] as number) + unit;
  };
}

const EN_UNITS = record('zero/oh/nought one two three four five six seven eight nine');
// "ein" and Spanish "un" / "una" only inside a compound ("einundzwanzig"); alone they are articles.
const DE_UNITS = record('null eins zwei/zwo drei vier fünf/fuenf/funf sechs sieben acht neun');
const DE_COMPOUND_UNITS = record('ein zwei drei vier fünf/fuenf/funf sechs sieben acht neun', 1);
const NL_UNITS = record('nul één/een twee drie vier vijf zes zeven acht negen');
const NL_COMPOUND_UNITS = record('één/een/eën twee/tweeën drie/drieën vier vijf zes zeven acht negen', 1);
const DE_TENS = tensRecord('zwanzig dreißig/dreissig vierzig fünfzig/fuenfzig/funfzig sechzig siebzig achtzig neunzig');
const NL_TENS = tensRecord('twintig dertig veertig vijftig zestig zeventig tachtig negentig');
const IT_UNITS = record('zero uno due tre quattro cinque sei sette otto nove');
const IT_TENS = tensRecord('venti trenta quaranta cinquanta sessanta settanta ottanta novanta');

/** "ventidue", "trentuno", "quarantotto", "novantatré": Italian tens lose their vowel before uno / otto. */
function italianCompound(w: string): number | undefined {
  const m = /^(vent|trent|quarant|cinquant|sessant|settant|ottant|novant)[ai]?(uno|due|tre|tré|quattro|cinque|sei|sette|otto|nove)$/u.exec(
    w,
  );
  if (m === null) return undefined;
  const tens = IT_TENS[`${m[1] as string}${m[1] === 'vent' ? 'i' : 'a'}`] as number;
  const unit = m[2] === 'tré' ? 3 : (IT_UNITS[m[2] as string] as number);
  return tens + unit;
}

/** "veintidós", "veintiuno" (Spanish); the other tens join with "y". */
function spanishCompound(w: string): number | undefined {
  const m = /^veinti(uno|ún|un|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)$/u.exec(w);
  if (m === null) return undefined;
  const unit = ES_UNITS[(m[1] as string).normalize('NFD').replace(/\p{M}/gu, '')] ?? (/^u/.test(m[1] as string) ? 1 : undefined);
  return unit === undefined ? undefined : 20 + unit;
}
const ES_UNITS = record('cero uno dos tres cuatro cinco seis siete ocho nueve');

export const NUMBER_WORDS: Readonly<Record<SpokenLanguage, NumberWords>> = {
  en: {
    units: EN_UNITS,
    teens: record('ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', 10),
    tens: tensRecord('twenty thirty forty/fourty fifty sixty seventy eighty ninety'),
    joiners: new Set(),
    repeats: { double: 2, triple: 3, treble: 3 },
    plus: new Set(['plus']),
  },
  de: {
    units: DE_UNITS,
    teens: record('zehn elf zwölf/zwoelf dreizehn vierzehn fünfzehn/fuenfzehn sechzehn siebzehn achtzehn neunzehn', 10),
    tens: DE_TENS,
    compound: unitThenTens(DE_COMPOUND_UNITS, 'und', DE_TENS),
    joiners: new Set(),
    repeats: { doppel: 2, doppelt: 2, doppelte: 2, dreifach: 3 },
    plus: new Set(['plus']),
  },
  fr: {
    units: record('zéro/zero un deux trois quatre cinq six sept huit neuf'),
    teens: record('dix onze douze treize quatorze quinze seize', 10),
    tens: tensRecord('vingt/vingts trente quarante cinquante soixante septante huitante/octante nonante'),
    joiners: new Set(['et']),
    repeats: { double: 2, triple: 3 },
    plus: new Set(['plus']),
  },
  es: {
    units: ES_UNITS,
    teens: record('diez once doce trece catorce quince dieciséis/dieciseis diecisiete dieciocho diecinueve', 10),
    tens: tensRecord('veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa'),
    compound: spanishCompound,
    joiners: new Set(['y']),
    repeats: { doble: 2, triple: 3 },
    plus: new Set(['más', 'mas']),
  },
  it: {
    units: IT_UNITS,
    teens: record('dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove', 10),
    tens: IT_TENS,
    compound: italianCompound,
    joiners: new Set(),
    repeats: { doppio: 2, triplo: 3 },
    plus: new Set(['più', 'piu']),
  },
  pt: {
    units: record('zero um dois/duas três/tres quatro cinco seis/meia sete oito nove'),
    teens: record('dez onze doze treze catorze/quatorze quinze dezesseis/dezasseis dezessete/dezassete dezoito dezenove/dezanove', 10),
    tens: tensRecord('vinte trinta quarenta cinquenta sessenta setenta oitenta noventa'),
    joiners: new Set(['e']),
    repeats: { duplo: 2, dobro: 2, triplo: 3 },
    plus: new Set(['mais']),
  },
  nl: {
    units: NL_UNITS,
    teens: record('tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien', 10),
    tens: NL_TENS,
    compound: unitThenTens(NL_COMPOUND_UNITS, 'en|ën', NL_TENS),
    joiners: new Set(),
    repeats: { dubbel: 2, dubbele: 2, driedubbel: 3 },
    plus: new Set(['plus']),
  },
};

/** A run must give at least this many digits to be read as a phone (the shortest national numbers with a trunk 0 have 9). */
export const MIN_SPOKEN_DIGITS = 8;
/** A phone word must come at most this many characters before the run. */
const CUE_WINDOW = 48;

// The phone words that introduce a spoken number, in the seven languages. "number" / "Nummer" /
// "numéro" / "número" only when no reference noun comes before it ("order number", "n° de commande").
const PHONE_CUE =
  /(?<![\p{L}])(?:number|phone|mobile|mob|cell|cellphone|landline|tel|telephone|whatsapp|(?:call|ring|text|reach|contact)\s+(?:me|us)|nummer|telefonnummer|handynummer|rufnummer|handy|telefon|natel|mobil|mobilnummer|festnetz|erreichbar|erreichen|numéro|t[ée]l[ée]phone|t[ée]l|portable|gsm|n[uú]mero|tel[eé]fono|m[oó]vil|celular|cel|fijo|whats|wasap|cellulare|telefono|fisso|telefone|telem[oó]vel|zap|telefoonnummer|mobiel|mobieltje|bereikbaar|bereiken|bellen|terugbellen|anrufen|zurückrufen|appeler|rappeler|contacter|llamar|llamarme|contactar|chiamare|chiamarmi|richiamare|contattare|contattarmi|ligar|ligar-me|rufen\s+sie\s+mich|ruf\s+mich|appelez-moi|rappelez-moi|joindre|llámame|llamadme|llámenme|chiamatemi|chiamami|liga-me|ligue-me|liguem-me|bel\s+me|bel\s+mij)(?![\p{L}])/gu;
const REFERENCE_NOUN_BEFORE =
  /(?<![\p{L}])(?:order|reference|ref|booking|account|invoice|tracking|policy|membership|member|customer|case|ticket|confirmation|claim|job|serial|model|part|item|house|room|flat|table|seat|bus|route|page|vat|registration|reg|commande|facture|dossier|chambre|pedido|factura|habitaci[oó]n|ordine|fattura|pratica|camera|encomenda|fatura|quarto|kamer|bestelling|factuur|zimmer|bestellung|rechnung)\s+(?:(?:de|di|do|da|van)\s+)?$/u;
const REFERENCE_AFTER_CUE =
  /^\s*(?:of|for\s+(?:the|my|your)\s+(?:order|booking|invoice|account))(?![\p{L}])|(?<![\p{L}])(?:order|booking|invoice|account|reference|ref|ticket|policy|customer|client|cliente|klant|kunde|kunden|commande|facture|dossier|pedido|factura|reserva|ordine|fattura|pratica|prenotazione|encomenda|fatura|bestelling|factuur|reservering|bestellung|rechnung|buchung|personas|persone|pessoas|personnes|personen|people|guests)(?![\p{L}])/u;
const LABEL_BEFORE_RUN = /(\p{L}+)\s*(?::|\s+(?:is|es|est|è|é|ist|lautet|was|era|war)(?![\p{L}]))/gu;
const PHONE_LABEL_OK =
  /^(?:number|phone|mobile|mob|cell|cellphone|landline|tel|telephone|whatsapp|nummer|telefonnummer|handynummer|rufnummer|handy|telefon|natel|mobil|mobilnummer|festnetz|numéro|numero|número|téléphone|telephone|tél|portable|gsm|teléfono|telefono|móvil|movil|celular|cel|fijo|whats|wasap|cellulare|fisso|telefone|telemóvel|telemovel|zap|telefoonnummer|mobiel|mobieltje|durchwahl|directe|diretto|direct|line|ligne|which|that|it|this|das|dies|ce|c|che|que|lo|dat|het|dit|hier|es|mine|meine|mein|mijn|mio|meu|mi|mon|my)$/u;
/**
 * Review fix: "colis numéro …", "member number …": a noun right before the number word names what the
 * number is; only a function word (article, possessive, preposition, copula) or a phone word may stand there.
 */
const NUMBER_WORD_BEFORE_RUN = /(\p{L}+)\s+(?:number|numéro|numero|número|nummer|no|nr|n°)\s*[:.]?\s*$/u;
const BEFORE_NUMBER_WORD_OK =
  /^(?:the|my|your|our|his|her|a|at|on|to|is|me|us|new|old|same|other|right|le|la|mon|ma|au|du|ce|notre|votre|nouveau|bon|el|mi|su|al|del|tu|nuestro|nuevo|il|lo|mio|suo|nostro|vostro|nuovo|o|a|ao|do|meu|seu|nosso|novo|het|de|mijn|uw|ons|nieuwe|op|der|die|das|meine|meiner|meinen|ihre|ihrer|unter|auf|neue|es|est|è|é|ist)$/u;
/** Review fix: a count noun right after the run ("… sei sette sei persone", "… two of us"): its last group is the count. */
const COUNT_AFTER_RUN =
  /^[\s,]*(?:people|persons|guests|adults|kids|children|of\s+us|personas|adultos|niños|comensales|persone|adulti|bambini|ospiti|personnes|adultes|enfants|couverts|pessoas|adultos|crianças|personen|volwassenen|kinderen|gasten|keer|mal|times|veces|volte|fois|vezes)(?![\p{L}])/u;
// A phone word the run must not be separated from by a full stop, a question mark or a new line.
const SENTENCE_BREAK = /[.!?\n]\s/u;

/** Correction words between a spoken number and the digits that replace its end ("… two eight one no sorry two eight nine"). */
const PARTIAL_CORRECTION =
  /^[\s,.;-]*(?:no|nope|sorry|wait|no\s+wait|moment|i\s+mean|i\s+meant|rather|nein|äh|ähm|sorry|pardon|non|plutôt|perdón|perdon|no\s+perdón|mejor\s+dicho|scusa|scusi|anzi|no\s+scusa|desculpa|desculpe|aliás|nee|ik\s+bedoel|eh)(?:[\s,.;-]+(?:no|sorry|sorry|pardon|perdón|perdon|scusa|scusi|desculpa|desculpe|i\s+mean|ich\s+meine|je\s+veux\s+dire|quiero\s+decir|volevo\s+dire|quer\s+dizer|ik\s+bedoel|moment|wait|it'?s|c'est|es|è|é|is|ist|le|el|o|il|the|het|der))*[\s,.;:-]*$/u;

interface Token {
  start: number;
  end: number;
  word: string;
}

export interface SpokenPhoneRun {
  start: number;
  end: number;
  /** The digits read, with a leading "+" when the international prefix was said. */
  digits: string;
  /** Review fix: shorter readings ending at a group boundary (longest first), tried when the whole run is not a number. */
  prefixes?: Array<{ digits: string; end: number }>;
}

/** The words of the normalised text with their offsets (hyphens and apostrophes separate words). */
function tokensOf(normalized: string): Token[] {
  return [...normalized.matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
}

/** What may stand between two number words of one run: spaces, commas, hyphens, a slash or a dot. */
const RUN_GAP = /^[\s,;\-/.]{1,4}$/u;
/** What may stand between the parts of one two-digit group ("treinta y uno", "soixante-dix-huit"). */
const GROUP_GAP = /^[\s-]{1,2}$/u;

function gapOk(normalized: string, a: Token, b: Token | undefined, gap: RegExp): b is Token {
  return b !== undefined && gap.test(normalized.slice(a.end, b.start));
}

function unitOf(lang: NumberWords, t: Token | undefined): number | undefined {
  return t === undefined ? undefined : lang.units[t.word];
}

/**
 * Reads the two-digit group (or single digit) at token i. Returns the digits and the next token
 * index, or undefined when token i is not a number word of this language.
 */
function groupAt(
  normalized: string,
  tokens: readonly Token[],
  i: number,
  code: SpokenLanguage,
): { digits: string; next: number } | undefined {
  const lang = NUMBER_WORDS[code];
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  // French 70-99: "soixante-dix(-huit)", "soixante et onze", "quatre-vingt(s)(-dix-sept)".
  let tens = lang.tens[t.word];
  let after = i + 1;
  if (code === 'fr' && t.word === 'quatre' && gapOk(normalized, t, next, GROUP_GAP) && /^vingts?$/.test(next.word)) {
    tens = 80;
    after = i + 2;
  } else if (tens === undefined && t.word === 'vingts') return undefined;
  if (tens !== undefined) {
    const last = tokens[after - 1] as Token;
    const n1 = tokens[after];
    if (code === 'fr' && (tens === 60 || tens === 80)) {
      // a teen after sixty / eighty: 70-79 / 90-99 ("dix-sept" as two words)
      const joined = n1 !== undefined && n1.word === 'et' && gapOk(normalized, last, n1, GROUP_GAP) ? after + 1 : after;
      const teenTok = tokens[joined];
      if (gapOk(normalized, tokens[joined - 1] as Token, teenTok, GROUP_GAP)) {
        const teen = frenchTeenAt(normalized, tokens, joined);
        if (teen !== undefined) return { digits: String(tens + teen.value), next: teen.next };
      }
    }
    if (n1 !== undefined && lang.joiners.has(n1.word) && gapOk(normalized, last, n1, GROUP_GAP)) {
      const u = unitOf(lang, tokens[after + 1]);
      if (u !== undefined && u > 0 && gapOk(normalized, n1, tokens[after + 1], GROUP_GAP))
        return { digits: String(tens + u), next: after + 2 };
    }
    const u = unitOf(lang, n1);
    if (u !== undefined && u > 0 && gapOk(normalized, last, n1, GROUP_GAP)) return { digits: String(tens + u), next: after + 1 };
    return { digits: String(tens), next: after };
  }
  if (code === 'fr') {
    const teen = frenchTeenAt(normalized, tokens, i);
    if (teen !== undefined) return { digits: String(teen.value), next: teen.next };
  }
  const teen = lang.teens[t.word];
  if (teen !== undefined) return { digits: String(teen), next: i + 1 };
  const compound = lang.compound?.(t.word);
  if (compound !== undefined) return { digits: String(compound), next: i + 1 };
  const unit = lang.units[t.word];
  if (unit !== undefined) return { digits: String(unit), next: i + 1 };
  return undefined;
}

/** French 10-19 at token i: "onze" … "seize", "dix", "dix-sept" / "dix huit" / "dix-neuf". Value 0-9 for dix…dix-neuf read as +10. */
function frenchTeenAt(normalized: string, tokens: readonly Token[], i: number): { value: number; next: number } | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  const lang = NUMBER_WORDS.fr;
  if (t.word === 'dix') {
    const u = unitOf(lang, tokens[i + 1]);
    if (u !== undefined && u >= 7 && gapOk(normalized, t, tokens[i + 1], GROUP_GAP)) return { value: 10 + u, next: i + 2 };
    return { value: 10, next: i + 1 };
  }
  const teen = lang.teens[t.word];
  return teen === undefined ? undefined : { value: teen, next: i + 1 };
}

/** Reads a run of number words of one language from token i: its digits and the token after it. */
function runAt(
  normalized: string,
  tokens: readonly Token[],
  i: number,
  code: SpokenLanguage,
): { digits: string; next: number; groups: number; cuts: Array<{ digits: string; next: number }> } | undefined {
  const lang = NUMBER_WORDS[code];
  const cuts: Array<{ digits: string; next: number }> = [];
  let digits = '';
  let groups = 0;
  let j = i;
  if (lang.plus.has((tokens[j] as Token).word) && gapOk(normalized, tokens[j] as Token, tokens[j + 1], RUN_GAP)) {
    digits = '+';
    j += 1;
  }
  while (j < tokens.length) {
    if (j > i && !gapOk(normalized, tokens[j - 1] as Token, tokens[j], RUN_GAP)) break;
    const t = tokens[j] as Token;
    const times = lang.repeats[t.word];
    if (times !== undefined) {
      if (!gapOk(normalized, t, tokens[j + 1], GROUP_GAP)) break;
      const g = groupAt(normalized, tokens, j + 1, code);
      if (g === undefined) break;
      digits += g.digits.repeat(times);
      groups += 1;
      j = g.next;
      cuts.push({ digits, next: j });
      continue;
    }
    const g = groupAt(normalized, tokens, j, code);
    if (g === undefined) break;
    digits += g.digits;
    groups += 1;
    j = g.next;
    cuts.push({ digits, next: j });
  }
  return groups === 0 ? undefined : { digits, next: j, groups, cuts };
}

/** Whether a phone word comes shortly before `start` in its sentence, and not as a reference's number. */
function introducedAsPhone(normalized: string, start: number): boolean {
  const from = Math.max(0, start - CUE_WINDOW);
  const window = normalized.slice(from, start);
  let cued = false;
  for (const m of window.matchAll(PHONE_CUE)) {
    const cueStart = from + m.index;
    if (SENTENCE_BREAK.test(normalized.slice(cueStart, start))) continue;
    if (REFERENCE_NOUN_BEFORE.test(normalized.slice(Math.max(0, cueStart - 24), cueStart))) continue;
    // "number of guests", "numéro de commande", "número de cliente": a count or a reference, not a phone.
    const gap = normalized.slice(cueStart + m[0].length, start);
    if (REFERENCE_AFTER_CUE.test(gap)) continue;
    // Review fix: a compound reference noun ("Bestellnummer", "klantnummer", "Kundenkonto", "trackcode").
    if (/\p{L}{3,}(?:nummer|nr|konto|code)(?![\p{L}])/u.test(gap.replace(/(?:telefon|handy|ruf|mobil|mobiel|telefoon|gsm)nummer/gu, '')))
      continue;
    // Review fix: the last label before the run ("the serial is", "IBAN:", "número de socio es") must be a phone word.
    let label: string | undefined;
    for (const l of gap.matchAll(LABEL_BEFORE_RUN)) label = l[1];
    if (label !== undefined && !PHONE_LABEL_OK.test(label)) continue;
    const noun = NUMBER_WORD_BEFORE_RUN.exec(normalized.slice(Math.max(0, cueStart - 24), start));
    if (noun !== null && !BEFORE_NUMBER_WORD_OK.test(noun[1] as string) && !PHONE_LABEL_OK.test(noun[1] as string)) continue;
    cued = true;
  }
  return cued;
}

/**
 * Runs of spoken number words introduced as a phone number, in every language, with their digits.
 * Overlapping runs of different languages keep the one with more digits. A shorter run after a
 * correction word replaces the end of the number ("… two two eight one no sorry two two eight nine").
 */
export function findSpokenPhoneRuns(normalized: string): SpokenPhoneRun[] {
  // Only words shortly after a phone word can start a run: most messages have none and cost one regex.
  const cueEnds = [...normalized.matchAll(PHONE_CUE)].map((m) => m.index + m[0].length);
  if (cueEnds.length === 0) return [];
  const tokens = tokensOf(normalized);
  const mayStart: boolean[] = [];
  let p = 0;
  for (const t of tokens) {
    while (p + 1 < cueEnds.length && (cueEnds[p + 1] as number) <= t.start) p += 1;
    const cueEnd = cueEnds[p] as number;
    mayStart.push(cueEnd <= t.start && t.start - cueEnd <= CUE_WINDOW);
  }
  const runs: SpokenPhoneRun[] = [];
  for (const code of Object.keys(NUMBER_WORDS) as SpokenLanguage[]) {
    let i = 0;
    while (i < tokens.length) {
      const run = mayStart[i] === true ? runAt(normalized, tokens, i, code) : undefined;
      if (run === undefined) {
        i += 1;
        continue;
      }
      const first = tokens[i] as Token;
      let digits = run.digits;
      let last = tokens[run.next - 1] as Token;
      let next = run.next;
      if (digits.replace('+', '').length >= MIN_SPOKEN_DIGITS && introducedAsPhone(normalized, first.start)) {
        // A correction of the number's last digits right after it.
        for (let k = next; k < Math.min(tokens.length, next + 8); k += 1) {
          if (!PARTIAL_CORRECTION.test(normalized.slice(last.end, (tokens[k] as Token).start))) continue;
          const fix = runAt(normalized, tokens, k, code);
          if (fix === undefined) continue;
          const n = fix.digits.length;
          if (fix.digits.replace('+', '').length >= MIN_SPOKEN_DIGITS) {
            // Review fix: the whole number said again replaces it (also when the first reading ran on longer).
            digits = fix.digits;
            last = tokens[fix.next - 1] as Token;
            next = fix.next;
          } else if (n >= 2 && n < digits.replace('+', '').length && !fix.digits.startsWith('+')) {
            digits = digits.slice(0, digits.length - n) + fix.digits;
            last = tokens[fix.next - 1] as Token;
            next = fix.next;
          }
          break;
        }
        let cuts = run.cuts;
        if (digits === run.digits && cuts.length >= 2 && COUNT_AFTER_RUN.test(normalized.slice(last.end, last.end + 24))) {
          // The run's last group counts the people or the times: the number ends before it.
          cuts = cuts.slice(0, -1);
          const cut = cuts[cuts.length - 1] as { digits: string; next: number };
          digits = cut.digits;
          last = tokens[cut.next - 1] as Token;
        }
        const prefixes =
          digits === run.digits || cuts !== run.cuts
            ? cuts
                .slice(0, -1)
                .reverse()
                .filter((c) => c.digits.replace('+', '').length >= MIN_SPOKEN_DIGITS)
                .map((c) => ({ digits: c.digits, end: (tokens[c.next - 1] as Token).end }))
            : [];
        runs.push({ start: first.start, end: last.end, digits, prefixes });
      }
      i = next;
    }
  }
  // Overlaps between languages ("nove" is Italian and Portuguese): the longer reading wins.
  runs.sort((a, b) => b.digits.length - a.digits.length || a.start - b.start);
  const kept: SpokenPhoneRun[] = [];
  for (const r of runs) if (!kept.some((k) => r.start < k.end && k.start < r.end)) kept.push(r);
  return kept.sort((a, b) => a.start - b.start);
}
