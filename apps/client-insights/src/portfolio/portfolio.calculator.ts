import type { OwnerPortfolio, PortfolioTenant } from '@parley/contracts';
import type { LocalPeriod } from '../shared/insight-period.util';
import { tokenCostUsd, type ModelPriceTable } from '../shared/model-prices.util';
import { ratio, round } from '../shared/numbers.util';
import { churnOf, healthOf } from './tenant-health.calculator';
import type { BucketTotals, PortfolioInputs, PortfolioTenantRow } from './portfolio.repository';
import type { PortfolioRules } from './portfolio.rules';

export interface PortfolioInput {
  /** The UTC period (built with periodContaining(..., 'UTC')). */
  period: LocalPeriod;
  inputs: PortfolioInputs;
  prices: ModelPriceTable;
  rules: PortfolioRules;
  now: Date;
}

const EMPTY: BucketTotals = {
  turns: 0,
  sessions: 0,
  sentimentSum: 0,
  sentimentCount: 0,
  leadSessions: 0,
  escalatedSessions: 0,
  summarizedSessions: 0,
  resolvedWithoutHuman: 0,
  unmetNeeds: 0,
  tokensIn: 0,
  tokensOut: 0,
};
const MAX_EMERGING = 20;

/** Unweighted mean of the non-null values (each tenant counts once), or null. */
function mean(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : round(present.reduce((a, b) => a + b, 0) / present.length, 4);
}

function delta(value: number | null, average: number | null): number | null {
  return value === null || average === null ? null : round(value - average, 4);
}

/** 'none' | 'small' (< 50 chunks) | 'medium' (< 500) | 'large'. */
export function knowledgeSize(chunks: number): string {
  if (chunks === 0) return 'none';
  if (chunks < 50) return 'small';
  if (chunks < 500) return 'medium';
  return 'large';
}

type Base = Omit<PortfolioTenant, 'health' | 'reasons' | 'benchmark' | 'churn'> & { history: number[] };

function baseOf(t: PortfolioTenantRow, input: PortfolioInput): Base {
  const { inputs, prices } = input;
  const b = inputs.current.get(t.id) ?? EMPTY;
  const history = inputs.history.get(t.id) ?? Array.from({ length: input.rules.trendPeriods }, () => 0);
  const previousSessions = history[0] ?? 0;
  const costUsd = round(
    (inputs.models.get(t.id) ?? []).reduce((total, m) => {
      const slash = m.key.indexOf('/');
      return total + tokenCostUsd(prices, m.key.slice(0, slash), m.key.slice(slash + 1), m.tokensIn, m.tokensOut);
    }, 0),
    6,
  );
  const fb = inputs.feedback.get(t.id);
  return {
    tenantId: t.id,
    slug: t.slug,
    displayName: t.displayName,
    kind: t.kind,
    status: t.status,
    sessions: b.sessions,
    previousSessions,
    changePct: previousSessions === 0 ? null : round(((b.sessions - previousSessions) / previousSessions) * 100, 2),
    turns: b.turns,
    leadSessions: b.leadSessions,
    conversionRate: ratio(b.leadSessions, b.sessions),
    escalationRate: ratio(b.escalatedSessions, b.sessions),
    resolvedSessions: b.resolvedWithoutHuman,
    resolutionRate: ratio(b.resolvedWithoutHuman, b.summarizedSessions),
    sentimentAverage: b.sentimentCount === 0 ? null : round(b.sentimentSum / b.sentimentCount, 4),
    feedbackScore: !fb || fb.ratings === 0 ? null : round((fb.positive - fb.negative) / fb.ratings, 4),
    unmetNeeds: b.unmetNeeds,
    tokensIn: b.tokensIn,
    tokensOut: b.tokensOut,
    costUsd,
    costPerLeadUsd: b.leadSessions === 0 ? null : round(costUsd / b.leadSessions, 6),
    costPerSessionUsd: b.sessions === 0 ? null : round(costUsd / b.sessions, 6),
    config: {
      tone: t.tone,
      provider: t.llmProvider,
      knowledgeChunks: inputs.knowledgeChunks.get(t.id) ?? 0,
      handoffEnabled: t.handoffEnabled,
    },
    activeAlerts: inputs.activeAlerts.get(t.id) ?? 0,
    history,
  };
}

