import '../portfolio/portfolio.css';
import './tenants.css';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../shell/not-found.page';
import { TenantCreate } from './tenant-create.component';
import { TenantDetail } from './tenant-detail.component';
import { TenantInsights } from './tenant-insights.component';
import { TenantList } from './tenant-list.component';

/** /console/tenants: the list, /new, /:tenantId and its /insights drill-down. */
export function TenantsPage() {
  return (
    <div className="owner-page">
      <Routes>
        <Route index element={<TenantList />} />
        <Route path="new" element={<TenantCreate />} />
        <Route path=":tenantId" element={<TenantDetail />} />
        <Route path=":tenantId/insights" element={<TenantInsights />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
