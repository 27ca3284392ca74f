// Billing periods (docs/adr/0025-plans-quotas-invoice-preview.md): a period is the calendar
// month in the tenant's time zone (tenants.timezone), from local midnight of the 1st to local
// midnight of the next 1st, so it is an exact sum of usage_daily's local days.
import { localParts, pad, startOfLocalDay } from './local-time.util';

export interface BillingPeriod {
  /** `YYYY-MM` of the local month: the counters' key. */
  key: string;
  /** First and last local day (`YYYY-MM-DD`, inclusive), as usage_daily's `day`. */
  from: string;
  to: string;
  /** The instants the period starts and ends (local midnight of the 1st; the end is the next period's start). */
  startsAt: Date;
  endsAt: Date;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of the local month `year-month`. */
export function periodOfMonth(year: number, month: number, timeZone: string): BillingPeriod {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    key: `${pad(year, 4)}-${pad(month)}`,
    from: `${pad(year, 4)}-${pad(month)}-01`,
    to: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    startsAt: startOfLocalDay(year, month, 1, timeZone),
    endsAt: startOfLocalDay(next.year, next.month, 1, timeZone),
  };
}

/** The period `instant` falls in, for a tenant in `timeZone`. */
export function currentPeriod(instant: Date, timeZone: string): BillingPeriod {
  const p = localParts(instant, timeZone);
  return periodOfMonth(p.year, p.month, timeZone);
}

/** The period before the one `instant` falls in. */
export function previousPeriod(instant: Date, timeZone: string): BillingPeriod {
  const p = localParts(instant, timeZone);
  return p.month === 1 ? periodOfMonth(p.year - 1, 12, timeZone) : periodOfMonth(p.year, p.month - 1, timeZone);
}

/** Whole seconds from `instant` to the period's reset (rounded up, at least 1): Retry-After and RateLimit-Reset. */
export function secondsToReset(instant: Date, period: BillingPeriod): number {
  return Math.max(1, Math.ceil((period.endsAt.getTime() - instant.getTime()) / 1000));
}
