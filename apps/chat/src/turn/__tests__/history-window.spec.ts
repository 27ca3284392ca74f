import type { ConversationMessage } from '@parley/llm';
import { estimateTokens, historyWindow } from '../history-window.util';

const msg = (role: ConversationMessage['role'], chars: number): ConversationMessage => ({ role, content: 'x'.repeat(chars) });

describe('historyWindow', () => {
  it('keeps the newest messages that fit the budget, oldest first', () => {
    const newestFirst = [msg('assistant', 40), msg('user', 40), msg('assistant', 40), msg('user', 40)];
    const each = estimateTokens('x'.repeat(40));
    const window = historyWindow(newestFirst, each * 2 + 1);
    expect(window).toEqual([newestFirst[1], newestFirst[0]]);
  });

  it('stops at the first message that does not fit rather than skipping it', () => {
    const newestFirst = [msg('assistant', 40), msg('user', 4000), msg('assistant', 4)];
    expect(historyWindow(newestFirst, 100)).toEqual([newestFirst[0]]);
  });

  it('is empty with a zero budget or no history', () => {
    expect(historyWindow([msg('user', 4)], 0)).toEqual([]);
    expect(historyWindow([], 2000)).toEqual([]);
  });
});
