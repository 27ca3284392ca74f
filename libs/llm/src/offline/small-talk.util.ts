import { words } from './text-terms.util';

export type SmallTalk = 'hello' | 'thanks' | 'bye';

const HELLO = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'morning', 'afternoon', 'evening', 'greetings']);
const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'ta', 'appreciated', 'appreciate', 'great', 'perfect', 'brilliant', 'awesome', 'lovely', 'cool', 'nice', 'helpful', 'ok', 'okay', 'fab', 'fantastic', 'excellent', 'wonderful']);
const BYE = new Set(['bye', 'goodbye', 'cya', 'later', 'farewell', 'goodnight']);
const FILLER = new Set(['good', 'there', 'you', 'so', 'very', 'much', 'a', 'lot', 'all', 'that', "that's", 'thats', 'is', 'was', 'for', 'the', 'help', 'your', 'again', 'see', 'and', 'oh', 'many', 'really', 'to', 'team', 'everyone']);

/**
 * Recognises a message that is only a greeting, thanks or goodbye ("hi", "thanks!",
 * "ok great, bye"): every word is one of those or a filler word. Anything else is a question.
 */
export function detectSmallTalk(message: string): SmallTalk | null {
  const all = words(message).map((w) => w.replace(/’/g, "'"));
  if (all.length === 0 || all.length > 8) return null;
  let kind: SmallTalk | null = null;
  let hasHello = false;
  for (const word of all) {
    if (BYE.has(word)) kind = 'bye';
    else if (THANKS.has(word)) kind = kind === 'bye' ? 'bye' : 'thanks';
    else if (HELLO.has(word)) hasHello = true;
    else if (!FILLER.has(word)) return null;
  }
  return kind ?? (hasHello ? 'hello' : null);
}
