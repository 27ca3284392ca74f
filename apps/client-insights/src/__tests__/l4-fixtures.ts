import type { PrismaClient } from '@parley/persistence';

/** Counters of one insight_hourly_buckets row (the rest are zero). */
export interface BucketFixture {
  turns?: number;
  sessions_started?: number;
  sentiment_sum?: number;
  sentiment_count?: number;
  lead_sessions?: number;
  escalated_sessions?: number;
  summarized_sessions?: number;
  resolved_without_human?: number;
  unmet_needs?: number;
  tokens_in?: number;
  tokens_out?: number;
}

/** Writes (adds to) a tenant's bucket of one UTC hour as the owner role: L4/L5 read these. */
export async function putBucket(owner: PrismaClient, tenantId: string, hour: string, b: BucketFixture): Promise<void> {
  const v = {
    turns: 0,
    sessions_started: 0,
    sentiment_sum: 0,
    sentiment_count: 0,
    lead_sessions: 0,
    escalated_sessions: 0,
    summarized_sessions: 0,
    resolved_without_human: 0,
    unmet_needs: 0,
    tokens_in: 0,
    tokens_out: 0,
    ...b,
  };
  await owner.$executeRaw`
    INSERT INTO insight_hourly_buckets AS x (tenant_id, hour_start, turns, sessions_started, sentiment_sum, sentiment_count, lead_sessions,
      escalated_sessions, summarized_sessions, resolved_without_human, unmet_needs, tokens_in, tokens_out)
    VALUES (${tenantId}::uuid, ${new Date(hour)}, ${v.turns}, ${v.sessions_started}, ${v.sentiment_sum}, ${v.sentiment_count}, ${v.lead_sessions},
      ${v.escalated_sessions}, ${v.summarized_sessions}, ${v.resolved_without_human}, ${v.unmet_needs}, ${v.tokens_in}, ${v.tokens_out})
    ON CONFLICT (tenant_id, hour_start) DO UPDATE SET turns = x.turns + EXCLUDED.turns, sessions_started = x.sessions_started + EXCLUDED.sessions_started,
      sentiment_sum = x.sentiment_sum + EXCLUDED.sentiment_sum, sentiment_count = x.sentiment_count + EXCLUDED.sentiment_count,
      lead_sessions = x.lead_sessions + EXCLUDED.lead_sessions, escalated_sessions = x.escalated_sessions + EXCLUDED.escalated_sessions,
      summarized_sessions = x.summarized_sessions + EXCLUDED.summarized_sessions, resolved_without_human = x.resolved_without_human + EXCLUDED.resolved_without_human,
      unmet_needs = x.unmet_needs + EXCLUDED.unmet_needs, tokens_in = x.tokens_in + EXCLUDED.tokens_in, tokens_out = x.tokens_out + EXCLUDED.tokens_out`;
}

/** Adds to a (kind, key) count of one UTC hour (topics, unmet needs, model tokens). */
export async function putTerm(
  owner: PrismaClient,
  tenantId: string,
  hour: string,
  kind: string,
  key: string,
  count: number,
  tokens = { in: 0, out: 0 },
): Promise<void> {
  await owner.$executeRaw`
    INSERT INTO insight_hourly_terms AS t (tenant_id, hour_start, kind, key, count, tokens_in, tokens_out)
    VALUES (${tenantId}::uuid, ${new Date(hour)}, ${kind}, ${key}, ${count}, ${tokens.in}, ${tokens.out})
    ON CONFLICT (tenant_id, hour_start, kind, key) DO UPDATE
      SET count = t.count + EXCLUDED.count, tokens_in = t.tokens_in + EXCLUDED.tokens_in, tokens_out = t.tokens_out + EXCLUDED.tokens_out`;
}
