import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@parley/persistence';
import { sqlNumber as n } from '../shared/numbers.util';
import { TERM_KINDS } from '../shared/term-kinds.constants';
import type { AlertWindow, Breach } from './alert.rules';
import type { AlertWindows } from './alert-windows.util';

const MAX_QUESTIONS = 50;

/** L5's reads and writes in one tenant's transaction (RLS applies): the rule inputs and insight_alerts. */
@Injectable()
export class AlertRepository {
  /** The tenant's rule inputs over the two windows. Null for an unknown tenant. */
  async window(tx: TenantTx, tenantId: string, w: AlertWindows): Promise<AlertWindow | null> {
    const tenant = await tx.tenant.findUnique({
      where: { id: tenantId },
      select: { displayName: true, tone: true, escalationSettings: true, allowedOrigins: true },
    });
    if (!tenant) return null;
    const [sums] = await tx.$queryRaw<Array<Record<string, unknown>>>`
      SELECT SUM(sessions_started) FILTER (WHERE hour_start >= ${w.start}) AS sessions,
             SUM(escalated_sessions) FILTER (WHERE hour_start >= ${w.start}) AS escalated,
             SUM(sentiment_sum) FILTER (WHERE hour_start >= ${w.start}) AS sentiment_sum,
             SUM(sentiment_count) FILTER (WHERE hour_start >= ${w.start}) AS sentiment_count,
             SUM(sessions_started) FILTER (WHERE hour_start < ${w.start}) AS previous_sessions,
             SUM(sentiment_sum) FILTER (WHERE hour_start < ${w.start}) AS previous_sentiment_sum,
             SUM(sentiment_count) FILTER (WHERE hour_start < ${w.start}) AS previous_sentiment_count
      FROM insight_hourly_buckets WHERE tenant_id = ${tenantId}::uuid AND hour_start >= ${w.previousStart} AND hour_start < ${w.end}`;
    const terms = (kind: string, limit: number) => tx.$queryRaw<Array<{ key: string; count: unknown }>>`
      SELECT key, SUM(count) AS count FROM insight_hourly_terms
      WHERE tenant_id = ${tenantId}::uuid AND kind = ${kind} AND hour_start >= ${w.start} AND hour_start < ${w.end}
      GROUP BY key ORDER BY SUM(count) DESC, key ASC LIMIT ${limit}`;
    const unanswered = await terms(TERM_KINDS.unmetNeed, MAX_QUESTIONS);
    const topics = await terms(TERM_KINDS.topic, 3);
    return {
      tenantName: tenant.displayName,
      tone: tenant.tone,
      handoffEnabled: (tenant.escalationSettings as { handoffEnabled?: unknown } | null)?.handoffEnabled === true,
      site: tenant.allowedOrigins[0] ?? null,
      current: {
        sessions: n(sums?.sessions),
        escalatedSessions: n(sums?.escalated),
        sentimentSum: n(sums?.sentiment_sum),
        sentimentCount: n(sums?.sentiment_count),
      },
      previous: {
        sessions: n(sums?.previous_sessions),
        sentimentSum: n(sums?.previous_sentiment_sum),
        sentimentCount: n(sums?.previous_sentiment_count),
      },
      unanswered: unanswered.map((u) => ({ question: u.key, count: n(u.count) })),
      topTopics: topics.map((t) => t.key),
    };
  }

  /**
   * Inserts the active alert (`active_key` = its subject) and returns its id; when the unique
   * (tenant, rule, active_key) finds it already active, refreshes it and returns null.
   */
  async insertActive(tx: TenantTx, tenantId: string, b: Breach, w: { start: Date; end: Date }, now: Date): Promise<string | null> {
    const [row] = await tx.$queryRaw<Array<{ id: string; inserted: boolean }>>`
      INSERT INTO insight_alerts (tenant_id, rule, subject, active_key, status, severity, value, threshold, title, suggestion, details, window_start, window_end, fired_at, last_seen_at)
      VALUES (${tenantId}::uuid, ${b.rule}::insight_alert_rule, ${b.subject}, ${b.subject}, 'active', ${b.severity}, ${b.value}, ${b.threshold},
              ${b.title.slice(0, 200)}, ${b.suggestion}, ${JSON.stringify(b.details)}::jsonb, ${w.start}, ${w.end}, ${now}, ${now})
      ON CONFLICT (tenant_id, rule, active_key) DO UPDATE
        SET last_seen_at = EXCLUDED.last_seen_at, value = EXCLUDED.value, details = EXCLUDED.details, window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end
      RETURNING id, (xmax = 0) AS inserted`;
    return row.inserted ? row.id : null;
  }

  async active(tx: TenantTx, tenantId: string): Promise<Array<{ id: string; rule: string; subject: string }>> {
    return tx.insightAlert.findMany({ where: { tenantId, status: 'active' }, select: { id: true, rule: true, subject: true } });
  }

  /** Resolves the alerts still active among `ids` (a later breach fires anew); returns how many. */
  async resolve(tx: TenantTx, ids: string[], now: Date): Promise<number> {
    const { count } = await tx.insightAlert.updateMany({
      where: { id: { in: ids }, status: 'active' },
      data: { status: 'resolved', activeKey: null, resolvedAt: now },
    });
    return count;
  }
}
