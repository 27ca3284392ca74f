import { words } from './text-terms.util';

export type SmallTalk = 'hello' | 'thanks' | 'bye';

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

// English, German, French, Spanish, Italian, Portuguese and Dutch.
export const HELLO_WORDS = set(`hi hello hey hiya howdy yo morning afternoon evening greetings
  hallo moin servus grüß gruß gruezi grüezi bonjour salut bonsoir coucou hola buenas buongiorno buonasera salve ciao olá ola oi
  hoi goedemorgen goedemiddag goedenavond`);
export const THANKS_WORDS =
  set(`thanks thank thx ty cheers ta appreciated appreciate great perfect brilliant awesome lovely cool nice helpful
  ok okay fab fantastic excellent wonderful
  danke dankeschön vielen dank super prima toll perfekt klasse merci parfait génial genial excellent gracias perfecto estupendo
  grazie perfetto ottimo benissimo obrigado obrigada perfeito ótimo otimo bedankt dank dankjewel dankuwel bedankt geweldig mooi top`);
export const BYE_WORDS = set(`bye goodbye cya later farewell goodnight
  tschüss tschüs wiedersehen wiederhören revoir adieu adiós adios chao luego arrivederci tchau adeus ziens doei`);
const FILLER =
  set(`good there you so very much a lot all that that's thats is was for the your again see and oh many really to team everyone
  help service job work stuff chat info information answer answers
  guten tag schön schönen sehr für die hilfe noch einen ihnen dir euch alle mal und auf
  beaucoup pour votre vos aide à tous bonne journée soirée et très vous toi au mille
  muchas muchos por su tu ayuda muy buenos días tardes noches todo todos y hasta
  tante per il suo tuo aiuto molto buona giornata serata tutti e
  muito muita pela pelo sua ajuda bom boa dia tarde noite até logo mais
  wel je u voor de hulp heel erg goede dag iedereen en tot zo straks hartelijk`);

/** A word that is part of a greeting, thanks or goodbye. */
export function smallTalkKind(word: string): SmallTalk | null {
  if (BYE_WORDS.has(word)) return 'bye';
  if (THANKS_WORDS.has(word)) return 'thanks';
  if (HELLO_WORDS.has(word)) return 'hello';
  return null;
}

export function isSmallTalkFiller(word: string): boolean {
  return FILLER.has(word);
}

/**
 * Recognises a message that is only a greeting, thanks or goodbye ("hi", "thanks!",
 * "ok great, bye", "vielen Dank!", "muchas gracias"): every word is one of those or a filler
 * word. Anything else is not small talk.
 */
export function detectSmallTalk(message: string): SmallTalk | null {
  const all = words(message).map((w) => w.replace(/’/g, "'"));
  if (all.length === 0 || all.length > 8) return null;
  let kind: SmallTalk | null = null;
  let hasHello = false;
  for (const word of all) {
    const of = smallTalkKind(word);
    if (of === 'bye') kind = 'bye';
    else if (of === 'thanks') kind = kind === 'bye' ? 'bye' : 'thanks';
    else if (of === 'hello') hasHello = true;
    else if (!FILLER.has(word)) return null;
  }
  return kind ?? (hasHello ? 'hello' : null);
}
