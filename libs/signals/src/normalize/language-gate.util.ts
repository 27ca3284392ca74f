/**
 * A cheap test of which of the six other languages a message may be written in, so the rules run
 * only those languages' patterns (and English's, always: mixed text is common). It errs towards
 * running a language: one of its common function words, or a letter with a diacritic that only it
 * uses, anywhere in the message turns it on; a short message runs every language (too few words to
 * tell, and cheap to scan anyway). A wrong "yes" costs only time; a wrong "no" could lose a
 * finding. The word lists leave out words that English shares ("die", "was", "con", "per", "come",
 * "hay", "van", "we", "is", "no", "do", "a", "e", "o", "met", "yo", "favor"). Runs on normalised
 * (lower-case) text, once per message, in one pass without allocating.
 */
export const GATED_LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl'] as const;
export type GatedLanguage = (typeof GATED_LANGUAGES)[number];

/** Every gated language on. */
export const ALL_LANGUAGES = (1 << GATED_LANGUAGES.length) - 1;

/** Messages shorter than this run every language's patterns. */
export const SHORT_MESSAGE = 48;

const bit = (lang: GatedLanguage): number => 1 << GATED_LANGUAGES.indexOf(lang);

/** Common function words per language (whole words), none of them an ordinary English word. */
const WORDS: Readonly<Record<GatedLanguage, string>> = {
  de: `und ist euer eure darf habt alles nicht nichts ich mit auf ein eine einen einem einer der das dem des sie wir es zu bitte kein keine keinen mein meine meinem meinen meiner haben habe hab hat sehr noch auch schon aber oder wie wo jetzt heute morgen gibt geht kann können muss mir mich uns ihr ihnen sind wird werden nach bei vom zum zur für über dass weil wenn doch hallo danke guten als seit unser unsere unseren hier gerade sofort`,
  fr: `le les et est bien qui dit je vous une des de du au aux il elle elles avec pour mon mes votre vos nous que qui ne pas sur très dans cette ces ou où si en tout tous rien comme quand chez suis sommes avez ont fait depuis encore aussi bonjour merci madame monsieur peux peut faut mais déjà toujours jamais personne`,
  es: `el los las es que de si mi se en del ha os cada cosa poco tarde estamos esta mes cuánto cuanto vais sobre sábado hace vuestro vuestra ante todo quiero puedo por para una mis está están estoy estamos muy pero lo su sus tengo tiene tenemos nos cuando donde dónde ahora hoy mañana gracias hola también porque necesito puede pueden usted ustedes esta este eso esto cómo qué sí bien señor señora nadie nada nunca ayer`,
  it: `il lo gli le è che qui di mi se del dal ho ha da mia nostro nostra sta sto stiamo siamo tutto tutti tutta sotto mentre dalla dallo verso prossimo secondo vuole fatto voi più poco dopo ogni cosa quello alle avete possiamo posso vorrei voglio deve senza quanto sei serve una sono abbiamo hai della dei delle nel nella sul sulla alla molto anche dove quando adesso oggi domani grazie ciao buongiorno vostro vostra mio miei questo questa ci si può potete sempre ancora già perché niente qualcuno subito ieri`,
  pt: `os não que de das se em na da posso nunca esta estamos tô tá tava pra vcs só dá dentro fora sobre olha sexta sábado fazem vem qual estava ou uns umas mais vou cada vosso vossa nosso nossa depois todo quero quanto funciona estão para uma meu minha está estou muito tem tenho por obrigado obrigada olá bom boa tarde noite nas ao pelo pela você vocês ele ela isso isto já também porque agora hoje amanhã preciso pode podem sem quando onde ontem nada ninguém`,
  nl: `de het een en na hij zij weer heeft echt dus eigenlijk iedereen alles staat wie niet ik je voor zijn heb hebben mijn geen wel ook nog maar naar bij kan kunnen moet wil jullie uw graag bedankt dank hallo vandaag morgen nu hier daar wat waar wanneer omdat als om te zo deze dit gisteren iemand`,
};

