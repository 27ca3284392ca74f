import { Inject, Injectable, Optional } from '@nestjs/common';
import { TenantDb, type TenantTx } from '@parley/persistence';
import { INSIGHTS_CLOCK, INSIGHTS_OPTIONS, systemClock, type Clock, type InsightsOptions } from '../common/client-insights.options';
import { addDays, localDateOf, localMidnight } from '@parley/contracts/calendar';
import { ContactEraser } from './contact-eraser.client';
import { RetentionRepository, type FoldWindow, type RetentionTenant } from './retention.repository';
import { daySpans, daysIn, floorDayAfter, maxDay, retentionCutoffDay } from './retention-window.util';
import { changedDays, foldUsage } from './usage-fold.calculator';

/** Days folded per transaction when sealing (a tenant's first run may have months of history). */
const SEAL_SPAN_DAYS = 7;
/** Recent days recomputed on every run: yesterday and today (UTC). */
const RECENT_DAYS = 2;
const FOLD_TX_TIMEOUT_MS = 60_000;

/** What one tenant's pass did. `complete` is false when the run's deadline or shutdown stopped it (the next run resumes). */
export interface TenantRetentionResult {
  tenantId: string;
  sealedDays: number;
  refreshedDays: number;
  deletedMessages: number;
  deletedToolExecutions: number;
  /** Under the `with_messages` policy only (otherwise 0). */
  erasedContacts: number;
  deletedSummaries: number;
  deletedInteractions: number;
  complete: boolean;
}

