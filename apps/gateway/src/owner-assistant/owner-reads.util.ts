// Plain answers to the owner's reads that need no portfolio (docs/adr/0026-owner-assistant.md):
// the tenant list, one tenant's settings, usage. Pure formatting of RPC results; names quoted.
import type { RpcResponseOf, Tenant, TenantWithConfig, UsageOwnerGetRpc } from '@parley/contracts';
import { quoted, usd } from './portfolio-summary.util';

export function tenantListText(tenants: readonly Tenant[], search: string | null): string {
  if (tenants.length === 0) return search ? `No client matches ${quoted(search)}.` : 'You have no clients yet.';
  const lines = tenants.map((t, i) => `${i + 1}. ${quoted(t.displayName)} (${t.slug}, ${t.kind}, ${t.status})`);
  return `You have ${tenants.length} client${tenants.length === 1 ? '' : 's'}${search ? ` matching ${quoted(search)}` : ''}:\n${lines.join('\n')}`;
}

export function tenantDetailsText(t: TenantWithConfig): string {
  return (
    `${quoted(t.displayName)}: slug ${t.slug}, ${t.kind}, ${t.status}, time zone ${t.timezone}; tone ${t.config.tone}; ` +
    `topics ${t.config.allowedTopics.length ? t.config.allowedTopics.join(', ') : 'any'}; origins ${t.config.allowedOrigins.join(', ') || 'none'}; ` +
    `model ${t.config.llm.primary.provider}:${t.config.llm.primary.model}.`
  );
}

type Usage = RpcResponseOf<typeof UsageOwnerGetRpc>;
const usageLine = (name: string, u: { messages: number; sessions: number; tokensIn: number; tokensOut: number; costUsd: number }) =>
  `${name}: ${u.messages} messages, ${u.sessions} sessions, ${u.tokensIn + u.tokensOut} tokens, ${usd(u.costUsd)}`;

/** Usage over the RPC's default range: one tenant's line, or the total and the five costliest tenants. */
export function usageText(usage: Usage, tenant: { id: string; name: string } | null): { text: string; totals: unknown } {
  if (tenant) {
    const row = usage.tenants.find((t) => t.tenantId === tenant.id) ?? null;
    const text = row
      ? `${usage.from} to ${usage.to}: ${usageLine(quoted(tenant.name), row)}.`
      : `${quoted(tenant.name)} has no usage from ${usage.from} to ${usage.to}.`;
    return { text, totals: row };
  }
  const top = [...usage.tenants].sort((a, b) => b.costUsd - a.costUsd || b.messages - a.messages).slice(0, 5);
  const text = [
    `${usage.from} to ${usage.to}: ${usageLine('All clients', usage.totals)}.`,
    ...top.map((t) => `- ${usageLine(quoted(t.displayName), t)}`),
  ].join('\n');
  return { text, totals: usage.totals };
}
