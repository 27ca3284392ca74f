import type { components } from '../api/schema.gen';

/** GET /api/v1/insights and GET /api/v1/admin/tenants/:id/insights answer the same shape. */
export type TenantInsights = components['schemas']['TenantInsights'];
export type InsightRollup = TenantInsights['rollups'][number];
export type InsightMetrics = InsightRollup['metrics'];
