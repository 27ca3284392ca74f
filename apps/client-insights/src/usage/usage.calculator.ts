import type { UsageDay, UsageTenantTotals, UsageTotals } from '@parley/contracts';
import type { UsageDailyRecord, UsageTenant } from './usage.repository';

export function emptyTotals(): UsageTotals {
  return { messages: 0, sessions: 0, tokensIn: 0, tokensOut: 0, costUsd: 0 };
}

/** Adds a row's counts to totals (cost kept to the 6 decimals of usage_daily.cost_usd). */
function add(totals: UsageTotals, r: UsageTotals): UsageTotals {
  totals.messages += r.messages;
  totals.sessions += r.sessions;
  totals.tokensIn += r.tokensIn;
  totals.tokensOut += r.tokensOut;
  totals.costUsd = Math.round((totals.costUsd + r.costUsd) * 1e6) / 1e6;
  return totals;
}

export function totalsOf(rows: UsageTotals[]): UsageTotals {
  return rows.reduce(add, emptyTotals());
}

/** One tenant's rows as days (only days with rows, oldest first) with their models. A day is final when all its rows are sealed. */
export function usageDays(rows: UsageDailyRecord[]): UsageDay[] {
  const days = new Map<string, UsageDay>();
  for (const r of rows) {
    let day = days.get(r.day);
    if (!day) {
      day = { day: r.day, ...emptyTotals(), final: true, byModel: [] };
      days.set(r.day, day);
    }
    add(day, r);
    day.final &&= r.sealed;
    if (r.provider !== '' || r.model !== '' || r.messages > 0) {
      day.byModel.push({
        provider: r.provider,
        model: r.model,
        messages: r.messages,
        tokensIn: r.tokensIn,
        tokensOut: r.tokensOut,
        costUsd: r.costUsd,
      });
    }
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Every tenant's totals (tenants with rows only, by slug), and all tenants' totals per day. */
export function ownerUsage(
  rows: UsageDailyRecord[],
  tenants: UsageTenant[],
): { tenants: UsageTenantTotals[]; days: Array<UsageTotals & { day: string }> } {
  const byTenant = new Map<string, UsageTotals>();
  const byDay = new Map<string, UsageTotals>();
  for (const r of rows) {
    add(entry(byTenant, r.tenantId), r);
    add(entry(byDay, r.day), r);
  }
  return {
    tenants: tenants.flatMap((t) => {
      const totals = byTenant.get(t.id);
      return totals ? [{ tenantId: t.id, slug: t.slug, displayName: t.displayName, ...totals }] : [];
    }),
    days: [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, totals]) => ({ day, ...totals })),
  };
}

function entry(map: Map<string, UsageTotals>, key: string): UsageTotals {
  let totals = map.get(key);
  if (!totals) {
    totals = emptyTotals();
    map.set(key, totals);
  }
  return totals;
}
