import { Inject, Injectable, Optional } from '@nestjs/common';
import { UsagePeriodTotalsRpc, type Plan, type Usage } from '@parley/contracts';
import { SERVICE_LOGGER, ServiceMetrics, type Logger } from '@parley/observability';
import type { Counter } from 'prom-client';
import { GatewayRpc } from '../http/gateway-rpc.client';
import { TenantSettingsCache } from '../http/tenant-settings.cache';
import { currentPeriod, secondsToReset, type BillingPeriod } from '@parley/contracts/calendar';
import { QuotaCounters } from './quota-counters.store';
import { QuotaNotices } from './quota-notices.publisher';
import { decideQuota, thresholdsReached, type QuotaDecision, type QuotaUsage } from './quota.policy';

/** How long the quota check may wait for Redis before it lets the turn through (fail open). */
const REDIS_BUDGET_MS = 500;
/** After a failed read of usage_daily's sum, checks use the live counters as they are this long before trying again. */
const SYNC_RETRY_MS = 30_000;
/** Counters are kept this long after their period ends. */
const KEEP_AFTER_PERIOD_S = 7 * 86_400;

export const QUOTA_CLOCK = Symbol('QUOTA_CLOCK');
export type QuotaClock = () => Date;

/** What the check decided for a turn about to start. */
export interface QuotaCheck {
  decision: QuotaDecision;
  plan: Plan | null;
  period: BillingPeriod;
  timezone: string;
  usage: QuotaUsage | null;
  /** Seconds to the period's reset (Retry-After). */
  resetSeconds: number;
}

