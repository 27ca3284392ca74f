import type { ChurnRisk, PortfolioTenant, TenantHealth } from '@parley/contracts';
import { pct, round } from '../shared/numbers.util';
import type { PortfolioRules } from './portfolio.rules';

/**
 * Usage against the tenant's own trend: the mean sessions of the previous `trendPeriods`
 * periods, pro rata for a period still in progress (`elapsed` = fraction gone). Unknown
 * without history (trend under one session) or in the first tenth of a period.
 */
export function churnOf(sessions: number, history: number[], elapsed: number, rules: PortfolioRules): PortfolioTenant['churn'] {
  const trendSessions = round(history.reduce((a, b) => a + b, 0) / Math.max(1, history.length), 2);
  if (trendSessions < 1 || elapsed < 0.1) return { risk: 'unknown', trendSessions, ratio: null };
  const ratio = round(sessions / (trendSessions * elapsed), 4);
  const risk: ChurnRisk = ratio <= rules.churnHigh ? 'high' : ratio <= rules.churnMedium ? 'medium' : 'low';
  return { risk, trendSessions, ratio };
}

/**
 * Red / amber / green with the reasons, worst first. Rates are judged only with at least
 * `minSessions` sessions in the period; churn and a silent tenant are judged always.
 */
export function healthOf(
  t: Pick<
    PortfolioTenant,
    | 'sessions'
    | 'kind'
    | 'conversionRate'
    | 'escalationRate'
    | 'resolutionRate'
    | 'sentimentAverage'
    | 'feedbackScore'
    | 'churn'
    | 'activeAlerts'
    | 'benchmark'
  >,
  kindConversion: number | null,
  rules: PortfolioRules,
): { health: TenantHealth; reasons: string[] } {
  const red: string[] = [];
  const amber: string[] = [];
  if (t.churn.risk === 'high')
    red.push(`usage at ${pct(t.churn.ratio ?? 0)} of its trend (${t.churn.trendSessions} sessions per period): churn risk`);
  else if (t.churn.risk === 'medium')
    amber.push(`usage at ${pct(t.churn.ratio ?? 0)} of its trend (${t.churn.trendSessions} sessions per period)`);
  if (t.sessions === 0 && t.churn.risk === 'unknown') amber.push('no conversations this period');
  if (t.sessions >= rules.minSessions) {
    if (t.escalationRate !== null && t.escalationRate > rules.escalationRed)
      red.push(`escalation rate ${pct(t.escalationRate)} (over ${pct(rules.escalationRed)})`);
    else if (t.escalationRate !== null && t.escalationRate > rules.escalationAmber)
      amber.push(`escalation rate ${pct(t.escalationRate)} (over ${pct(rules.escalationAmber)})`);
    if (t.sentimentAverage !== null && t.sentimentAverage < rules.sentimentRed)
      red.push(`average sentiment ${t.sentimentAverage} (below ${rules.sentimentRed})`);
    else if (t.sentimentAverage !== null && t.sentimentAverage < rules.sentimentAmber)
      amber.push(`average sentiment ${t.sentimentAverage} (below ${rules.sentimentAmber})`);
    if (t.resolutionRate !== null && t.resolutionRate < rules.resolutionAmber)
      amber.push(`resolved without a human ${pct(t.resolutionRate)} (under ${pct(rules.resolutionAmber)})`);
    if (t.feedbackScore !== null && t.feedbackScore < 0)
      amber.push(`feedback score ${t.feedbackScore} (more unhelpful than helpful ratings)`);
    if (
      t.benchmark.peers >= 2 &&
      kindConversion !== null &&
      kindConversion > 0 &&
      t.conversionRate !== null &&
      t.conversionRate < kindConversion * rules.conversionVsKind
    ) {
      amber.push(`conversion ${pct(t.conversionRate)} vs ${pct(kindConversion)} average for ${t.kind}`);
    }
  }
  if (t.activeAlerts > 0) amber.push(`${t.activeAlerts} active alert${t.activeAlerts === 1 ? '' : 's'}`);
  if (red.length > 0) return { health: 'red', reasons: [...red, ...amber] };
  if (amber.length > 0) return { health: 'amber', reasons: amber };
  return { health: 'green', reasons: [] };
}