/**
 * Retention of one tenant, in idempotent steps, each committed on its own. Days are the
 * tenant's local calendar days (tenants.timezone), so a billing period (a local calendar month)
 * is an exact sum of usage_daily days.
 * 1. seal: the days before the tenant's cutoff (local today - retentionDays) that are not sealed
 *    yet are recomputed in full from chat_messages and chat_sessions and written to usage_daily
 *    with sealed_at, a span of days per transaction that also moves the tenant's seal
 *    (usage_seals.sealed_through) to the span's end; content before the seal is never folded
 *    again (it may be partly deleted), content at or after it only into unsealed days, and
 *    content is only ever deleted before the seal, so a crash anywhere, or a change of the
 *    tenant's time zone, loses no usage and counts none twice;
 * 2. refresh: the unsealed days from yesterday (or, with `refreshAll`, from the cutoff) to today
 *    are recomputed and replaced, so usage reads are at most one run old;
 * 3. delete the messages created before the cutoff's local midnight (and before the seal), in
 *    batches of `batchSize`, each its own short transaction (cascading to their signals and
 *    feedback);
 * 4. delete the tool executions older than `toolExecutionDays`, in batches;
 * 5. only when the tenant's policy lets derived data go with the messages (`with_messages`):
 *    erase the contacts not seen since the cutoff through the CRM, then delete the session
 *    summaries and interactions from before the cutoff, in batches.
 * Sealing and steps 3 to 5 stop between spans and batches once `shouldStop()` says so (the run's
 * deadline, or shutdown).
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    private readonly repo: RetentionRepository,
    private readonly contacts: ContactEraser,
    @Inject(INSIGHTS_OPTIONS) private readonly options: Pick<InsightsOptions, 'modelPrices' | 'retention'>,
    @Optional() @Inject(INSIGHTS_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async tenants(): Promise<RetentionTenant[]> {
    return this.repo.tenants();
  }

  async processTenant(tenant: RetentionTenant, opts: { shouldStop: () => boolean; refreshAll?: boolean }): Promise<TenantRetentionResult> {
    const now = this.clock();
    const tz = tenant.timezone;
    const today = localDateOf(now, tz);
    const cutoff = retentionCutoffDay(now, tenant.retentionDays, tz);
    const result: TenantRetentionResult = {
      tenantId: tenant.id,
      sealedDays: 0,
      refreshedDays: 0,
      deletedMessages: 0,
      deletedToolExecutions: 0,
      erasedContacts: 0,
      deletedSummaries: 0,
      deletedInteractions: 0,
      complete: false,
    };

    const sealed = await this.seal(tenant.id, tz, cutoff, now, opts.shouldStop);
    result.sealedDays = sealed.days;
    const refreshFrom = maxDay(cutoff, opts.refreshAll ? cutoff : addDays(today, -(RECENT_DAYS - 1)));
    result.refreshedDays = await this.db.run(
      tenant.id,
      (tx) => this.fold(tx, tenant.id, { timeZone: tz, from: refreshFrom, to: addDays(today, 1), through: sealed.through }, null),
      { timeoutMs: FOLD_TX_TIMEOUT_MS },
    );

    // Content is deleted only once every day before the cutoff is sealed, and only before the seal.
    if (!sealed.complete) return result;
    const cutoffAt = localMidnight(cutoff, tz);
    const deleteBefore = sealed.through === null || sealed.through > cutoffAt ? cutoffAt : sealed.through;
    const { toolExecutionDays } = this.options.retention;
    const messages = await this.deleteInBatches(opts.shouldStop, (limit) =>
      this.db.run(tenant.id, (tx) => this.repo.deleteMessagesBefore(tx, tenant.id, deleteBefore, limit)),
    );
    result.deletedMessages = messages.deleted;
    if (!messages.complete) return result;
    const toolsBefore = localMidnight(addDays(today, -toolExecutionDays), tz);
    const tools = await this.deleteInBatches(opts.shouldStop, (limit) =>
      this.db.run(tenant.id, (tx) => this.repo.deleteToolExecutionsBefore(tx, tenant.id, toolsBefore, limit)),
    );
    result.deletedToolExecutions = tools.deleted;
    if (!tools.complete || tenant.derivedDataRetention !== 'with_messages') {
      result.complete = tools.complete;
      return result;
    }

    const before = cutoffAt;
    const contacts = await this.deleteInBatches(opts.shouldStop, async (limit) => {
      const ids = await this.db.run(tenant.id, (tx) => this.repo.staleContactIds(tx, tenant.id, before, limit));
      // One at a time: each erasure is its own transaction in the CRM, and a tenant's run
      // should not flood it. A failure ends this tenant's pass (the next run resumes).
      for (const id of ids) await this.contacts.erase(tenant.id, id);
      return ids.length;
    });
    result.erasedContacts = contacts.deleted;
    if (!contacts.complete) return result;
    const summaries = await this.deleteInBatches(opts.shouldStop, (limit) =>
      this.db.run(tenant.id, (tx) => this.repo.deleteSummariesBefore(tx, tenant.id, before, limit)),
    );
    result.deletedSummaries = summaries.deleted;
    if (!summaries.complete) return result;
    const interactions = await this.deleteInBatches(opts.shouldStop, (limit) =>
      this.db.run(tenant.id, (tx) => this.repo.deleteInteractionsBefore(tx, tenant.id, before, limit)),
    );
    result.deletedInteractions = interactions.deleted;
    result.complete = interactions.complete;
    return result;
  }

  /**
   * Seals every day with content from the first one at or after the tenant's seal up to the
   * cutoff (exclusive), a span of days per transaction that also moves the seal to the span's
   * end. Returns how many days got usage rows and the seal afterwards. Days with no content get
   * no row: there is nothing of theirs to delete. Stops between spans once `shouldStop()` says so.
   */
  private async seal(
    tenantId: string,
    timeZone: string,
    cutoff: string,
    now: Date,
    shouldStop: () => boolean,
  ): Promise<{ days: number; complete: boolean; through: Date | null }> {
    const start = await this.db.run(tenantId, async (tx) => {
      const sealedThrough = await this.repo.sealedThrough(tx, tenantId);
      return { through: sealedThrough, first: await this.repo.firstContentAt(tx, tenantId, sealedThrough) };
    });
    const first = start.first;
    let through = start.through;
    if (first === null) return { days: 0, complete: true, through };
    const from = through === null ? localDateOf(first, timeZone) : maxDay(floorDayAfter(through, timeZone), localDateOf(first, timeZone));
    if (from >= cutoff) return { days: 0, complete: true, through };
    let days = 0;
    for (const span of daySpans(from, cutoff, SEAL_SPAN_DAYS)) {
      if (shouldStop()) return { days, complete: false, through };
      const end = localMidnight(span.to, timeZone);
      days += await this.db.run(
        tenantId,
        async (tx) => {
          // Open rows of days before the first one to seal count nothing that is not sealed
          // already (left by a refresh under the tenant's former time zone): they go.
          if (span.from === from) await this.repo.deleteUnsealedBefore(tx, tenantId, from);
          const n = await this.fold(tx, tenantId, { timeZone, from: span.from, to: span.to, through }, now);
          await this.repo.setSealedThrough(tx, tenantId, end);
          return n;
        },
        { timeoutMs: FOLD_TX_TIMEOUT_MS },
      );
      through = end;
    }
    return { days, complete: true, through };
  }

  /**
   * Recomputes the unsealed days of [from, to) from the content at or after the seal and
   * replaces their rows: every day when sealing, only the days whose numbers changed when
   * refreshing (no rewrite, no dead rows, for a quiet day). Returns how many days have rows.
   */
  private async fold(
    tx: TenantTx,
    tenantId: string,
    range: { timeZone: string; from: string; to: string; through: Date | null },
    sealedAt: Date | null,
  ): Promise<number> {
    const { timeZone, from, to, through } = range;
    if (from >= to) return 0;
    // The first unsealed day takes everything from the seal on (after a change of time zone the
    // seal may fall inside a local day); a later day starts at its own local midnight.
    const afterSeal = through === null ? null : floorDayAfter(through, timeZone);
    const floorDay = afterSeal === null ? from : maxDay(from, afterSeal);
    const window: FoldWindow = {
      timeZone,
      start: through !== null && floorDay === afterSeal ? through : localMidnight(floorDay, timeZone),
      end: localMidnight(to, timeZone),
      floorDay,
    };
    if (window.start >= window.end) return 0;
    // One after the other: queries issued together on one transaction's connection queue inside
    // pg and trigger its "already executing" deprecation (an error from pg 9).
    const sealed = await this.repo.sealedDays(tx, tenantId, from, to);
    const messages = await this.repo.messageAggregates(tx, tenantId, window);
    const sessions = await this.repo.sessionAggregates(tx, tenantId, window);
    const current = sealedAt === null ? await this.repo.unsealedRows(tx, tenantId, from, to) : undefined;
    const rows = foldUsage(messages, sessions, this.options.modelPrices, sealed);
    const days = current === undefined ? daysIn(from, to).filter((d) => !sealed.has(d)) : [...changedDays(current, rows)];
    const write = new Set(days);
    await this.repo.replaceUnsealed(
      tx,
      tenantId,
      days,
      rows.filter((r) => write.has(r.day)),
      sealedAt,
    );
    return new Set(rows.map((r) => r.day)).size;
  }

  private async deleteInBatches(
    shouldStop: () => boolean,
    batch: (limit: number) => Promise<number>,
  ): Promise<{ deleted: number; complete: boolean }> {
    const limit = this.options.retention.batchSize;
    let deleted = 0;
    for (;;) {
      if (shouldStop()) return { deleted, complete: false };
      const n = await batch(limit);
      deleted += n;
      if (n < limit) return { deleted, complete: true };
    }
  }
}