function outcomeAverages(group: Base[]) {
  return {
    tenants: group.length,
    conversionRate: mean(group.map((t) => t.conversionRate)),
    escalationRate: mean(group.map((t) => t.escalationRate)),
    resolutionRate: mean(group.map((t) => t.resolutionRate)),
    sentimentAverage: mean(group.map((t) => t.sentimentAverage)),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * L4: the owner's portfolio for one UTC period from every tenant's bucket sums. Pure: no I/O;
 * the clock comes in as `now` (churn of a period in progress is judged pro rata).
 * Benchmarks, config outcomes and emerging topics count active tenants with sessions only.
 */
export function computePortfolio(input: PortfolioInput): OwnerPortfolio {
  const { period, inputs, rules, now } = input;
  const active = inputs.tenants.filter((t) => t.status === 'active').map((t) => baseOf(t, input));
  const withSessions = active.filter((t) => t.sessions > 0);
  const kinds = groupBy(withSessions, (t) => t.kind);
  const kindAverages = new Map([...kinds.entries()].map(([kind, group]) => [kind, outcomeAverages(group)]));
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - period.start.getTime()) / (period.end.getTime() - period.start.getTime())));

  const tenants: PortfolioTenant[] = active.map(({ history, ...t }) => {
    const avg = kindAverages.get(t.kind);
    const benchmark = {
      kind: t.kind,
      peers: avg?.tenants ?? 0,
      conversionDelta: t.sessions > 0 ? delta(t.conversionRate, avg?.conversionRate ?? null) : null,
      escalationDelta: t.sessions > 0 ? delta(t.escalationRate, avg?.escalationRate ?? null) : null,
      resolutionDelta: t.sessions > 0 ? delta(t.resolutionRate, avg?.resolutionRate ?? null) : null,
    };
    const churn = churnOf(t.sessions, history, elapsed, rules);
    const { health, reasons } = healthOf({ ...t, benchmark, churn }, avg?.conversionRate ?? null, rules);
    return { ...t, health, reasons, benchmark, churn };
  });

  const configOutcomes = [
    ...[...groupBy(withSessions, (t) => t.config.tone).entries()].map(([value, g]) => ({
      dimension: 'tone' as const,
      value,
      ...outcomeAverages(g),
    })),
    ...[...groupBy(withSessions, (t) => t.config.provider).entries()].map(([value, g]) => ({
      dimension: 'provider' as const,
      value,
      ...outcomeAverages(g),
    })),
    ...[...groupBy(withSessions, (t) => knowledgeSize(t.config.knowledgeChunks)).entries()].map(([value, g]) => ({
      dimension: 'knowledge' as const,
      value,
      ...outcomeAverages(g),
    })),
    ...[...groupBy(withSessions, (t) => (t.config.handoffEnabled ? 'enabled' : 'disabled')).entries()].map(([value, g]) => ({
      dimension: 'handoff' as const,
      value,
      ...outcomeAverages(g),
    })),
  ];

  return {
    period: period.period,
    date: period.localDate,
    periodStart: period.start.toISOString(),
    periodEnd: period.end.toISOString(),
    totals: {
      tenants: inputs.tenants.length,
      activeTenants: active.length,
      sessions: tenants.reduce((s, t) => s + t.sessions, 0),
      turns: tenants.reduce((s, t) => s + t.turns, 0),
      leadSessions: tenants.reduce((s, t) => s + t.leadSessions, 0),
      costUsd: round(
        tenants.reduce((s, t) => s + t.costUsd, 0),
        6,
      ),
      red: tenants.filter((t) => t.health === 'red').length,
      amber: tenants.filter((t) => t.health === 'amber').length,
      green: tenants.filter((t) => t.health === 'green').length,
    },
    tenants,
    benchmarks: [...kinds.entries()].map(([kind, group]) => ({
      kind,
      sessionsPerTenant: round(group.reduce((s, t) => s + t.sessions, 0) / group.length, 2),
      ...(kindAverages.get(kind) as ReturnType<typeof outcomeAverages>),
    })),
    emergingTopics: emergingTopics(inputs, new Set(active.map((t) => t.tenantId)), rules),
    configOutcomes,
    computedAt: now.toISOString(),
  };
}

/** Topics and unmet needs mentioned by at least `emergingMinTenants` active tenants, new or at least doubled. */
function emergingTopics(inputs: PortfolioInputs, active: Set<string>, rules: PortfolioRules): OwnerPortfolio['emergingTopics'] {
  const byKey = new Map<string, { tenants: Set<string>; mentions: number; previousMentions: number }>();
  for (const term of inputs.terms) {
    if (!active.has(term.tenantId)) continue;
    const entry = byKey.get(term.key) ?? { tenants: new Set<string>(), mentions: 0, previousMentions: 0 };
    if (term.current > 0) entry.tenants.add(term.tenantId);
    entry.mentions += term.current;
    entry.previousMentions += term.previous;
    byKey.set(term.key, entry);
  }
  return [...byKey.entries()]
    .filter(([, e]) => e.tenants.size >= rules.emergingMinTenants && e.mentions >= 2 * e.previousMentions)
    .map(([topic, e]) => ({ topic, tenants: e.tenants.size, mentions: e.mentions, previousMentions: e.previousMentions }))
    .sort((a, b) => b.tenants - a.tenants || b.mentions - a.mentions || a.topic.localeCompare(b.topic))
    .slice(0, MAX_EMERGING);
}
