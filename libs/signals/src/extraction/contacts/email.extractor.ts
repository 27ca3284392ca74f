export interface EmailCandidate {
  start: number;
  end: number;
  /** Lower case. */
  value: string;
}

// Local part: letters, digits and _ % + -, joined by single dots or apostrophes (Mike.O'Neill@…),
// never leading or trailing; domain: labels and a TLD.
const EMAIL =
  /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-]+(?:['\u2019.][\p{L}\p{N}_%+\-]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?)*\.\p{L}{2,24}\b/gu;

// Spelled-out addresses ("declan dot walsh at example dot com", "anna.schmitt(at)example.com",
// "pablo punto ruiz arroba example punto com", "julien point martin arobase example point com").
// "at" and "dot" in the seven languages; a bracketed word ("(at)", "[dot]") or one of the
// unambiguous words (arroba, arobase, chiocciola, apenstaartje, Klammeraffe) marks an address on
// its own, while a bare "at" (an everyday word) needs a spelled-out dot in the domain as well, so
// "saw your ad at gumtree.com" stays a sentence. The top-level domain must be a known one.
const AT_WORDS = 'at|arroba|arobase|chiocciola|apenstaartje|klammeraffe';
const STRONG_AT_WORDS = new Set(['arroba', 'arobase', 'chiocciola', 'apenstaartje', 'klammeraffe']);
const DOT_WORDS = 'dot|punto|point|punkt|ponto|punt';
const TLDS =
  'com|net|org|info|biz|io|co|me|eu|edu|gov|uk|ie|us|ca|au|nz|za|in|sg|de|at|ch|li|lu|fr|be|es|mx|ar|cl|pe|uy|it|pt|br|nl|dk|se|no|fi|pl|cz|app|dev|online|shop';
const BRACKETED = (words: string) => `\\s*[([{<]\\s*(?:${words})\\s*[)\\]}>]\\s*`;
const AT_SEP = `(?:${BRACKETED(`${AT_WORDS}|@`)}|\\s+(?:${AT_WORDS})\\s+|\\s*@\\s*)`;
const DOT_SEP = `(?:${BRACKETED(`${DOT_WORDS}|\\.`)}|\\s+(?:${DOT_WORDS})\\s+|\\.)`;
const TOKEN = '[\\p{L}\\p{N}_%+\\-]+';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?';
const SPELLED = new RegExp(
  `(?<![\\p{L}\\p{N}._%+\\-@])(${TOKEN}(?:(?:${DOT_SEP}|_)${TOKEN})*)(${AT_SEP})(${LABEL}(?:${DOT_SEP}${LABEL})*)(${DOT_SEP})(${TLDS})(?![\\p{L}\\p{N}])`,
  'giu',
);
const WORDED_DOT = new RegExp(`(?:${BRACKETED(DOT_WORDS)}|\\s+(?:${DOT_WORDS})\\s+)`, 'iu');
const BRACKETED_AT = new RegExp(BRACKETED(`${AT_WORDS}|@`), 'iu');
const DOT_SEP_ALL = new RegExp(DOT_SEP, 'giu');
// "m hale 77 at example dot com, all one word": the local part was spoken as separate words.
const ONE_WORD =
  /\b(?:all one word|one word|no spaces|todo junto|tout attach[ée]|alles zusammen(?:geschrieben)?|tutto attaccato|tudo junto|aan elkaar)\b/iu;
// Words that end a sentence's subject before an everyday "at" ("we are at home dot com" is not an address).
const BARE_AT_STOP = new Set([
  'are',
  'is',
  'am',
  'be',
  'we',
  'i',
  'you',
  'they',
  'he',
  'she',
  'it',
  'was',
  'were',
  'me',
  'us',
  'them',
  'here',
  'there',
  'look',
  'meet',
  'see',
  'stay',
  'home',
  'work',
  'arrive',
  'arrived',
  'him',
  'her',
]);
const LOCAL_STOP = new Set([
  'at',
  'is',
  'me',
  'on',
  'to',
  'email',
  'e-mail',
  'mail',
  'address',
  'my',
  'es',
  'est',
  'ist',
  'é',
  'è',
  'a',
  'al',
  'à',
]);

function joined(spelled: string): string {
  return spelled.replace(DOT_SEP_ALL, '.');
}

function spelledEmails(text: string): EmailCandidate[] {
  const out: EmailCandidate[] = [];
  const oneWord = ONE_WORD.test(text);
  for (const m of text.matchAll(SPELLED)) {
    const [whole, local = '', at = '', domain = '', lastDot = '', tld = ''] = m;
    const atWord = at
      .trim()
      .replace(/[()[\]{}<>\s]/g, '')
      .toLowerCase();
    const spelledDot = WORDED_DOT.test(`${local} `) || WORDED_DOT.test(` ${domain}${lastDot}`);
    const strongAt = BRACKETED_AT.test(at) || STRONG_AT_WORDS.has(atWord);
    if (!strongAt && !spelledDot) continue; // a plain address is EMAIL's; "ad at gumtree.com" is a sentence
    if (!strongAt && BARE_AT_STOP.has(local.toLowerCase())) continue;
    let start = m.index;
    let localPart = joined(local);
    if (oneWord) {
      // Take up to three spoken words before the local part ("m hale 77") until a stop word.
      const before = text.slice(0, start).split(/\s+/).filter(Boolean);
      const words: string[] = [];
      for (let i = before.length - 1; i >= 0 && words.length < 3; i -= 1) {
        const w = before[i] as string;
        if (!/^[\p{L}\p{N}_%+-]+$/u.test(w) || LOCAL_STOP.has(w.toLowerCase())) break;
        words.unshift(w);
      }
      if (words.length > 0) {
        start = text.lastIndexOf(words[0] as string, start);
        localPart = `${words.join('')}${localPart}`;
      }
    }
    const value = `${localPart}@${joined(domain)}.${tld}`.normalize('NFC').toLowerCase();
    out.push({ start, end: m.index + whole.length, value });
  }
  return out;
}

/**
 * Finds email addresses, written plainly or spelled out; mixed case is folded to lower case
 * ("JTurner88@Hotmail.com").
 */
export function findEmailCandidates(text: string): EmailCandidate[] {
  const plain = [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    value: m[0]
      .normalize('NFC')
      .replace(/\u2019/g, "'")
      .toLowerCase(),
  }));
  const spelled = spelledEmails(text).filter((s) => !plain.some((p) => s.start < p.end && p.start < s.end));
  return [...plain, ...spelled].sort((a, b) => a.start - b.start);
}
