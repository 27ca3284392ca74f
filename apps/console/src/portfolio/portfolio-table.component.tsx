import { useState } from 'react';
import { Link } from 'react-router';
import { count, percent, usd } from '../insights/insights-format.util';
import { churnLabel, healthReasons, healthView } from './health.util';
import { DEFAULT_SORT, nextSort, sortTenants, type SortKey, type SortState } from './portfolio-sort.util';
import type { PortfolioTenant } from './portfolio.types';

const COLUMNS: Array<{ key: SortKey; header: string }> = [
  { key: 'name', header: 'Tenant' },
  { key: 'health', header: 'Health' },
  { key: 'sessions', header: 'Sessions' },
  { key: 'conversion', header: 'Conversion' },
  { key: 'escalation', header: 'Escalation' },
  { key: 'cost', header: 'Cost' },
  { key: 'churn', header: 'Churn risk' },
];

/** Every active tenant's numbers for the period; each column header sorts (aria-sort says how). */
export function PortfolioTable({ tenants, caption }: { tenants: readonly PortfolioTenant[]; caption: string }) {
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const rows = sortTenants(tenants, sort);
  return (
    <div className="table-scroll" role="region" aria-label="Tenants (scrolls sideways on narrow screens)" tabIndex={0}>
      <table className="data-table portfolio-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : 'none'}>
                <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                  {c.header}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const health = healthView(t.health);
            return (
              <tr key={t.tenantId} data-testid={`portfolio-row-${t.slug}`}>
                <th scope="row">
                  <Link to={`/tenants/${t.tenantId}`}>{t.displayName}</Link>
                  <span className="muted small">
                    {' '}
                    {t.slug} · {t.kind}
                  </span>
                  <br />
                  <Link className="small" to={`/tenants/${t.tenantId}/insights`}>
                    Insights<span className="visually-hidden"> of {t.displayName}</span>
                  </Link>
                </th>
                <td>
                  <span className={health.className}>{health.label}</span>
                  <p className="health-reasons">{healthReasons(t.reasons)}</p>
                </td>
                <td>
                  {count(t.sessions)}
                  <span className="muted small"> (before {count(t.previousSessions)})</span>
                </td>
                <td>{percent(t.conversionRate)}</td>
                <td>{percent(t.escalationRate)}</td>
                <td>{usd(t.costUsd)}</td>
                <td>{churnLabel(t.churn.risk)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
