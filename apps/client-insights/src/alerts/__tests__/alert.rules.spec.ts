import { DEFAULT_ALERT_RULES, evaluateAlertRules, type AlertWindow } from '../alert.rules';

const window = (o: Partial<AlertWindow> = {}): AlertWindow => ({
  tenantName: "Bob's Plumbing",
  tone: 'friendly',
  handoffEnabled: true,
  site: null,
  current: { sessions: 10, escalatedSessions: 0, sentimentSum: 0, sentimentCount: 0 },
  previous: { sessions: 10, sentimentSum: 0, sentimentCount: 0 },
  unanswered: [],
  topTopics: [],
  ...o,
});
const rules = (w: AlertWindow) => evaluateAlertRules(w, DEFAULT_ALERT_RULES).map((b) => b.rule);

describe('L5 rules at their thresholds', () => {
  it('fires nothing for a steady week', () => {
    expect(evaluateAlertRules(window(), DEFAULT_ALERT_RULES)).toEqual([]);
  });

  it('usage: fires at exactly 50% down, not at 49%, and needs five sessions the week before', () => {
    expect(
      rules(
        window({
          previous: { sessions: 10, sentimentSum: 0, sentimentCount: 0 },
          current: { sessions: 5, escalatedSessions: 0, sentimentSum: 0, sentimentCount: 0 },
        }),
      ),
    ).toEqual(['usage_drop']);
    expect(
      rules(
        window({
          previous: { sessions: 100, sentimentSum: 0, sentimentCount: 0 },
          current: { sessions: 51, escalatedSessions: 0, sentimentSum: 0, sentimentCount: 0 },
        }),
      ),
    ).toEqual([]);
    expect(
      rules(
        window({
          previous: { sessions: 4, sentimentSum: 0, sentimentCount: 0 },
          current: { sessions: 0, escalatedSessions: 0, sentimentSum: 0, sentimentCount: 0 },
        }),
      ),
    ).toEqual([]);
  });

  it('usage: a silent week is critical and the suggestion names the site', () => {
    const [b] = evaluateAlertRules(
      window({ site: 'https://bob.example', current: { sessions: 0, escalatedSessions: 0, sentimentSum: 0, sentimentCount: 0 } }),
      DEFAULT_ALERT_RULES,
    );
    expect(b).toMatchObject({ rule: 'usage_drop', severity: 'critical', value: 100, threshold: 50 });
    expect(b.suggestion).toContain('https://bob.example');
  });

  it('escalation: over 15% fires, exactly 15% does not; with handoff on, the suggestion does not ask to enable it', () => {
    const at = (escalated: number, sessions: number) =>
      window({
        current: { sessions, escalatedSessions: escalated, sentimentSum: 0, sentimentCount: 0 },
        previous: { sessions, sentimentSum: 0, sentimentCount: 0 },
      });
    expect(rules(at(3, 20))).toEqual([]);
    const [b] = evaluateAlertRules(at(4, 20), DEFAULT_ALERT_RULES);
    expect(b).toMatchObject({ rule: 'escalation_rate', value: 0.2, severity: 'warning' });
    expect(b.suggestion).toBe("Add answers about the most common questions to Bob's Plumbing's knowledge so fewer visitors need a person.");
    expect(evaluateAlertRules(at(7, 20), DEFAULT_ALERT_RULES)[0].severity).toBe('critical');
    expect(rules(at(4, 4))).toEqual([]);
  });

  it('sentiment: compares positivity, so a fall from +0.5 to +0.2 (0.75 -> 0.6) is exactly 20% and fires', () => {
    const w = (before: number, after: number, n = 5) =>
      window({
        previous: { sessions: 10, sentimentSum: before * n, sentimentCount: n },
        current: { sessions: 10, escalatedSessions: 0, sentimentSum: after * n, sentimentCount: n },
      });
    expect(evaluateAlertRules(w(0.5, 0.2), DEFAULT_ALERT_RULES)).toEqual([expect.objectContaining({ rule: 'sentiment_drop', value: 20 })]);
    expect(rules(w(0.5, 0.21))).toEqual([]);
    // From -0.5 (0.25) to -0.7 (0.15): 40% down although the raw scores are both negative.
    expect(evaluateAlertRules(w(-0.5, -0.7), DEFAULT_ALERT_RULES)[0]).toMatchObject({ rule: 'sentiment_drop', value: 40 });
    expect(rules(w(0.5, -0.5, 4))).toEqual([]);
  });

  it('unanswered: one alert per question asked five times or more', () => {
    const found = evaluateAlertRules(
      window({
        unanswered: [
          { question: 'gas safety certificate', count: 6 },
          { question: 'parking', count: 5 },
          { question: 'weekend rates', count: 4 },
        ],
      }),
      DEFAULT_ALERT_RULES,
    );
    expect(found.map((b) => [b.subject, b.value])).toEqual([
      ['gas safety certificate', 6],
      ['parking', 5],
    ]);
  });
});
