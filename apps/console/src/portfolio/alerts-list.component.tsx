import { Link } from 'react-router';
import { elapsed, fullDate } from '../shared/time.util';
import { alertRuleLabel } from './health.util';
import type { InsightAlert } from './portfolio.types';

/** The L5 alerts: what crossed which threshold, at which tenant, and what to do about it. */
export function AlertsList({ alerts, tenantNames }: { alerts: readonly InsightAlert[]; tenantNames: ReadonlyMap<string, string> }) {
  if (alerts.length === 0) return <p>No active alerts.</p>;
  return (
    <ul className="alert-list" aria-label="Alerts">
      {alerts.map((a) => (
        <li key={a.alertId} className={`alert-item severity-${a.severity}`}>
          <article aria-labelledby={`alert-${a.alertId}`}>
            <header className="alert-head">
              <h3 id={`alert-${a.alertId}`} className="alert-title">
                {a.title}
              </h3>
              <span className={`tag tag-${a.severity}`}>{a.severity}</span>
              <span className="tag">{alertRuleLabel(a.rule)}</span>
              <time dateTime={a.firedAt} title={fullDate(a.firedAt)}>
                {elapsed(a.firedAt)}
              </time>
            </header>
            <p className="alert-tenant">
              Tenant: <Link to={`/tenants/${a.tenantId}`}>{tenantNames.get(a.tenantId) ?? a.tenantSlug}</Link>
              {a.subject ? <> · about “{a.subject}”</> : null}
            </p>
            <p className="alert-suggestion">
              <strong>Suggestion:</strong> {a.suggestion}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
