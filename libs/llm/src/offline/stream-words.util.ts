import { setImmediate as nextTurn } from 'node:timers/promises';

/** Splits text into word tokens, each with the whitespace before it, so joining them gives the text back. */
export function wordTokens(text: string): string[] {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const rest = text.slice(tokens.join('').length);
  if (rest.length > 0) {
    if (tokens.length === 0) return [rest];
    tokens[tokens.length - 1] += rest;
  }
  return tokens;
}

/**
 * Emits `text` word by word, yielding to the event loop between words so a stream is a stream
 * (other turns run, a disconnect is seen). Stops at the first word after `signal` aborts and
 * returns what was emitted.
 */
export async function streamWords(
  text: string,
  signal: AbortSignal,
  onToken: (token: string) => void,
): Promise<{ emitted: string; cancelled: boolean }> {
  let emitted = '';
  for (const token of wordTokens(text)) {
    if (signal.aborted) return { emitted, cancelled: true };
    onToken(token);
    emitted += token;
    await nextTurn();
  }
  return { emitted, cancelled: false };
}