function withinBudget<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${REDIS_BUDGET_MS} ms`)), REDIS_BUDGET_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Plans and quotas at the gateway (docs/adr/0025-plans-quotas-invoice-preview.md). Live counters
 * per tenant and period in Redis, incremented once per completed turn (ChatTurnClient reports
 * each turn's reply: every turn route, JSON or SSE, chat or OpenAI-compatible or assistant),
 * floored at usage_daily's sum for the period (read over RPC from client-insights) when the key
 * is missing and by QuotaReconciler. Turn routes check before any work (QuotaGuard). When Redis
 * cannot answer, turns are served (fail open) with a warning and parley_quota_unavailable_total.
 */
@Injectable()
export class QuotaService {
  private readonly unavailable: Counter<'operation'>;
  private readonly refused: Counter;
  private readonly notices: Counter<'threshold'>;
  /** Tenants whose counters this process touched since the last reconcile. */
  private readonly active = new Set<string>();
  /** The billing period last worked out per time zone (Intl calls), reused while the clock is inside it. */
  private readonly periods = new Map<string, BillingPeriod>();
  /** When a tenant's floor last failed to load (client-insights down): checks do not wait for it again at once. */
  private readonly syncFailedAt = new Map<string, number>();

  constructor(
    @Inject(TenantSettingsCache) private readonly settings: TenantSettingsCache,
    @Inject(QuotaCounters) private readonly counters: QuotaCounters,
    @Inject(GatewayRpc) private readonly rpc: GatewayRpc,
    @Inject(QuotaNotices) private readonly notifier: QuotaNotices,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    metrics: ServiceMetrics,
    @Optional() @Inject(QUOTA_CLOCK) private readonly clock: QuotaClock = () => new Date(),
  ) {
    this.unavailable = metrics.counter({
      name: 'parley_quota_unavailable_total',
      help: 'Quota operations skipped because Redis (or the usage read) could not answer; checks fail open.',
      labelNames: ['operation'],
    });
    this.refused = metrics.counter({ name: 'parley_quota_refused_total', help: 'Turns refused with 429 because a hard cap was reached.' });
    this.notices = metrics.counter({
      name: 'parley_quota_notices_total',
      help: 'Quota notifications requested (80% and 100% of an included amount).',
      labelNames: ['threshold'],
    });
  }

  /** The decision for a turn of `tenantId` about to start. Never throws for Redis: fails open. */
  async check(tenantId: string): Promise<QuotaCheck> {
    const now = this.clock();
    const settings = await this.settings.get(tenantId);
    const period = this.periodAt(now, settings.timezone);
    const base = { plan: settings.plan, period, timezone: settings.timezone, resetSeconds: secondsToReset(now, period) };
    if (!settings.plan) return { ...base, decision: { kind: 'within' }, usage: null };
    this.active.add(tenantId);
    let usage: QuotaUsage;
    try {
      const state = await withinBudget(this.counters.read(tenantId, period.key), 'quota read');
      usage = state.synced ? state : await this.floorForCheck(tenantId, period, now, state);
    } catch (error) {
      this.unavailable.inc({ operation: 'check' });
      this.logger.warn({ err: error, tenant_id: tenantId }, 'quota check failed open');
      return { ...base, decision: { kind: 'within' }, usage: null };
    }
    return { ...base, decision: decideQuota(settings.plan, usage), usage };
  }

  /**
   * Counts a turn refused with 429 QUOTA_EXCEEDED (parley_quota_refused_total). Called where the
   * refusal is answered (QuotaGuard), not in check(): a check can start before the rate limits
   * answer (AuthGuard), and a request they refuse must not count as a quota refusal.
   */
  countRefusal(): void {
    this.refused.inc();
  }

  /**
   * Counts a completed turn (one billed message, its tokens in + out) once per turn id, then asks
   * for the 80% / 100% notices the new totals reached, once per tenant, period and threshold.
   * Never throws: a failure is logged and counted (the reconcile floors the counters later).
   */
  async recordTurn(tenantId: string, turnId: string, usage: Pick<Usage, 'inputTokens' | 'outputTokens'>): Promise<void> {
    try {
      const now = this.clock();
      const settings = await this.settings.get(tenantId);
      const period = this.periodAt(now, settings.timezone);
      this.active.add(tenantId);
      const totals = await withinBudget(
        this.counters.record(
          tenantId,
          period.key,
          turnId,
          { messages: 1, tokens: usage.inputTokens + usage.outputTokens },
          this.ttl(now, period),
        ),
        'quota record',
      );
      if (totals && settings.plan) {
        // Not awaited: a notice never holds up the answer.
        void this.notify(tenantId, settings.plan, settings.timezone, period, totals, now).catch((error: unknown) => {
          this.unavailable.inc({ operation: 'notice' });
          this.logger.warn({ err: error, tenant_id: tenantId }, 'quota notice check failed');
        });
      }
    } catch (error) {
      this.unavailable.inc({ operation: 'record' });
      this.logger.warn({ err: error, tenant_id: tenantId, turn_id: turnId }, 'quota counter not incremented');
    }
  }

  /** Floors the current period's counters of the tenants seen since the last call at usage_daily's sum. */
  async reconcileActive(): Promise<number> {
    const tenants = [...this.active];
    this.active.clear();
    let done = 0;
    for (const tenantId of tenants) {
      try {
        const now = this.clock();
        const settings = await this.settings.get(tenantId);
        await this.sync(tenantId, this.periodAt(now, settings.timezone), now);
        done += 1;
      } catch (error) {
        this.unavailable.inc({ operation: 'reconcile' });
        this.logger.warn({ err: error, tenant_id: tenantId }, 'quota reconcile failed');
      }
    }
    return done;
  }

  /**
   * The floor for a check whose counters are not synced yet: usage_daily's sum (waited for up to
   * the RPC timeout: the floor decides whether a hard cap is reached); when client-insights cannot
   * answer, the live counters as they are (the reconcile floors them later), without waiting
   * for it again for SYNC_RETRY_MS.
   */
  private async floorForCheck(tenantId: string, period: BillingPeriod, now: Date, state: QuotaUsage): Promise<QuotaUsage> {
    const failedAt = this.syncFailedAt.get(tenantId);
    if (failedAt !== undefined && Date.now() - failedAt < SYNC_RETRY_MS) return state;
    try {
      const usage = await this.sync(tenantId, period, now);
      this.syncFailedAt.delete(tenantId);
      return usage;
    } catch (error) {
      this.syncFailedAt.set(tenantId, Date.now());
      this.unavailable.inc({ operation: 'floor' });
      this.logger.warn({ err: error, tenant_id: tenantId }, 'quota floor from usage_daily unavailable; live counters used');
      return state;
    }
  }

  /** Raises the period's counters to the persisted sum (never lowers them) and marks them synced. */
  async sync(tenantId: string, period: BillingPeriod, now: Date = this.clock()): Promise<QuotaUsage> {
    const persisted = await this.rpc.call(UsagePeriodTotalsRpc, { version: 1, tenantId, from: period.from, to: period.to });
    const floor = { messages: persisted.usage.messages, tokens: persisted.usage.tokensIn + persisted.usage.tokensOut };
    return withinBudget(this.counters.raise(tenantId, period.key, floor, this.ttl(now, period)), 'quota raise');
  }

  private async notify(tenantId: string, plan: Plan, timezone: string, period: BillingPeriod, usage: QuotaUsage, now: Date): Promise<void> {
    for (const { threshold, dimension } of thresholdsReached(plan, usage)) {
      if (!(await this.counters.claimNotice(tenantId, period.key, threshold, this.ttl(now, period)))) continue;
      try {
        await this.notifier.publish({ tenantId, plan, period, timezone, threshold, dimension, usage });
        this.notices.inc({ threshold: String(threshold) });
      } catch (error) {
        await this.counters.releaseNotice(tenantId, period.key, threshold).catch(() => undefined);
        this.logger.warn({ err: error, tenant_id: tenantId, threshold }, 'quota notice not published; a later turn retries');
      }
    }
  }

  /** currentPeriod(), from the per-zone cache while `now` falls inside the cached period. */
  private periodAt(now: Date, timezone: string): BillingPeriod {
    const cached = this.periods.get(timezone);
    if (cached && cached.startsAt <= now && now < cached.endsAt) return cached;
    const period = currentPeriod(now, timezone);
    this.periods.set(timezone, period);
    return period;
  }

  private ttl(now: Date, period: BillingPeriod): number {
    return secondsToReset(now, period) + KEEP_AFTER_PERIOD_S;
  }
}
