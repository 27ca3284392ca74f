// Queries on `plans` (platform-level: no tenant_id, no RLS; only provisioning writes them, on the
// owner's behalf) and on the plan column of `tenants`.
import type { PlanInput, PlanPatch, TenantConfig } from '@parley/contracts';
import { TENANT_CONFIG_SELECT, tenantConfigFromRow, type Db } from '@parley/persistence';
import { PLAN_SELECT, planColumns, type PlanRow } from './plan.mapper';

export function findPlanByKey(db: Db, key: string): Promise<PlanRow | null> {
  return db.plan.findUnique({ where: { key }, select: PLAN_SELECT });
}

export function findPlanById(db: Db, id: string): Promise<PlanRow | null> {
  return db.plan.findUnique({ where: { id }, select: PLAN_SELECT });
}

/** Every plan by key, with its number of tenants. */
export async function listPlans(db: Db): Promise<Array<PlanRow & { tenantCount: number }>> {
  const rows = await db.plan.findMany({ orderBy: { key: 'asc' }, select: { ...PLAN_SELECT, _count: { select: { tenants: true } } } });
  return rows.map(({ _count, ...row }) => ({ ...row, tenantCount: _count.tenants }));
}

export function insertPlan(db: Db, input: PlanInput): Promise<PlanRow> {
  const columns = planColumns(input);
  return db.plan.create({ data: { ...columns, key: input.key, name: input.name, currency: input.currency }, select: PLAN_SELECT });
}

export function updatePlan(db: Db, id: string, patch: PlanPatch): Promise<PlanRow> {
  return db.plan.update({ where: { id }, data: planColumns(patch), select: PLAN_SELECT });
}

export async function deletePlan(db: Db, id: string): Promise<void> {
  await db.plan.delete({ where: { id } });
}

export function countTenantsOnPlan(db: Db, planId: string): Promise<number> {
  return db.tenant.count({ where: { planId } });
}

/** The tenants on a plan with their model configuration (for the provider check and the cache-dropping events). */
export async function tenantsOnPlan(db: Db, planId: string): Promise<Array<{ id: string; llm: TenantConfig['llm'] }>> {
  const rows = await db.tenant.findMany({ where: { planId }, select: { id: true, ...TENANT_CONFIG_SELECT }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ id: row.id, llm: tenantConfigFromRow(row).llm }));
}

/** The tenant's plan id, or undefined for an unknown tenant (null: no plan). */
export async function findTenantPlanId(db: Db, tenantId: string): Promise<string | null | undefined> {
  const row = await db.tenant.findUnique({ where: { id: tenantId }, select: { planId: true } });
  return row === null ? undefined : row.planId;
}

export async function setTenantPlan(db: Db, tenantId: string, planId: string | null): Promise<void> {
  await db.tenant.update({ where: { id: tenantId }, data: { planId } });
}

/** The plan a tenant is on, or null (no plan, or an unknown tenant). */
export async function findTenantPlan(db: Db, tenantId: string): Promise<PlanRow | null> {
  const row = await db.tenant.findUnique({ where: { id: tenantId }, select: { plan: { select: PLAN_SELECT } } });
  return row?.plan ?? null;
}
