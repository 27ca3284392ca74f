import { Inject, Injectable } from '@nestjs/common';
import type { InsightAlertView, InsightPeriod, OwnerPortfolio } from '@parley/contracts';
import { Prisma, PrismaService, type PrismaClient, type TenantTx } from '@parley/persistence';
import { sqlNumber as n } from '../shared/numbers.util';
import { TERM_KINDS } from '../shared/term-kinds.constants';

/** A tenant as the portfolio needs it (the tenants registry, every status). */
export interface PortfolioTenantRow {
  id: string;
  slug: string;
  displayName: string;
  kind: string;
  status: string;
  tone: string;
  llmProvider: string;
  handoffEnabled: boolean;
}

/** Sums of one tenant's hourly buckets over a window. */
export interface BucketTotals {
  turns: number;
  sessions: number;
  sentimentSum: number;
  sentimentCount: number;
  leadSessions: number;
  escalatedSessions: number;
  summarizedSessions: number;
  resolvedWithoutHuman: number;
  unmetNeeds: number;
  tokensIn: number;
  tokensOut: number;
}

export interface PortfolioInputs {
  tenants: PortfolioTenantRow[];
  /** Per tenant id, the period's bucket sums (absent = no activity). */
  current: Map<string, BucketTotals>;
  /** Per tenant id, sessions of each earlier period: index 0 = the previous period. */
  history: Map<string, number[]>;
  /** Per tenant id, tokens per `provider/model` in the period. */
  models: Map<string, Array<{ key: string; tokensIn: number; tokensOut: number }>>;
  /** Topic and unmet-need mentions per tenant, this period and the previous one. */
  terms: Array<{ tenantId: string; key: string; current: number; previous: number }>;
  feedback: Map<string, { ratings: number; positive: number; negative: number }>;
  knowledgeChunks: Map<string, number>;
  activeAlerts: Map<string, number>;
}

export const PORTFOLIO_KIND = 'portfolio';

/**
 * L4's reads across every tenant, each in an OwnerDb transaction (`tx`: the analytics role,
 * read-only, the only cross-tenant path), and its one write: the computed portfolio in
 * owner_insights, with the app-role client (owner_insights has no tenant_id and is written by
 * this service only).
 */
@Injectable()
export class PortfolioRepository {
  constructor(@Inject(PrismaService) private readonly prisma: Pick<PrismaClient, 'ownerInsight'>) {}

  /**
   * Everything L4 needs of [start, end) and the `trendPeriods` periods before it, across all
   * tenants, in a handful of grouped reads over the hourly buckets (never chat_messages).
   */
  inputs(tx: TenantTx, start: Date, end: Date, trendPeriods: number): Promise<PortfolioInputs> {
    return loadPortfolioInputs(tx, start, end, trendPeriods);
  }

