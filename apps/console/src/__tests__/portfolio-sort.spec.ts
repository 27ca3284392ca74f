import { churnLabel, healthReasons, healthView } from '../portfolio/health.util';
import { nextSort, sortTenants } from '../portfolio/portfolio-sort.util';
import type { PortfolioTenant } from '../portfolio/portfolio.types';

function tenant(slug: string, patch: Partial<PortfolioTenant> = {}): PortfolioTenant {
  return {
    tenantId: `00000000-0000-4000-8000-${slug.padStart(12, '0').slice(-12)}`,
    slug,
    displayName: slug.toUpperCase(),
    kind: 'plumber',
    status: 'active',
    health: 'green',
    reasons: [],
    sessions: 0,
    previousSessions: 0,
    changePct: null,
    turns: 0,
    leadSessions: 0,
    conversionRate: null,
    escalationRate: null,
    resolvedSessions: 0,
    resolutionRate: null,
    sentimentAverage: null,
    feedbackScore: null,
    unmetNeeds: 0,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    costPerLeadUsd: null,
    costPerSessionUsd: null,
    benchmark: { kind: 'plumber', peers: 0, conversionDelta: null, escalationDelta: null, resolutionDelta: null },
    churn: { risk: 'unknown', trendSessions: 0, ratio: null },
    config: { tone: 'friendly', provider: 'offline', knowledgeChunks: 0, handoffEnabled: false },
    activeAlerts: 0,
    ...patch,
  };
}

const rows = [
  tenant('b', {
    health: 'green',
    sessions: 10,
    conversionRate: 0.5,
    escalationRate: 0.1,
    costUsd: 2,
    churn: { risk: 'low', trendSessions: 9, ratio: 1.1 },
  }),
  tenant('a', {
    health: 'red',
    sessions: 3,
    conversionRate: null,
    escalationRate: 0.4,
    costUsd: 0.5,
    churn: { risk: 'high', trendSessions: 20, ratio: 0.15 },
  }),
  tenant('c', {
    health: 'amber',
    sessions: 10,
    conversionRate: 0.2,
    escalationRate: null,
    costUsd: 7,
    churn: { risk: 'unknown', trendSessions: 0, ratio: null },
  }),
];
const order = (key: Parameters<typeof sortTenants>[1]['key'], direction: 'ascending' | 'descending') =>
  sortTenants(rows, { key, direction }).map((t) => t.slug);

describe('portfolio sorting', () => {
  it.each([
    ['health', 'ascending', ['a', 'c', 'b']],
    ['health', 'descending', ['b', 'c', 'a']],
    ['name', 'ascending', ['a', 'b', 'c']],
    ['sessions', 'descending', ['b', 'c', 'a']], // ties by name
    ['conversion', 'descending', ['b', 'c', 'a']], // no data last
    ['conversion', 'ascending', ['c', 'b', 'a']], // no data last either way
    ['escalation', 'descending', ['a', 'b', 'c']],
    ['cost', 'descending', ['c', 'b', 'a']],
    ['churn', 'ascending', ['a', 'b', 'c']],
  ] as const)('%s %s', (key, direction, expected) => {
    expect(order(key, direction)).toEqual(expected);
  });

  it('does not change the input', () => {
    const before = rows.map((t) => t.slug);
    sortTenants(rows, { key: 'cost', direction: 'descending' });
    expect(rows.map((t) => t.slug)).toEqual(before);
  });

  it('flips the same column, starts another in its natural direction', () => {
    expect(nextSort({ key: 'health', direction: 'ascending' }, 'health')).toEqual({ key: 'health', direction: 'descending' });
    expect(nextSort({ key: 'health', direction: 'ascending' }, 'cost')).toEqual({ key: 'cost', direction: 'descending' });
    expect(nextSort({ key: 'cost', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('health and churn in words', () => {
  it('gives each health a label and class, so colour is never the only signal', () => {
    expect(healthView('red')).toMatchObject({ label: 'At risk', className: 'health health-red' });
    expect(healthView('amber').label).toBe('Needs attention');
    expect(healthView('green').label).toBe('Healthy');
  });

  it('joins the reasons, or says there are none', () => {
    expect(healthReasons(['escalation rate 25% (over 15%)', '2 active alerts'])).toBe('escalation rate 25% (over 15%); 2 active alerts');
    expect(healthReasons([])).toBe('No issues');
    expect(churnLabel('unknown')).toBe('Unknown (no history)');
  });
});
