import { DEFAULT_MODEL_PRICES } from '../../shared/model-prices.util';
import { changedDays, foldUsage } from '../usage-fold.calculator';

const msg = (day: string, provider: string, model: string, messages: number, tokensIn = 0, tokensOut = 0) => ({
  day,
  provider,
  model,
  messages,
  tokensIn,
  tokensOut,
});

describe('foldUsage', () => {
  it('writes one row per day, provider and model with its cost, and the sessions on the day\'s ("", "") row', () => {
    const rows = foldUsage(
      [
        msg('2026-04-02', 'openai', 'gpt-4o', 3, 1_000_000, 100_000),
        msg('2026-04-02', '', '', 3),
        msg('2026-04-01', 'offline', 'retrieval', 2, 500, 80),
      ],
      [
        { day: '2026-04-02', sessions: 2 },
        { day: '2026-04-01', sessions: 1 },
      ],
      DEFAULT_MODEL_PRICES,
    );
    expect(rows).toEqual([
      { day: '2026-04-01', provider: '', model: '', messages: 0, sessions: 1, tokensIn: 0, tokensOut: 0, costUsd: 0 },
      { day: '2026-04-01', provider: 'offline', model: 'retrieval', messages: 2, sessions: 0, tokensIn: 500, tokensOut: 80, costUsd: 0 },
      { day: '2026-04-02', provider: '', model: '', messages: 3, sessions: 2, tokensIn: 0, tokensOut: 0, costUsd: 0 },
      // 1M in at 2.5 + 100k out at 10 per 1M tokens
      {
        day: '2026-04-02',
        provider: 'openai',
        model: 'gpt-4o',
        messages: 3,
        sessions: 0,
        tokensIn: 1_000_000,
        tokensOut: 100_000,
        costUsd: 3.5,
      },
    ]);
  });

  it('leaves out the skipped (sealed) days and days with nothing', () => {
    const rows = foldUsage(
      [msg('2026-04-01', 'openai', 'gpt-4o-mini', 2, 10, 10), msg('2026-04-02', 'openai', 'gpt-4o-mini', 2, 10, 10)],
      [
        { day: '2026-04-01', sessions: 1 },
        { day: '2026-04-03', sessions: 0 },
      ],
      DEFAULT_MODEL_PRICES,
      new Set(['2026-04-01']),
    );
    expect(rows.map((r) => [r.day, r.provider])).toEqual([['2026-04-02', 'openai']]);
  });

  it('costs an unknown model at 0 but keeps its tokens', () => {
    const [row] = foldUsage([msg('2026-04-01', 'openai', 'some-new-model', 1, 100, 100)], [], DEFAULT_MODEL_PRICES);
    expect(row).toMatchObject({ tokensIn: 100, tokensOut: 100, costUsd: 0 });
  });
});

describe('changedDays', () => {
  const row = (day: string, provider: string, messages: number) => ({
    day,
    provider,
    model: provider ? 'm' : '',
    messages,
    sessions: 0,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
  });

  it('names the days with a row added, removed or changed, and no other', () => {
    const current = [row('2026-04-01', '', 2), row('2026-04-01', 'openai', 2), row('2026-04-02', '', 1), row('2026-04-03', '', 5)];
    const next = [row('2026-04-01', '', 2), row('2026-04-01', 'openai', 2), row('2026-04-02', '', 2), row('2026-04-04', '', 1)];
    expect([...changedDays(current, next)].sort()).toEqual(['2026-04-02', '2026-04-03', '2026-04-04']);
    expect(changedDays(next, next).size).toBe(0);
  });
});
