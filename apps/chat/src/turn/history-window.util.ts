import type { ConversationMessage } from '@parley/llm';

/** A rough token count (~4 characters a token, plus a few tokens of per-message overhead). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4) + 4;
}

/**
 * The newest messages that fit in `budget` tokens, oldest first. `newestFirst` is the
 * session's recent history, newest first; a message that does not fit ends the window (a
 * window never skips a message to fit an older one).
 */
export function historyWindow(newestFirst: readonly ConversationMessage[], budget: number): ConversationMessage[] {
  const window: ConversationMessage[] = [];
  let used = 0;
  for (const message of newestFirst) {
    const cost = estimateTokens(message.content);
    if (used + cost > budget) break;
    used += cost;
    window.push(message);
  }
  return window.reverse();
}
