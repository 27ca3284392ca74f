import { churnRank, healthView } from './health.util';
import type { PortfolioTenant } from './portfolio.types';

export type SortKey = 'name' | 'health' | 'sessions' | 'conversion' | 'escalation' | 'cost' | 'churn';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** The value a column sorts by; null (no data) always sorts last. */
const VALUE: Record<SortKey, (t: PortfolioTenant) => string | number | null> = {
  name: (t) => t.displayName.toLocaleLowerCase(),
  health: (t) => healthView(t.health).rank,
  sessions: (t) => t.sessions,
  conversion: (t) => t.conversionRate,
  escalation: (t) => t.escalationRate,
  cost: (t) => t.costUsd,
  churn: (t) => churnRank(t.churn.risk),
};

/** The direction a column starts in when first clicked: names A–Z, risks worst first, numbers largest first. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  name: 'ascending',
  health: 'ascending',
  churn: 'ascending',
  sessions: 'descending',
  conversion: 'descending',
  escalation: 'descending',
  cost: 'descending',
};

export const DEFAULT_SORT: SortState = { key: 'health', direction: 'ascending' };

/** A new array sorted by the column; ties keep name order so the table never jumps. */
export function sortTenants(rows: readonly PortfolioTenant[], sort: SortState): PortfolioTenant[] {
  const pick = VALUE[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = pick(a);
    const vb = pick(b);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) return (va < vb ? -1 : 1) * sign;
    return a.displayName.localeCompare(b.displayName) || a.slug.localeCompare(b.slug);
  });
}

/** Clicking a column: the same one flips its direction, another starts in its first direction. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: FIRST_DIRECTION[key] };
}
