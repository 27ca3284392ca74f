import type { components } from '../api/schema.gen';

/** GET /api/v1/admin/insights: the owner's portfolio (L4) and the alerts (L5). */
export type OwnerInsights = components['schemas']['OwnerInsights'];
export type Portfolio = OwnerInsights['portfolio'];
export type PortfolioTenant = Portfolio['tenants'][number];
export type InsightAlert = OwnerInsights['alerts'][number];
export type Health = PortfolioTenant['health'];
export type ChurnRisk = PortfolioTenant['churn']['risk'];