  /** Active alerts of every tenant, and those resolved during [start, end), newest first. */
  async alerts(tx: TenantTx, period: { start: Date; end: Date }, limit: number): Promise<InsightAlertView[]> {
    const rows = await tx.insightAlert.findMany({
      where: { OR: [{ status: 'active' }, { resolvedAt: { gte: period.start }, firedAt: { lt: period.end } }] },
      include: { tenant: { select: { slug: true } } },
      orderBy: [{ firedAt: 'desc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map((r) => ({
      alertId: r.id,
      tenantId: r.tenantId,
      tenantSlug: r.tenant.slug,
      rule: r.rule,
      subject: r.subject,
      status: r.status,
      severity: r.severity,
      value: r.value,
      threshold: r.threshold,
      title: r.title,
      suggestion: r.suggestion,
      firedAt: r.firedAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    }));
  }

  /** One row per UTC period, rewritten on each computation. */
  async storePortfolio(period: InsightPeriod, periodStart: Date, portfolio: OwnerPortfolio): Promise<void> {
    const metrics = portfolio as unknown as Prisma.InputJsonValue;
    await this.prisma.ownerInsight.upsert({
      where: { kind_period_periodStart: { kind: PORTFOLIO_KIND, period, periodStart } },
      create: { kind: PORTFOLIO_KIND, period, periodStart, metrics },
      update: { metrics },
    });
  }
}

async function loadPortfolioInputs(tx: TenantTx, start: Date, end: Date, trendPeriods: number): Promise<PortfolioInputs> {
  const lengthMs = end.getTime() - start.getTime();
  const trendStart = new Date(start.getTime() - trendPeriods * lengthMs);
  const previousStart = new Date(start.getTime() - lengthMs);
  const tenantRows = await tx.tenant.findMany({
    select: { id: true, slug: true, displayName: true, kind: true, status: true, tone: true, llmProvider: true, escalationSettings: true },
    orderBy: { slug: 'asc' },
  });
  const buckets = await tx.$queryRaw<Array<Record<string, unknown>>>`
    SELECT tenant_id, SUM(turns) AS turns, SUM(sessions_started) AS sessions, SUM(sentiment_sum) AS sentiment_sum,
           SUM(sentiment_count) AS sentiment_count, SUM(lead_sessions) AS lead_sessions, SUM(escalated_sessions) AS escalated_sessions,
           SUM(summarized_sessions) AS summarized_sessions, SUM(resolved_without_human) AS resolved_without_human,
           SUM(unmet_needs) AS unmet_needs, SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out
    FROM insight_hourly_buckets WHERE hour_start >= ${start} AND hour_start < ${end} GROUP BY tenant_id`;
  const history = await tx.$queryRaw<Array<{ tenant_id: string; back: number; sessions: unknown }>>`
    SELECT tenant_id, floor(extract(epoch FROM (${start}::timestamptz - hour_start)) * 1000 / ${lengthMs})::int AS back, SUM(sessions_started) AS sessions
    FROM insight_hourly_buckets WHERE hour_start >= ${trendStart} AND hour_start < ${start} GROUP BY 1, 2`;
  const models = await tx.$queryRaw<Array<{ tenant_id: string; key: string; tokens_in: unknown; tokens_out: unknown }>>`
    SELECT tenant_id, key, SUM(tokens_in) AS tokens_in, SUM(tokens_out) AS tokens_out FROM insight_hourly_terms
    WHERE kind = ${TERM_KINDS.model} AND hour_start >= ${start} AND hour_start < ${end} GROUP BY 1, 2`;
  const terms = await tx.$queryRaw<Array<{ tenant_id: string; key: string; current: unknown; previous: unknown }>>`
    SELECT tenant_id, key, SUM(count) FILTER (WHERE hour_start >= ${start}) AS current, SUM(count) FILTER (WHERE hour_start < ${start}) AS previous
    FROM insight_hourly_terms WHERE kind IN (${Prisma.join([TERM_KINDS.topic, TERM_KINDS.unmetNeed])})
      AND hour_start >= ${previousStart} AND hour_start < ${end} GROUP BY 1, 2`;
  const feedback = await tx.$queryRaw<Array<{ tenant_id: string; ratings: unknown; positive: unknown; negative: unknown }>>`
    SELECT tenant_id, COUNT(*) AS ratings, COUNT(*) FILTER (WHERE rating > 0) AS positive, COUNT(*) FILTER (WHERE rating < 0) AS negative
    FROM message_feedback WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1`;
  const chunks = await tx.$queryRaw<
    Array<{ tenant_id: string; chunks: unknown }>
  >`SELECT tenant_id, COUNT(*) AS chunks FROM knowledge_chunks GROUP BY 1`;
  const alerts = await tx.$queryRaw<Array<{ tenant_id: string; alerts: unknown }>>`
    SELECT tenant_id, COUNT(*) AS alerts FROM insight_alerts WHERE status = 'active' GROUP BY 1`;

  const historyByTenant = new Map<string, number[]>();
  for (const row of history) {
    const list = historyByTenant.get(row.tenant_id) ?? Array.from({ length: trendPeriods }, () => 0);
    if (row.back >= 0 && row.back < trendPeriods) list[row.back] += n(row.sessions);
    historyByTenant.set(row.tenant_id, list);
  }
  const modelsByTenant = new Map<string, Array<{ key: string; tokensIn: number; tokensOut: number }>>();
  for (const row of models) {
    const list = modelsByTenant.get(row.tenant_id) ?? [];
    list.push({ key: row.key, tokensIn: n(row.tokens_in), tokensOut: n(row.tokens_out) });
    modelsByTenant.set(row.tenant_id, list);
  }
  return {
    tenants: tenantRows.map((t) => ({
      id: t.id,
      slug: t.slug,
      displayName: t.displayName,
      kind: t.kind,
      status: t.status,
      tone: t.tone,
      llmProvider: t.llmProvider,
      handoffEnabled: (t.escalationSettings as { handoffEnabled?: unknown } | null)?.handoffEnabled === true,
    })),
    current: new Map(
      buckets.map((b) => [
        b.tenant_id as string,
        {
          turns: n(b.turns),
          sessions: n(b.sessions),
          sentimentSum: n(b.sentiment_sum),
          sentimentCount: n(b.sentiment_count),
          leadSessions: n(b.lead_sessions),
          escalatedSessions: n(b.escalated_sessions),
          summarizedSessions: n(b.summarized_sessions),
          resolvedWithoutHuman: n(b.resolved_without_human),
          unmetNeeds: n(b.unmet_needs),
          tokensIn: n(b.tokens_in),
          tokensOut: n(b.tokens_out),
        },
      ]),
    ),
    history: historyByTenant,
    models: modelsByTenant,
    terms: terms.map((t) => ({ tenantId: t.tenant_id, key: t.key, current: n(t.current), previous: n(t.previous) })),
    feedback: new Map(feedback.map((f) => [f.tenant_id, { ratings: n(f.ratings), positive: n(f.positive), negative: n(f.negative) }])),
    knowledgeChunks: new Map(chunks.map((c) => [c.tenant_id, n(c.chunks)])),
    activeAlerts: new Map(alerts.map((a) => [a.tenant_id, n(a.alerts)])),
  };
}
