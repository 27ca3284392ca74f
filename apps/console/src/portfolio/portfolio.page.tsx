import './portfolio.css';
import { useState } from 'react';
import { count, usd } from '../insights/insights-format.util';
import { fullDate } from '../shared/time.util';
import { ProblemAlert } from '../shell/problem-alert.component';
import { AlertsList } from './alerts-list.component';
import { PortfolioTable } from './portfolio-table.component';
import { usePortfolio } from './portfolio.queries';

/** The owner's portfolio (health with reasons, sessions, conversion, escalation, cost, churn) and alerts, for the current UTC day or week. */
export function PortfolioPage() {
  const [period, setPeriod] = useState<'day' | 'week'>('week');
  const result = usePortfolio(period);
  const portfolio = result.data?.portfolio;
  const alerts = result.data?.alerts ?? [];
  const names = new Map((portfolio?.tenants ?? []).map((t) => [t.tenantId, t.displayName]));
  const periodWords = period === 'day' ? 'Today' : 'This week';

  return (
    <section aria-labelledby="portfolio-title" className="owner-page">
      <div className="page-head">
        <h1 id="portfolio-title">Portfolio</h1>
        {portfolio ? (
          <p className="muted">
            {periodWords} (UTC, from {portfolio.date}) · computed {fullDate(portfolio.computedAt)}
          </p>
        ) : null}
      </div>
      <fieldset className="segmented toolbar">
        <legend>Period</legend>
        {(['day', 'week'] as const).map((p) => (
          <label key={p} className="checkbox">
            <input type="radio" name="portfolio-period" value={p} checked={period === p} onChange={() => setPeriod(p)} />{' '}
            {p === 'day' ? 'Today' : 'This week'}
          </label>
        ))}
      </fieldset>
      <ProblemAlert error={result.error} context="Could not load the portfolio" />
      {result.isPending ? <p role="status">Loading the portfolio…</p> : null}
      {portfolio ? (
        <>
          <ul className="totals" aria-label="Totals">
            <li>
              <strong>{count(portfolio.totals.activeTenants)}</strong> active tenants
            </li>
            <li>
              <strong>{count(portfolio.totals.sessions)}</strong> sessions
            </li>
            <li>
              <strong>{count(portfolio.totals.leadSessions)}</strong> with a lead
            </li>
            <li>
              <strong>{usd(portfolio.totals.costUsd)}</strong> model cost
            </li>
            <li>
              <span className="health health-red">{portfolio.totals.red} at risk</span>{' '}
              <span className="health health-amber">{portfolio.totals.amber} need attention</span>{' '}
              <span className="health health-green">{portfolio.totals.green} healthy</span>
            </li>
          </ul>
          {portfolio.tenants.length === 0 ? (
            <p>No active tenants yet.</p>
          ) : (
            <PortfolioTable tenants={portfolio.tenants} caption={`Tenants, ${periodWords.toLowerCase()}: select a column header to sort`} />
          )}
          <h2 id="alerts-title">Alerts</h2>
          <AlertsList alerts={alerts} tenantNames={names} />
        </>
      ) : null}
    </section>
  );
}