/**
 * Common English function words (none in the lists above). A long message with none of the other
 * languages' words runs English only when it has at least ENGLISH_EVIDENCE of these: a telegraphic
 * message in another language ("Gasgeruch im Treppenhaus, Nachbarn informiert, Techniker dringend")
 * has neither, and then runs every language.
 */
const ENGLISH_WORDS = `the and are to of my you your it its this that with have has had not can could would should will he she they them our at be been from there what just please about`;
/** English words a long message needs to skip the other languages when none of theirs is found. */
export const ENGLISH_EVIDENCE = 2;
const ENGLISH_BIT = 1 << GATED_LANGUAGES.length;

/** Letters with a diacritic, and which languages write them (an English "café" turns a few on: harmless). */
const LETTERS: Readonly<Record<string, readonly GatedLanguage[]>> = {
  ä: ['de'],
  ö: ['de', 'nl'],
  ü: ['de'],
  ß: ['de'],
  ñ: ['es'],
  '¿': ['es'],
  '¡': ['es'],
  ã: ['pt'],
  õ: ['pt'],
  ç: ['fr', 'pt'],
  â: ['fr', 'pt'],
  ê: ['fr', 'pt'],
  ô: ['fr', 'pt'],
  î: ['fr'],
  û: ['fr'],
  è: ['fr', 'it', 'nl'],
  ë: ['nl', 'fr'],
  ï: ['nl', 'fr'],
  à: ['fr', 'it', 'pt'],
  ù: ['fr', 'it'],
  ì: ['it'],
  ò: ['it'],
  é: ['fr', 'es', 'pt'],
  á: ['es', 'pt'],
  í: ['es', 'pt'],
  ó: ['es', 'pt', 'it'],
  ú: ['es', 'pt'],
};

/** French and Italian elisions ("j'ai", "c'est", "qu'il", "l'acqua", "dell'auto"), before a letter. */
const ELISIONS: Readonly<Record<string, readonly GatedLanguage[]>> = {
  "j'": ['fr'],
  "c'": ['fr'],
  "qu'": ['fr'],
  "n'": ['fr'],
  "s'": ['fr'],
  "d'": ['fr', 'it'],
  "l'": ['fr', 'it'],
  "dell'": ['it'],
  "dall'": ['it'],
  "nell'": ['it'],
  "sull'": ['it'],
  "all'": ['it'],
  "un'": ['it'],
};

const maskOf = (langs: readonly GatedLanguage[]): number => langs.reduce((m, l) => m | bit(l), 0);
const single = (mask: number): boolean => mask !== 0 && (mask & (mask - 1)) === 0;

// Words are looked up by a 32-bit FNV-1a hash of their char codes in an open-addressing table (no
// substring is made). A hash collision could only turn a language on: it costs time, never a finding.
const SLOTS = 4096;
const slotHash = new Int32Array(SLOTS);
const slotMask = new Uint8Array(SLOTS);
const FNV_OFFSET = 0x811c9dc5 | 0;
const step = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
/** Longest listed word or elision; longer words are not looked up. */
let longest = 0;

function hashOf(token: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i += 1) h = step(h, token.charCodeAt(i));
  return h;
}
function slotOf(h: number): number {
  let i = h & (SLOTS - 1);
  while (slotMask[i] !== 0 && slotHash[i] !== h) i = (i + 1) & (SLOTS - 1);
  return i;
}
function add(token: string, mask: number): void {
  const h = hashOf(token);
  const i = slotOf(h);
  slotHash[i] = h;
  slotMask[i] |= mask;
  longest = Math.max(longest, token.length);
}
for (const lang of GATED_LANGUAGES) for (const word of WORDS[lang].split(' ')) add(word, bit(lang));
for (const [elision, langs] of Object.entries(ELISIONS)) add(elision, maskOf(langs));
for (const word of ENGLISH_WORDS.split(' ')) add(word, ENGLISH_BIT);

