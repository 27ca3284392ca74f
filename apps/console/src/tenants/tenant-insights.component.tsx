import { Link, useParams } from 'react-router';
import { LazyInsightsView } from '../insights/insights-view.lazy';
import { useInsightRange } from '../insights/insights-range.hook';
import { useTenantInsights } from '../insights/insights.queries';
import { useTenant } from './tenants.queries';

/** The owner's drill-down into one tenant's insights: the staff's insights view on GET /api/v1/admin/tenants/:id/insights. */
export function TenantInsights() {
  const { tenantId = '' } = useParams();
  const tenant = useTenant(tenantId);
  const [range, setRange] = useInsightRange();
  const result = useTenantInsights(tenantId, range);
  const name = tenant.data?.displayName ?? 'tenant';
  return (
    <section aria-labelledby="tenant-insights-title">
      <p>
        <Link to="/portfolio">← Portfolio</Link> ·{' '}
        <Link to={`/tenants/${tenantId}`}>{tenant.data ? tenant.data.displayName : 'Tenant'}</Link>
      </p>
      <h1 id="tenant-insights-title">Insights: {name}</h1>
      <LazyInsightsView range={range} onRangeChange={setRange} result={result} />
    </section>
  );
}
