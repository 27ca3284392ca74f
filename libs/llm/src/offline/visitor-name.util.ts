// The visitor's first name when they introduce themselves ("I'm Dave", "je m'appelle Marie"), so
// the offline responder can thank them by name. Only what it says depends on it: the contact's
// stored name comes from L1b extraction.

const NAME = String.raw`([\p{L}][\p{L}\p{M}'’-]{1,29})`;
// Phrases that can only introduce a name: the name may be written in lower case.
const STRONG_INTRO = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:my name is|my name's|name:|ich heiße|ich heisse|mein name ist|je m'appelle|je m’appelle|mon nom est|me llamo|mi nombre es|mi chiamo|il mio nome è|chamo-me|me chamo|meu nome é|ik heet|mijn naam is)\s+${NAME}`,
  'giu',
);
// Phrases that often precede other words ("I'm looking", "ich bin Kunde"): the name must be capitalised.
const WEAK_INTRO = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:i am|i'm|i’m|im|this is|ich bin|hier ist|je suis|moi c'est|moi c’est|soy|sono|sou|eu sou|ik ben|hier is)\s+${NAME}`,
  'giu',
);
// A letter signed off with a name ("Regards, Dave"; "Cheers, Dave" is as often a thank-you to staff).
const SIGN_OFF = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:regards|kind regards|best regards|best wishes|mit freundlichen grüßen|viele grüße|cordialement|saludos|un saludo|cordiali saluti|saluti|atenciosamente|cumprimentos|met vriendelijke groet|groetjes)[,\s]+${NAME}\s*$`,
  'iu',
);

// Capitalised words that follow "I'm" / "ich bin" / "je suis" and are not names.
const NOT_NAMES = new Set(
  `sorry not so very just looking interested here back fine good ok okay happy still also the a an in on at from available
  calling writing trying wondering going having getting afraid sure unsure new really totally currently living based
  located english british ready free home out away done glad tired worried concerned hoping after about on off no yes
  urgent desperate stuck waiting lost confused annoyed angry upset disappointed pleased thrilled delighted
  kunde kundin mieter mieterin interessiert sehr nicht auch noch gerade leider hier froh
  désolé désolée intéressé intéressée client cliente très pas aussi ici content contente urgent urgente
  interesado interesada cliente muy nuevo nueva aquí
  interessato interessata cliente molto nuovo nuova qui contento contenta
  interessado interessada cliente muito novo nova aqui
  geïnteresseerd klant erg niet ook hier blij nieuw nieuwe`
    .split(/\s+/)
    .filter(Boolean),
);

function asName(word: string, needsCapital: boolean): string | null {
  const clean = word.replace(/['’-]+$/, '');
  if (clean.length < 2) return null;
  if (NOT_NAMES.has(clean.toLowerCase())) return null;
  const capitalised = clean[0] !== clean[0].toLowerCase();
  if (needsCapital && !capitalised) return null;
  return capitalised ? clean : clean[0].toUpperCase() + clean.slice(1);
}

/** The name the visitor gives for themselves in `text`, or null; the last introduction wins. */
export function introducedName(text: string): string | null {
  const found: Array<{ at: number; name: string }> = [];
  for (const match of text.matchAll(STRONG_INTRO)) {
    const name = asName(match[1], false);
    if (name) found.push({ at: match.index, name });
  }
  for (const match of text.matchAll(WEAK_INTRO)) {
    const name = asName(match[1], true);
    if (name) found.push({ at: match.index, name });
  }
  const signed = SIGN_OFF.exec(text.trim());
  if (signed) {
    const name = asName(signed[1], true);
    if (name) found.push({ at: signed.index, name });
  }
  found.sort((a, b) => a.at - b.at);
  return found.at(-1)?.name ?? null;
}

/** The visitor's name as the conversation knows it: their latest introduction, else the returning contact's name. */
export function visitorName(message: string, earlierVisitorMessages: readonly string[], returningName: string | null): string | null {
  const own = introducedName(message);
  if (own) return own;
  for (let i = earlierVisitorMessages.length - 1; i >= 0; i--) {
    const name = introducedName(earlierVisitorMessages[i]);
    if (name) return name;
  }
  return returningName?.trim() ? returningName.trim().split(/\s+/)[0] : null;
}