/** Per char code 0-255: the languages of a letter with a diacritic ('¿' and '¡' included). */
const LETTER_MASK = new Uint8Array(256);
for (const [letter, langs] of Object.entries(LETTERS)) LETTER_MASK[letter.charCodeAt(0)] = maskOf(langs);

/** a-z, and the Latin-1 letters à-ÿ and ß (lower case). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/**
 * Bit mask over GATED_LANGUAGES of the languages `norm` (normalised text) may be in: every
 * language for a short message, or for a long one in which neither another language's words nor
 * ENGLISH_EVIDENCE English words are found (too little to tell); else what `languagesIn` finds.
 */
export function languageMask(norm: string): number {
  if (norm.length < SHORT_MESSAGE) return ALL_LANGUAGES;
  const mask = languagesIn(norm);
  return mask === 0 && englishHits < ENGLISH_EVIDENCE ? ALL_LANGUAGES : mask;
}

/**
 * The languages of `norm`, whatever its length, in one pass over its characters. Every listed word
 * or letter counts for each of its languages ("de" for French, Spanish, Portuguese and Dutch); a
 * language is on when its count is at least half the highest, or when two of its words that no
 * other list has occur. So a message in one language turns on that language (and a close one
 * sharing most of its words), an English message with a German sentence turns on German, and
 * the odd cognate in a French text ("bien", "mes") does not turn on Spanish.
 */
export function languagesIn(norm: string): number {
  score.fill(0);
  ownScore.fill(0);
  englishHits = 0;
  let h = FNV_OFFSET;
  let len = 0;
  const n = norm.length;
  for (let i = 0; i <= n; i += 1) {
    const c = i < n ? norm.charCodeAt(i) : 32;
    if (isLetter(c)) {
      h = step(h, c);
      len += 1;
      if (c >= 0xc0 && LETTER_MASK[c]) count(LETTER_MASK[c] as number);
      continue;
    }
    if (c === 0xbf || c === 0xa1) count(bit('es'));
    if (len === 0 || len > longest) {
      len = 0;
      h = FNV_OFFSET;
      continue;
    }
    // An elision ("j'ai", "dell'auto"): the word with its apostrophe, before a letter.
    const word = c === 39 && i + 1 < n && isLetter(norm.charCodeAt(i + 1)) ? step(h, 39) : h;
    const slot = slotOf(word);
    const found = slotHash[slot] === word ? (slotMask[slot] as number) : 0;
    if (found & ALL_LANGUAGES) count(found & ALL_LANGUAGES);
    if (found & ENGLISH_BIT) englishHits += 1;
    len = 0;
    h = FNV_OFFSET;
  }
  let top = 0;
  for (let l = 0; l < GATED_LANGUAGES.length; l += 1) top = Math.max(top, score[l] as number);
  let mask = 0;
  for (let l = 0; l < GATED_LANGUAGES.length; l += 1) {
    const hits = score[l] as number;
    if ((hits > 0 && hits * 2 >= top) || (ownScore[l] as number) >= 2) mask |= 1 << l;
  }
  return mask;
}

/** Hits per language in the current message: all of them, and those of words only it has. */
const score = new Int32Array(GATED_LANGUAGES.length);
const ownScore = new Int32Array(GATED_LANGUAGES.length);
/** English function words in the last message `languagesIn` read. */
let englishHits = 0;

/** Counts a word's or letter's hit for each of its languages. */
function count(mask: number): void {
  const own = single(mask);
  for (let l = 0; l < GATED_LANGUAGES.length; l += 1)
    if (mask & (1 << l)) {
      score[l] = (score[l] as number) + 1;
      if (own) ownScore[l] = (ownScore[l] as number) + 1;
    }
}

/** The languages of a mask, in GATED_LANGUAGES order. */
export function languagesOf(mask: number): GatedLanguage[] {
  return GATED_LANGUAGES.filter((l) => (mask & bit(l)) !== 0);
}
