import type { PortfolioTenant } from '@parley/contracts';
import { knowledgeSize } from '../portfolio.calculator';
import { DEFAULT_PORTFOLIO_RULES } from '../portfolio.rules';
import { churnOf, healthOf } from '../tenant-health.calculator';

const rules = DEFAULT_PORTFOLIO_RULES;
type HealthInput = Parameters<typeof healthOf>[0];
const tenant = (o: Partial<HealthInput> = {}): HealthInput => ({
  sessions: 20,
  kind: 'plumber',
  conversionRate: 0.3,
  escalationRate: 0.1,
  resolutionRate: 0.8,
  sentimentAverage: 0.2,
  feedbackScore: 0.5,
  churn: { risk: 'low', trendSessions: 20, ratio: 1 } as PortfolioTenant['churn'],
  activeAlerts: 0,
  benchmark: { kind: 'plumber', peers: 3, conversionDelta: 0, escalationDelta: 0, resolutionDelta: 0 },
  ...o,
});

describe('churn against the tenant trend', () => {
  it('is high at half the trend or less, medium up to three quarters, low above', () => {
    expect(churnOf(5, [10, 10, 10, 10], 1, rules)).toEqual({ risk: 'high', trendSessions: 10, ratio: 0.5 });
    expect(churnOf(7.5, [10, 10, 10, 10], 1, rules).risk).toBe('medium');
    expect(churnOf(8, [10, 10, 10, 10], 1, rules).risk).toBe('low');
  });

  it('is unknown without history or too early in a period, and pro rata in between', () => {
    expect(churnOf(3, [0, 1, 0, 1], 1, rules)).toEqual({ risk: 'unknown', trendSessions: 0.5, ratio: null });
    expect(churnOf(0, [10, 10, 10, 10], 0.05, rules).risk).toBe('unknown');
    expect(churnOf(2, [10, 10, 10, 10], 0.25, rules)).toEqual({ risk: 'low', trendSessions: 10, ratio: 0.8 });
  });
});

describe('health', () => {
  it('is green with no reasons for a healthy tenant', () => {
    expect(healthOf(tenant(), 0.3, rules)).toEqual({ health: 'green', reasons: [] });
  });

  it('does not judge rates on fewer than the minimum sessions', () => {
    expect(healthOf(tenant({ sessions: 4, escalationRate: 0.9, sentimentAverage: -0.9 }), 0.3, rules)).toEqual({
      health: 'green',
      reasons: [],
    });
  });

  it('is amber just over 15% escalation and red just over 25%, exactly at a threshold not', () => {
    expect(healthOf(tenant({ escalationRate: 0.15 }), 0.3, rules).health).toBe('green');
    expect(healthOf(tenant({ escalationRate: 0.16 }), 0.3, rules)).toEqual({
      health: 'amber',
      reasons: ['escalation rate 16% (over 15%)'],
    });
    expect(healthOf(tenant({ escalationRate: 0.26 }), 0.3, rules)).toEqual({ health: 'red', reasons: ['escalation rate 26% (over 25%)'] });
  });

  it('compares conversion with its kind only with peers', () => {
    expect(healthOf(tenant({ conversionRate: 0.1 }), 0.3, rules).reasons).toEqual(['conversion 10% vs 30% average for plumber']);
    expect(
      healthOf(
        tenant({
          conversionRate: 0.1,
          benchmark: { kind: 'plumber', peers: 1, conversionDelta: 0, escalationDelta: 0, resolutionDelta: 0 },
        }),
        0.3,
        rules,
      ).health,
    ).toBe('green');
  });

  it('flags a silent new tenant amber and a falling one red', () => {
    expect(healthOf(tenant({ sessions: 0, churn: { risk: 'unknown', trendSessions: 0, ratio: null } }), null, rules)).toEqual({
      health: 'amber',
      reasons: ['no conversations this period'],
    });
    expect(healthOf(tenant({ sessions: 0, churn: { risk: 'high', trendSessions: 12, ratio: 0 } }), null, rules)).toEqual({
      health: 'red',
      reasons: ['usage at 0% of its trend (12 sessions per period): churn risk'],
    });
  });
});

describe('knowledge size', () => {
  it.each([
    [0, 'none'],
    [1, 'small'],
    [49, 'small'],
    [50, 'medium'],
    [499, 'medium'],
    [500, 'large'],
  ])('%i chunks is %s', (chunks, size) => {
    expect(knowledgeSize(chunks)).toBe(size);
  });
});
