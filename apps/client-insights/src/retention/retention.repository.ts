import { Inject, Injectable } from '@nestjs/common';
import type { DerivedDataRetention } from '@parley/contracts';
import { PrismaService, type PrismaClient, type TenantTx } from '@parley/persistence';
import type { MessageAggregate, SessionAggregate, UsageDailyRow } from './usage-fold.calculator';
import { isValidTimeZone } from '@parley/contracts/calendar';
import { utcDayOf, utcMidnight } from './retention-window.util';

/** A tenant as the retention job sees it. */
export interface RetentionTenant {
  id: string;
  retentionDays: number;
  /** `with_messages`: summaries, interactions and contacts go after retentionDays too. */
  derivedDataRetention: DerivedDataRetention;
  /** IANA zone whose calendar days usage_daily's days are (UTC when the stored one is unusable). */
  timezone: string;
}

/**
 * Which content a fold reads: created (messages) or started (sessions) in [start, end), each
 * counted on its local day in `timeZone`, but never before `floorDay` (content of a partly
 * sealed local day, after a change of time zone, goes to the first unsealed day).
 */
export interface FoldWindow {
  timeZone: string;
  start: Date;
  end: Date;
  floorDay: string;
}

/**
 * The retention job's reads and writes. The tenants registry (no RLS) with the app-role client;
 * everything else in the caller's tenant transaction (TenantDb.run: RLS applies). Deleting
 * chat_messages and tool_executions is the one write client-insights makes to chat's tables
 * (docs/adr/0017-retention-and-usage.md, ADR 0015): message_signals and message_feedback go
 * with their message (ON DELETE CASCADE), tenant_interactions and tool_executions keep their
 * row with message_id set to null; sessions, summaries and contacts are not touched unless the
 * tenant's policy lets them go with the messages (derived_data_retention = 'with_messages'):
 * then summaries and interactions past the cutoff are deleted here, and stale contacts are
 * erased through the CRM (ContactEraser), which owns what erasure means.
 */
@Injectable()
export class RetentionRepository {
  constructor(@Inject(PrismaService) private readonly prisma: Pick<PrismaClient, 'tenant'>) {}

