// "How are my clients doing?" from the L4 portfolio and the L5 alerts, exactly as
// GET /api/v1/admin/insights returns them (docs/adr/0026-owner-assistant.md). Pure formatting:
// every number is the RPC's own, rounded only for display. Tenant names are data, quoted.
import type { InsightAlertView, OwnerPortfolio, PortfolioTenant } from '@parley/contracts';

const HEALTH_ORDER = { red: 0, amber: 1, green: 2 } as const;

export const pct = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 100)}%`);
const signed = (change: number | null): string => (change === null ? 'new' : `${change > 0 ? '+' : ''}${Math.round(change)}%`);
export const usd = (value: number): string => `$${value.toFixed(2)}`;
export const quoted = (name: string): string => `"${name.replace(/[\r\n"]+/g, ' ').slice(0, 120)}"`;

/** Red first, then amber, then green; within a colour the most reasons and alerts, then the most sessions. */
export function rankTenants(tenants: readonly PortfolioTenant[]): PortfolioTenant[] {
  return [...tenants].sort(
    (a, b) =>
      HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] ||
      b.reasons.length + b.activeAlerts - (a.reasons.length + a.activeAlerts) ||
      b.sessions - a.sessions ||
      a.displayName.localeCompare(b.displayName),
  );
}

function biggestChanges(tenants: readonly PortfolioTenant[]): PortfolioTenant[] {
  return tenants
    .filter((t) => t.changePct !== null && t.changePct !== 0)
    .sort((a, b) => Math.abs(b.changePct as number) - Math.abs(a.changePct as number))
    .slice(0, 3);
}

export function summarizePortfolio(
  portfolio: OwnerPortfolio,
  alerts: readonly InsightAlertView[],
): { text: string; attention: PortfolioTenant[] } {
  const { totals } = portfolio;
  const lines: string[] = [];
  const periodName = portfolio.period === 'week' ? `the week of ${portfolio.date}` : portfolio.date;
  lines.push(
    `For ${periodName} (UTC): ${totals.activeTenants} active clients of ${totals.tenants}: ${totals.red} red, ${totals.amber} amber, ${totals.green} green. ` +
      `${totals.sessions} sessions, ${totals.turns} turns, ${totals.leadSessions} with a lead, model cost ${usd(totals.costUsd)}.`,
  );
  const attention = rankTenants(portfolio.tenants).filter((t) => t.health !== 'green');
  if (attention.length > 0) {
    lines.push('Needs attention:');
    attention.slice(0, 5).forEach((t, i) => {
      lines.push(
        `${i + 1}. ${quoted(t.displayName)} is ${t.health}: ${t.reasons.join('; ') || 'no reason given'} (${t.sessions} sessions, ${signed(t.changePct)} vs the previous period).`,
      );
    });
    if (attention.length > 5) lines.push(`...and ${attention.length - 5} more.`);
  } else {
    lines.push('Every client is green.');
  }
  const changes = biggestChanges(portfolio.tenants);
  if (changes.length > 0) {
    lines.push(
      `Biggest changes: ${changes.map((t) => `${quoted(t.displayName)} ${signed(t.changePct)} (${t.previousSessions} -> ${t.sessions} sessions)`).join(', ')}.`,
    );
  }
  if (portfolio.emergingTopics.length > 0) {
    const topics = portfolio.emergingTopics
      .slice(0, 3)
      .map((e) => `${quoted(e.topic)} at ${e.tenants} clients (${e.mentions} mentions, ${e.previousMentions} before)`);
    lines.push(`Emerging topics: ${topics.join(', ')}.`);
  }
  const open = alerts.filter((a) => a.status === 'active');
  if (open.length > 0) {
    lines.push(`Open alerts (${open.length}):`);
    for (const alert of open.slice(0, 5)) lines.push(`- ${alertLine(alert, portfolio)}`);
  } else {
    lines.push('No open alerts.');
  }
  return { text: lines.join('\n'), attention };
}

function tenantName(tenantId: string, portfolio: OwnerPortfolio | null, fallback: string): string {
  return quoted(portfolio?.tenants.find((t) => t.tenantId === tenantId)?.displayName ?? fallback);
}

export function alertLine(alert: InsightAlertView, portfolio: OwnerPortfolio | null): string {
  return `${tenantName(alert.tenantId, portfolio, alert.tenantSlug)}: ${alert.title} Suggestion: ${alert.suggestion}`;
}

/** "Why is Bob amber?": the tenant's health with its reasons, trend, peers and alerts. */
export function explainTenant(tenant: PortfolioTenant, alerts: readonly InsightAlertView[], portfolio: OwnerPortfolio): string {
  const lines = [
    tenant.health === 'green'
      ? `${quoted(tenant.displayName)} is green: nothing crosses a threshold.`
      : `${quoted(tenant.displayName)} is ${tenant.health} because: ${tenant.reasons.join('; ')}.`,
    `Sessions ${tenant.sessions} (${signed(tenant.changePct)} vs ${tenant.previousSessions}), conversion ${pct(tenant.conversionRate)}, escalation ${pct(tenant.escalationRate)}, resolution ${pct(tenant.resolutionRate)}; churn risk ${tenant.churn.risk}; cost ${usd(tenant.costUsd)}.`,
  ];
  const b = tenant.benchmark;
  if (b.peers > 0 && b.conversionDelta !== null) {
    lines.push(
      `Against ${b.peers} other ${b.kind} clients: conversion ${signedPoints(b.conversionDelta)}, escalation ${signedPoints(b.escalationDelta)}, resolution ${signedPoints(b.resolutionDelta)}.`,
    );
  }
  const own = alerts.filter((a) => a.tenantId === tenant.tenantId && a.status === 'active');
  for (const alert of own) lines.push(`Alert: ${alertLine(alert, portfolio)}`);
  return lines.join('\n');
}

function signedPoints(delta: number | null): string {
  if (delta === null) return 'n/a';
  const points = Math.round(delta * 100);
  return `${points > 0 ? '+' : ''}${points} points`;
}

/** "What should I change?": the alerts' suggestions for the tenant (or every flagged tenant), then what the portfolio correlates with better outcomes. */
export function adviseOn(tenants: readonly PortfolioTenant[], alerts: readonly InsightAlertView[], portfolio: OwnerPortfolio): string {
  const lines: string[] = [];
  for (const tenant of tenants) {
    const own = alerts.filter((a) => a.tenantId === tenant.tenantId && a.status === 'active');
    if (own.length > 0) for (const alert of own) lines.push(`- ${quoted(tenant.displayName)}: ${alert.suggestion}`);
    else if (tenant.health !== 'green') lines.push(`- ${quoted(tenant.displayName)}: no alert yet; look at ${tenant.reasons.join('; ')}.`);
  }
  if (lines.length === 0)
    lines.push(
      tenants.length === 1
        ? `${quoted(tenants[0].displayName)} has no open alert and is ${tenants[0].health}: nothing to change.`
        : 'No open alerts: nothing needs changing.',
    );
  const tone = portfolio.configOutcomes
    .filter((c) => c.dimension === 'tone' && c.conversionRate !== null && c.tenants >= 2)
    .sort((a, b) => (b.conversionRate as number) - (a.conversionRate as number))[0];
  if (tone)
    lines.push(
      `Across the portfolio, the "${tone.value}" tone goes with the best conversion (${pct(tone.conversionRate)} over ${tone.tenants} clients; a correlation, not a cause).`,
    );
  return lines.join('\n');
}
