/**
 * Thresholds of the owner's portfolio view (L4). Defaults below; INSIGHTS_PORTFOLIO_RULES
 * (JSON, any subset of these keys) overrides them per deployment.
 */
export interface PortfolioRules {
  /** Below this many sessions in the period, rates are too noisy to judge health by. */
  minSessions: number;
  /** Escalation rate above which a tenant is amber / red. */
  escalationAmber: number;
  escalationRed: number;
  /** Average sentiment (-1..1) below which a tenant is amber / red. */
  sentimentAmber: number;
  sentimentRed: number;
  /** Resolution rate without a human below which a tenant is amber. */
  resolutionAmber: number;
  /** Amber when conversion is below this fraction of the average of the tenant's kind. */
  conversionVsKind: number;
  /** Churn risk: sessions against the tenant's trend at or below these ratios. */
  churnMedium: number;
  churnHigh: number;
  /** Previous periods averaged into the tenant's own trend. */
  trendPeriods: number;
  /** A topic is emerging when this many tenants mention it and mentions at least doubled. */
  emergingMinTenants: number;
}

export const DEFAULT_PORTFOLIO_RULES: PortfolioRules = {
  minSessions: 5,
  escalationAmber: 0.15,
  escalationRed: 0.25,
  sentimentAmber: 0,
  sentimentRed: -0.3,
  resolutionAmber: 0.5,
  conversionVsKind: 0.5,
  churnMedium: 0.75,
  churnHigh: 0.5,
  trendPeriods: 4,
  emergingMinTenants: 3,
};
