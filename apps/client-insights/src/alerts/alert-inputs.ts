import type { TenantTx } from '@parley/persistence';
import { TERM_KINDS } from '../rollup/compute-rollup';
import type { AlertWindow } from './alert-rules';

const DAY_MS = 86_400_000;
const MAX_QUESTIONS = 50;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * [start, end): the last 7 days of UTC hours up to and including the hour in progress (so an
 * alert can fire within minutes of the conversations that cause it), and the 7 days before.
 */
export function alertWindows(now: Date): { start: Date; end: Date; previousStart: Date } {
  const end = new Date((Math.floor(now.getTime() / 3_600_000) + 1) * 3_600_000);
  const start = new Date(end.getTime() - 7 * DAY_MS);
  return { start, end, previousStart: new Date(start.getTime() - 7 * DAY_MS) };
}

/** One tenant's rule inputs, read in its own tenant transaction (RLS applies). Null for an unknown tenant. */
export async function loadAlertWindow(tx: TenantTx, tenantId: string, w: { start: Date; end: Date; previousStart: Date }): Promise<AlertWindow | null> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { displayName: true, tone: true, escalationSettings: true, allowedOrigins: true } });
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
    current: { sessions: n(sums?.sessions), escalatedSessions: n(sums?.escalated), sentimentSum: n(sums?.sentiment_sum), sentimentCount: n(sums?.sentiment_count) },
    previous: { sessions: n(sums?.previous_sessions), sentimentSum: n(sums?.previous_sentiment_sum), sentimentCount: n(sums?.previous_sentiment_count) },
    unanswered: unanswered.map((u) => ({ question: u.key, count: n(u.count) })),
    topTopics: topics.map((t) => t.key),
  };
}