  /** Every tenant, deactivated ones included (their content ages out too), by id. */
  async tenants(): Promise<RetentionTenant[]> {
    const rows = await this.prisma.tenant.findMany({
      select: { id: true, retentionDays: true, derivedDataRetention: true, timezone: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((r) => ({
      ...r,
      derivedDataRetention: r.derivedDataRetention === 'with_messages' ? 'with_messages' : 'keep',
      timezone: isValidTimeZone(r.timezone) ? r.timezone : 'UTC',
    }));
  }

  /** The instant up to which the tenant's usage is sealed, or null when nothing is. */
  async sealedThrough(tx: TenantTx, tenantId: string): Promise<Date | null> {
    const row = await tx.usageSeal.findUnique({ where: { tenantId }, select: { sealedThrough: true } });
    return row?.sealedThrough ?? null;
  }

  /** Moves the tenant's seal to `instant`, in the caller's transaction (with the days it sealed). */
  async setSealedThrough(tx: TenantTx, tenantId: string, instant: Date): Promise<void> {
    await tx.usageSeal.upsert({
      where: { tenantId },
      create: { tenantId, sealedThrough: instant },
      update: { sealedThrough: instant },
    });
  }

  /** The tenant's earliest message or session start at or after `since` (all time when null), or null. */
  async firstContentAt(tx: TenantTx, tenantId: string, since: Date | null): Promise<Date | null> {
    const after = since ?? new Date(0);
    // One after the other: queries issued together on one transaction's connection queue inside pg
    // and trigger its "already executing" deprecation (an error from pg 9).
    const message = await tx.chatMessage.findFirst({
      where: { tenantId, createdAt: { gte: after } },
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    });
    const session = await tx.chatSession.findFirst({
      where: { tenantId, startedAt: { gte: after } },
      orderBy: { startedAt: 'asc' },
      select: { startedAt: true },
    });
    const first = [message?.createdAt, session?.startedAt]
      .filter((d): d is Date => d !== undefined)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return first ?? null;
  }

  /** The tenant's sealed UTC days in [from, to). */
  async sealedDays(tx: TenantTx, tenantId: string, from: string, to: string): Promise<Set<string>> {
    const rows = await tx.usageDaily.findMany({
      where: { tenantId, day: { gte: utcMidnight(from), lt: utcMidnight(to) }, sealedAt: { not: null } },
      select: { day: true },
      distinct: ['day'],
    });
    return new Set(rows.map((r) => utcDayOf(r.day)));
  }

  /** Messages of the window grouped by local day, provider and model (one index range read). */
  async messageAggregates(tx: TenantTx, tenantId: string, w: FoldWindow): Promise<MessageAggregate[]> {
    const rows = await tx.$queryRaw<
      Array<{ day: string; provider: string; model: string; messages: number; tokens_in: bigint; tokens_out: bigint }>
    >`
      SELECT to_char(greatest((created_at AT TIME ZONE ${w.timeZone})::date, ${w.floorDay}::date), 'YYYY-MM-DD') AS day,
             coalesce(provider, '') AS provider, coalesce(model, '') AS model,
             count(*)::int AS messages, coalesce(sum(tokens_in), 0)::bigint AS tokens_in, coalesce(sum(tokens_out), 0)::bigint AS tokens_out
        FROM chat_messages
       WHERE tenant_id = ${tenantId}::uuid AND created_at >= ${w.start} AND created_at < ${w.end}
       GROUP BY 1, 2, 3`;
    return rows.map((r) => ({
      day: r.day,
      provider: r.provider,
      model: r.model,
      messages: r.messages,
      tokensIn: Number(r.tokens_in),
      tokensOut: Number(r.tokens_out),
    }));
  }

  /** Sessions started in the window per local day. */
  async sessionAggregates(tx: TenantTx, tenantId: string, w: FoldWindow): Promise<SessionAggregate[]> {
    return tx.$queryRaw<SessionAggregate[]>`
      SELECT to_char(greatest((started_at AT TIME ZONE ${w.timeZone})::date, ${w.floorDay}::date), 'YYYY-MM-DD') AS day,
             count(*)::int AS sessions
        FROM chat_sessions
       WHERE tenant_id = ${tenantId}::uuid AND started_at >= ${w.start} AND started_at < ${w.end}
       GROUP BY 1`;
  }

  /** The tenant's unsealed usage_daily rows of [from, to), in foldUsage's order. */
  async unsealedRows(tx: TenantTx, tenantId: string, from: string, to: string): Promise<UsageDailyRow[]> {
    const rows = await tx.usageDaily.findMany({
      where: { tenantId, day: { gte: utcMidnight(from), lt: utcMidnight(to) }, sealedAt: null },
      orderBy: [{ day: 'asc' }, { provider: 'asc' }, { model: 'asc' }],
    });
    return rows.map((r) => ({
      day: utcDayOf(r.day),
      provider: r.provider,
      model: r.model,
      messages: r.messages,
      sessions: r.sessions,
      tokensIn: Number(r.tokensIn),
      tokensOut: Number(r.tokensOut),
      costUsd: Number(r.costUsd),
    }));
  }

  /**
   * Replaces the unsealed usage_daily rows of `days` with `rows` (all on those days, none on a
   * sealed day), sealed at `sealedAt` or left open (null). In the caller's transaction, so a
   * day's totals change all at once.
   */
  async replaceUnsealed(tx: TenantTx, tenantId: string, days: string[], rows: UsageDailyRow[], sealedAt: Date | null): Promise<void> {
    if (days.length === 0) return;
    await tx.usageDaily.deleteMany({ where: { tenantId, day: { in: days.map(utcMidnight) }, sealedAt: null } });
    if (rows.length === 0) return;
    await tx.usageDaily.createMany({
      data: rows.map((r) => ({
        tenantId,
        day: utcMidnight(r.day),
        provider: r.provider,
        model: r.model,
        messages: r.messages,
        sessions: r.sessions,
        tokensIn: BigInt(r.tokensIn),
        tokensOut: BigInt(r.tokensOut),
        costUsd: r.costUsd,
        sealedAt,
      })),
    });
  }

  /** Deletes the tenant's unsealed usage_daily rows of days before `day`. */
  async deleteUnsealedBefore(tx: TenantTx, tenantId: string, day: string): Promise<void> {
    await tx.usageDaily.deleteMany({ where: { tenantId, day: { lt: utcMidnight(day) }, sealedAt: null } });
  }

  /** Deletes at most `limit` of the tenant's messages created before `before`, oldest first; returns how many. */
  async deleteMessagesBefore(tx: TenantTx, tenantId: string, before: Date, limit: number): Promise<number> {
    return tx.$executeRaw`
      DELETE FROM chat_messages m
       USING (SELECT id FROM chat_messages WHERE tenant_id = ${tenantId}::uuid AND created_at < ${before} ORDER BY created_at LIMIT ${limit}) doomed
       WHERE m.id = doomed.id`;
  }

  /** Deletes at most `limit` of the tenant's tool executions created before `before`; returns how many. */
  async deleteToolExecutionsBefore(tx: TenantTx, tenantId: string, before: Date, limit: number): Promise<number> {
    return tx.$executeRaw`
      DELETE FROM tool_executions t
       USING (SELECT id FROM tool_executions WHERE tenant_id = ${tenantId}::uuid AND created_at < ${before} ORDER BY created_at LIMIT ${limit}) doomed
       WHERE t.id = doomed.id`;
  }

  /** Ids of at most `limit` of the tenant's contacts last seen before `before`, least recent first. */
  async staleContactIds(tx: TenantTx, tenantId: string, before: Date, limit: number): Promise<string[]> {
    const rows = await tx.tenantContact.findMany({
      where: { tenantId, lastSeenAt: { lt: before } },
      orderBy: { lastSeenAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  /** Deletes at most `limit` of the tenant's session summaries last written before `before`; returns how many. */
  async deleteSummariesBefore(tx: TenantTx, tenantId: string, before: Date, limit: number): Promise<number> {
    return tx.$executeRaw`
      DELETE FROM session_summaries s
       USING (SELECT id FROM session_summaries
               WHERE tenant_id = ${tenantId}::uuid AND created_at < ${before} AND updated_at < ${before}
               ORDER BY created_at LIMIT ${limit}) doomed
       WHERE s.id = doomed.id`;
  }

  /** Deletes at most `limit` of the tenant's interactions that occurred before `before`; returns how many. */
  async deleteInteractionsBefore(tx: TenantTx, tenantId: string, before: Date, limit: number): Promise<number> {
    return tx.$executeRaw`
      DELETE FROM tenant_interactions i
       USING (SELECT id FROM tenant_interactions WHERE tenant_id = ${tenantId}::uuid AND occurred_at < ${before} ORDER BY occurred_at LIMIT ${limit}) doomed
       WHERE i.id = doomed.id`;
  }
}
