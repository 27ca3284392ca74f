import type { AlertSeverity, InsightAlertRule } from '@parley/contracts';
import { pct, round } from '../shared/numbers.util';

/**
 * L5 thresholds. Defaults below; INSIGHTS_ALERT_RULES (JSON, any subset of these keys)
 * overrides them per deployment. Every rule compares the last 7 days (UTC hours, the one in
 * progress included) with the 7 days before.
 */
export interface AlertRules {
  /** Sentiment down by this percentage week on week (on the 0..1 positivity scale, see below). */
  sentimentDropPct: number;
  /** Escalation rate (escalated sessions / sessions) above this. */
  escalationRate: number;
  /** The same unanswered question at least this many times in the window. */
  unansweredRepeats: number;
  /** Sessions down by this percentage week on week. */
  usageDropPct: number;
  /** Rate rules need at least this many sessions (or sentiment samples) in each window compared. */
  minSessions: number;
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  sentimentDropPct: 20,
  escalationRate: 0.15,
  unansweredRepeats: 5,
  usageDropPct: 50,
  minSessions: 5,
};

/** One tenant's two windows, as rule inputs. */
export interface AlertWindow {
  tenantName: string;
  tone: string;
  handoffEnabled: boolean;
  /** Where the widget should be (the first allowed origin), for the usage suggestion. */
  site: string | null;
  current: { sessions: number; escalatedSessions: number; sentimentSum: number; sentimentCount: number };
  previous: { sessions: number; sentimentSum: number; sentimentCount: number };
  /** Unmet-need mentions in the current window, by normalised question. */
  unanswered: Array<{ question: string; count: number }>;
  /** The current window's most mentioned topics, most first. */
  topTopics: string[];
}

export interface Breach {
  rule: InsightAlertRule;
  /** '' for rate rules; the question for unanswered_question. */
  subject: string;
  severity: AlertSeverity;
  metric: string;
  value: number;
  threshold: number;
  comparator: 'gt' | 'gte' | 'lt' | 'lte';
  title: string;
  suggestion: string;
  details: Record<string, number | string>;
}

/** Average sentiment (-1..1) as positivity 0..1, so "down 20%" means the same on either side of zero. */
const positivity = (sum: number, count: number) => (sum / count + 1) / 2;

function topicsPhrase(topics: string[]): string {
  return topics.length === 0
    ? 'the most common questions'
    : topics
        .slice(0, 3)
        .map((t) => `"${t}"`)
        .join(', ');
}

/** Which rules the windows breach, each with a concrete suggestion. Pure. */
export function evaluateAlertRules(w: AlertWindow, rules: AlertRules): Breach[] {
  const breaches: Breach[] = [];
  const name = w.tenantName;

  if (w.previous.sessions >= rules.minSessions) {
    const dropPct = round(((w.previous.sessions - w.current.sessions) / w.previous.sessions) * 100, 2);
    if (dropPct >= rules.usageDropPct) {
      breaches.push({
        rule: 'usage_drop',
        subject: '',
        severity: w.current.sessions === 0 ? 'critical' : 'warning',
        metric: 'sessions_drop_pct',
        value: dropPct,
        threshold: rules.usageDropPct,
        comparator: 'gte',
        title: `${name}: conversations down ${Math.round(dropPct)}% week on week (${w.previous.sessions} → ${w.current.sessions})`,
        suggestion: `Check that the chat widget is still live on ${w.site ?? "the tenant's site"} and its API key still works, then contact ${name}: conversations fell from ${w.previous.sessions} to ${w.current.sessions} in a week.`,
        details: { previousSessions: w.previous.sessions, sessions: w.current.sessions },
      });
    }
  }

  if (w.current.sessions >= rules.minSessions) {
    const rate = round(w.current.escalatedSessions / w.current.sessions, 4);
    if (rate > rules.escalationRate) {
      breaches.push({
        rule: 'escalation_rate',
        subject: '',
        severity: rate > 2 * rules.escalationRate ? 'critical' : 'warning',
        metric: 'escalation_rate',
        value: rate,
        threshold: rules.escalationRate,
        comparator: 'gt',
        title: `${name}: ${pct(rate)} of conversations asked for a person (over ${pct(rules.escalationRate)})`,
        suggestion:
          `Add answers about ${topicsPhrase(w.topTopics)} to ${name}'s knowledge so fewer visitors need a person` +
          (w.handoffEnabled ? '.' : `, and enable human handoff so ${name}'s staff can take over when they do.`),
        details: { escalatedSessions: w.current.escalatedSessions, sessions: w.current.sessions },
      });
    }
  }

  if (w.current.sentimentCount >= rules.minSessions && w.previous.sentimentCount >= rules.minSessions) {
    const before = positivity(w.previous.sentimentSum, w.previous.sentimentCount);
    const now = positivity(w.current.sentimentSum, w.current.sentimentCount);
    const dropPct = before === 0 ? 0 : round(((before - now) / before) * 100, 2);
    if (dropPct >= rules.sentimentDropPct) {
      breaches.push({
        rule: 'sentiment_drop',
        subject: '',
        severity: 'warning',
        metric: 'sentiment_drop_pct',
        value: dropPct,
        threshold: rules.sentimentDropPct,
        comparator: 'gte',
        title: `${name}: customer sentiment down ${Math.round(dropPct)}% week on week`,
        suggestion: `Read ${name}'s recent conversations about ${topicsPhrase(w.topTopics)}: add the answers customers were missing to its knowledge and check the ${w.tone} tone suits them.`,
        details: {
          sentimentAverage: round(w.current.sentimentSum / w.current.sentimentCount, 4),
          previousSentimentAverage: round(w.previous.sentimentSum / w.previous.sentimentCount, 4),
        },
      });
    }
  }

  for (const { question, count } of w.unanswered) {
    if (count < rules.unansweredRepeats) continue;
    breaches.push({
      rule: 'unanswered_question',
      subject: question,
      severity: 'warning',
      metric: 'unanswered_question_count',
      value: count,
      threshold: rules.unansweredRepeats,
      comparator: 'gte',
      title: `${name}: asked ${count} times about "${question}" with no answer`.slice(0, 200),
      suggestion: `Add an FAQ about "${question}" to ${name}'s knowledge: visitors asked ${count} times in the last 7 days and the bot could not answer.`,
      details: { question, count },
    });
  }
  return breaches;
}
