import { Link, useParams } from 'react-router';
import { TenantBilling } from '../billing/tenant-billing.component';
import { ProblemAlert } from '../shell/problem-alert.component';
import { TenantConfig } from './tenant-config.component';
import { TenantKeys } from './tenant-keys.component';
import { TenantSiteKeys } from './tenant-site-keys.component';
import { TenantStaff } from './tenant-staff.component';
import { TenantStatus } from './tenant-status.component';
import { useTenant } from './tenants.queries';

/** One tenant: status (pause/resume), configuration, API keys, staff, site keys, and the way to its insights. */
export function TenantDetail() {
  const { tenantId = '' } = useParams();
  const tenant = useTenant(tenantId);
  return (
    <section aria-labelledby="tenant-title">
      <p>
        <Link to="/tenants">← All tenants</Link>
      </p>
      <ProblemAlert error={tenant.error} context="Could not load the tenant" />
      {tenant.isPending ? <p role="status">Loading the tenant…</p> : null}
      {tenant.data ? (
        <>
          <div className="page-head">
            <h1 id="tenant-title">{tenant.data.displayName}</h1>
            <span className="muted">
              {tenant.data.slug} · {tenant.data.kind} · {tenant.data.timezone}
            </span>
            <Link to={`/tenants/${tenantId}/insights`}>View insights</Link>
          </div>
          <div className="tenant-grid">
            <TenantStatus tenant={tenant.data} />
            <TenantStaff tenantId={tenantId} />
            <TenantKeys tenantId={tenantId} />
            <TenantSiteKeys tenantId={tenantId} />
            <TenantConfig tenant={tenant.data} />
            <TenantBilling tenantId={tenantId} />
          </div>
        </>
      ) : (
        <h1 id="tenant-title" className="visually-hidden">
          Tenant
        </h1>
      )}
    </section>
  );
}
