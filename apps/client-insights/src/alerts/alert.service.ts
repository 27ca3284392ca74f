import { Inject, Injectable, Optional } from '@nestjs/common';
import { InsightsAlertEvent } from '@parley/contracts';
import { toOutboxMessage } from '@parley/messaging';
import { enqueueOutbox, TenantDb, type TenantTx } from '@parley/persistence';
import { INSIGHTS_CLOCK, INSIGHTS_OPTIONS, systemClock, type Clock, type InsightsOptions } from '../common/client-insights.options';
import { AlertRepository } from './alert.repository';
import { evaluateAlertRules, type Breach } from './alert.rules';
import { alertWindows } from './alert-windows.util';

export interface AlertRunResult {
  /** Conditions that began now: an alert row and one evt.insights.alert each. */
  fired: Breach[];
  /** Conditions still holding from an earlier run (nothing published again). */
  ongoing: number;
  /** Active alerts whose condition cleared. */
  resolved: number;
}

/**
 * L5: evaluates the threshold rules for one tenant and fires each condition once. In one
 * tenant transaction: an alert row is inserted with `active_key` = its subject, and the unique
 * (tenant, rule, active_key) makes a second run (or a second replica) find it instead of
 * firing again; only an inserted row enqueues evt.insights.alert (outbox, same transaction).
 * Active alerts whose condition no longer holds are resolved, so a later breach fires anew.
 */
@Injectable()
export class AlertService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: AlertRepository,
    @Inject(INSIGHTS_OPTIONS) private readonly options: Pick<InsightsOptions, 'alertRules'>,
    @Optional() @Inject(INSIGHTS_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async evaluate(tenantId: string): Promise<AlertRunResult> {
    const now = this.clock();
    const windows = alertWindows(now);
    return this.db.run(tenantId, async (tx) => {
      const window = await this.repo.window(tx, tenantId, windows);
      if (!window) return { fired: [], ongoing: 0, resolved: 0 };
      const breaches = evaluateAlertRules(window, this.options.alertRules);
      const fired: Breach[] = [];
      for (const breach of breaches) {
        const alertId = await this.repo.insertActive(tx, tenantId, breach, windows, now);
        if (!alertId) continue;
        fired.push(breach);
        await enqueueOutbox(
          tx,
          toOutboxMessage(
            InsightsAlertEvent,
            {
              version: 1,
              tenantId,
              alertId,
              audience: 'owner',
              severity: breach.severity,
              metric: breach.metric,
              value: breach.value,
              threshold: breach.threshold,
              comparator: breach.comparator,
              window: 'week',
              windowStart: windows.start.toISOString(),
              title: breach.title,
              rule: breach.rule,
              subject: breach.subject.slice(0, 200),
              suggestion: breach.suggestion.slice(0, 1000),
              occurredAt: now.toISOString(),
            },
            tenantId,
          ),
        );
      }
      const resolved = await this.resolveCleared(tx, tenantId, breaches, now);
      return { fired, ongoing: breaches.length - fired.length, resolved };
    });
  }

  private async resolveCleared(tx: TenantTx, tenantId: string, breaches: Breach[], now: Date): Promise<number> {
    const holding = new Set(breaches.map((b) => `${b.rule}\u0000${b.subject}`));
    const active = await this.repo.active(tx, tenantId);
    const cleared = active.filter((a) => !holding.has(`${a.rule}\u0000${a.subject}`)).map((a) => a.id);
    if (cleared.length === 0) return 0;
    return this.repo.resolve(tx, cleared, now);
  }
}
