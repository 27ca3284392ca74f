import type { Evidence } from '../signal.types';

export function evidenceOf(text: string, start: number, end: number): Evidence {
  return { start, end, text: text.slice(start, end) };
}

/** Start of the sentence holding `index`: after the last . ! ? ; or newline before it. */
export function sentenceStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === '!' || ch === '?' || ch === ';') return i + 1;
    // A full stop ends a sentence only when followed by a space (not "9.30", "j.smith").
    if (ch === '.' && /\s/.test(text[i + 1] ?? '')) return i + 1;
  }
  return 0;
}

/** Start of the clause holding `index`: like sentenceStart, also breaking at commas and dashes. */
export function clauseStart(text: string, index: number): number {
  const sentence = sentenceStart(text, index);
  for (let i = index - 1; i >= sentence; i -= 1) {
    const ch = text[i] as string;
    if (ch === ',' || ch === '(' || (ch === '-' && text[i - 1] === ' ' && text[i + 1] === ' ')) return i + 1;
  }
  return sentence;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
