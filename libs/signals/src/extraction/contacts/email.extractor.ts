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

/** Finds email addresses; mixed case is folded to lower case ("JTurner88@Hotmail.com"). */
export function findEmailCandidates(text: string): EmailCandidate[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    value: m[0]
      .normalize('NFC')
      .replace(/\u2019/g, "'")
      .toLowerCase(),
  }));
}
