import { words } from './text-terms.util';

/** The languages the offline responder speaks its own lines in (the tenant's knowledge is said as written). */
export const OFFLINE_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'] as const;
export type OfflineLanguage = (typeof OFFLINE_LANGUAGES)[number];

// Frequent function words and chat words of each language. A word in several lists counts for
// each; the "strong" words (rarely seen in the other six) count double.
const COMMON: Record<OfflineLanguage, string> = {
  en: `the is are you your i i'm im my me we our do does can could would what how when where why which who and to of for
    have has with this that it it's please thanks thank hi hello hey there would like want need book call am was be not`,
  de: `ich und der die das ist sind sie ihr ihre ihnen mein meine meinen mir mich wir uns nicht mit ein eine einen für auf
    wie was wann wo warum welche haben habe hat gibt es bitte danke hallo können kann könnten möchte möchten würde heute
    morgen termin guten tag vielen dank schon noch auch aber oder zu von bei`,
  fr: `je j'ai moi et le la les est vous votre vos pas avec un une mon ma mes nous pour sur comment quand où pourquoi quel
    quelle combien qui que merci bonjour bonsoir salut s'il plaît voudrais suis c'est des du au ce rendez pouvez peux
    m'appelle aujourd'hui demain ou mais aussi très`,
  es: `yo y el la los las es usted ustedes no con un una mi mis su sus para por como cómo qué cuándo dónde cuánto hay tienen
    puede pueden puedo quiero quisiera gracias hola buenos buenas días me del muy está soy llamo cita mañana hoy pero también`,
  it: `io e il lo gli le è lei non con un una mio mia suo sua per come cosa quando dove perché quanto quale avete potete
    può posso vorrei grazie ciao buongiorno buonasera mi del della sono chiamo c'è oggi domani anche ma molto`,
  pt: `eu e o a os as é você vocês não com um uma meu minha seu sua para por como que quando onde quanto qual têm tem pode
    podem posso quero gostaria obrigado obrigada olá oi bom boa dia me do da sou chamo hoje amanhã mas também muito`,
  nl: `ik en de het een is u je jij niet met mijn uw jullie wij we voor op hoe wat wanneer waar waarom welke hoeveel er zijn
    heb hebben kan kunnen kunt graag wil bedankt dank hallo hoi goedemorgen alstublieft naam ben mij me vandaag morgen
    maar ook heel`,
};

const STRONG: Record<OfflineLanguage, string> = {
  en: `the you your i i'm my what how when where why which thanks thank please hello would`,
  de: `ich und nicht bitte danke sie ihnen können möchte guten vielen gibt`,
  fr: `je j'ai vous votre nous merci bonjour s'il plaît voudrais suis c'est pouvez`,
  es: `yo usted gracias hola quiero quisiera cuándo dónde cómo qué buenos puedo`,
  it: `io grazie ciao buongiorno vorrei sono potete avete perché cosa della`,
  pt: `eu você vocês não obrigado obrigada olá gostaria tem têm minha`,
  nl: `ik het niet jullie bedankt graag wij kunnen hoeveel wanneer waar`,
};

// Letters that only some of the seven languages write.
const LETTER_HINTS: ReadonlyArray<[RegExp, OfflineLanguage]> = [
  [/ß/, 'de'],
  [/[ñ¿¡]/, 'es'],
  [/[ãõ]/, 'pt'],
  [/[œ]/, 'fr'],
  [/ij\b/, 'nl'],
];

const wordSets = (source: Record<OfflineLanguage, string>) =>
  Object.fromEntries(OFFLINE_LANGUAGES.map((lang) => [lang, new Set(source[lang].split(/\s+/).filter(Boolean))])) as Record<
    OfflineLanguage,
    Set<string>
  >;
const COMMON_WORDS = wordSets(COMMON);
const STRONG_WORDS = wordSets(STRONG);

/**
 * The language of a visitor's message by counting function words (no model, no I/O), or null
 * when the message gives no evidence (a phone number, "ok"). Ties go to English, then to the
 * order of OFFLINE_LANGUAGES. Cheap and rough on purpose: it picks the language of a few short
 * replies, not of documents.
 */
export function detectLanguage(text: string): OfflineLanguage | null {
  const all = words(text).map((w) => w.replace(/’/g, "'"));
  const scores = new Map<OfflineLanguage, number>(OFFLINE_LANGUAGES.map((lang) => [lang, 0]));
  for (const word of all) {
    for (const lang of OFFLINE_LANGUAGES) {
      if (COMMON_WORDS[lang].has(word)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
      if (STRONG_WORDS[lang].has(word)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
    }
  }
  const lower = text.toLowerCase();
  for (const [pattern, lang] of LETTER_HINTS) if (pattern.test(lower)) scores.set(lang, (scores.get(lang) ?? 0) + 2);
  let best: OfflineLanguage | null = null;
  let bestScore = 0;
  for (const lang of OFFLINE_LANGUAGES) {
    const score = scores.get(lang) ?? 0;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}

/** The language of the current message, else of the visitor's latest earlier message that shows one, else English. */
export function conversationLanguage(message: string, earlierVisitorMessages: readonly string[]): OfflineLanguage {
  const own = detectLanguage(message);
  if (own) return own;
  for (let i = earlierVisitorMessages.length - 1; i >= 0; i--) {
    const lang = detectLanguage(earlierVisitorMessages[i]);
    if (lang) return lang;
  }
  return 'en';
}
