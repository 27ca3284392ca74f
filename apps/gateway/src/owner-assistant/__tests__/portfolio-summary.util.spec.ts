import type { InsightAlertView, OwnerPortfolio, PortfolioTenant } from '@parley/contracts';
import { adviseOn, explainTenant, rankTenants, summarizePortfolio } from '../portfolio-summary.util';

function tenant(id: string, name: string, health: PortfolioTenant['health'], extra: Partial<PortfolioTenant> = {}): PortfolioTenant {
  return {
    tenantId: id,
    slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
    displayName: name,
    kind: 'plumber',
    status: 'active',
    health,
    reasons: health === 'green' ? [] : ['escalation rate 22% (over 15%)'],
    sessions: 10,
    previousSessions: 20,
    changePct: -50,
    turns: 30,
    leadSessions: 2,
    conversionRate: 0.2,
    escalationRate: 0.22,
    resolvedSessions: 5,
    resolutionRate: 0.5,
    sentimentAverage: 0,
    feedbackScore: null,
    unmetNeeds: 1,
    tokensIn: 100,
    tokensOut: 50,
    costUsd: 0.12,
    costPerLeadUsd: 0.06,
    costPerSessionUsd: 0.012,
    benchmark: { kind: 'plumber', peers: 0, conversionDelta: null, escalationDelta: null, resolutionDelta: null },
    churn: { risk: 'low', trendSessions: 10, ratio: 1 },
    config: { tone: 'friendly', provider: 'offline', knowledgeChunks: 3, handoffEnabled: true },
    activeAlerts: 0,
    ...extra,
  };
}

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

const portfolio: OwnerPortfolio = {
  period: 'week',
  date: '2026-11-30',
  periodStart: '2026-11-30T00:00:00.000Z',
  periodEnd: '2026-12-07T00:00:00.000Z',
  totals: { tenants: 3, activeTenants: 3, sessions: 137, turns: 412, leadSessions: 19, costUsd: 1.234, red: 1, amber: 1, green: 1 },
  tenants: [
    tenant(A, "Bob's Plumbing", 'amber', { activeAlerts: 1 }),
    tenant(B, 'La Trattoria', 'green', { changePct: 80, previousSessions: 5, sessions: 9 }),
    tenant(C, 'Harbour\nLettings "x"', 'red', { reasons: ['conversion 2% (under 5%)', 'sessions down 60%'] }),
  ],
  benchmarks: [],
  emergingTopics: [{ topic: 'boiler repair', tenants: 2, mentions: 12, previousMentions: 3 }],
  configOutcomes: [],
  computedAt: '2026-12-06T12:00:00.000Z',
};

const alert: InsightAlertView = {
  alertId: '00000000-0000-4000-8000-0000000000f1',
  tenantId: A,
  tenantSlug: 'bobs-plumbing',
  rule: 'escalation_rate' as InsightAlertView['rule'],
  subject: 'escalation',
  status: 'active',
  severity: 'warning',
  value: 0.22,
  threshold: 0.15,
  title: 'Escalations are high.',
  suggestion: 'Add the call-out fee to the knowledge base.',
  firedAt: '2026-12-06T10:00:00.000Z',
  resolvedAt: null,
};

describe('portfolio summary', () => {
  it('ranks red before amber before green', () => {
    expect(rankTenants(portfolio.tenants).map((t) => t.tenantId)).toEqual([C, A, B]);
  });

  it("states the portfolio's own totals, the flagged clients, changes, topics and alerts", () => {
    const { text, attention } = summarizePortfolio(portfolio, [alert]);
    expect(text).toContain('3 active clients of 3: 1 red, 1 amber, 1 green. 137 sessions, 412 turns, 19 with a lead, model cost $1.23.');
    expect(attention.map((t) => t.tenantId)).toEqual([C, A]);
    expect(text).toContain(
      '1. "Harbour Lettings  x " is red: conversion 2% (under 5%); sessions down 60% (10 sessions, -50% vs the previous period).',
    );
    expect(text).toContain(`2. "Bob's Plumbing" is amber: escalation rate 22% (over 15%)`);
    expect(text).toContain('Biggest changes: "La Trattoria" +80% (5 -> 9 sessions)');
    expect(text).toContain('"boiler repair" at 2 clients (12 mentions, 3 before)');
    expect(text).toContain(
      `Open alerts (1):\n- "Bob's Plumbing": Escalations are high. Suggestion: Add the call-out fee to the knowledge base.`,
    );
  });

  it('explains one tenant and advises from its alerts', () => {
    expect(explainTenant(portfolio.tenants[0], [alert], portfolio)).toContain(
      `"Bob's Plumbing" is amber because: escalation rate 22% (over 15%).`,
    );
    expect(adviseOn([portfolio.tenants[0]], [alert], portfolio)).toBe(`- "Bob's Plumbing": Add the call-out fee to the knowledge base.`);
    expect(adviseOn([portfolio.tenants[1]], [alert], portfolio)).toContain('nothing to change');
  });
});
