// The metric names infra/ relies on. The services' own metrics are a contract with
// libs/observability, libs/messaging and libs/llm (documented in infra/prometheus/alerts.yml);
// the rest come from prom-client's default metrics, Prometheus and prometheus-nats-exporter.

/** Metrics the Parley services must expose under exactly these names (histograms: base name). */
export const SERVICE_METRICS = [
  'http_request_duration_seconds',
  'parley_dependency_up',
  'parley_consumer_lag',
  'parley_dead_letters_total',
  'parley_outbox_pending',
  'parley_llm_fallbacks_total',
  'parley_llm_tokens_total',
  'parley_insights_job_runs_total',
  'parley_insights_alerts_fired_total',
  'parley_retention_runs_total',
  'parley_retention_rows_total',
  'parley_retention_last_run_seconds',
  'parley_retention_last_success_timestamp_seconds',
  'parley_notifier_deliveries_total',
  'parley_notifier_delivery_seconds',
  'parley_notifier_delivery_lag_seconds',
  'parley_notifier_breakers_open',
  'parley_notifier_notifications_total',
  'parley_degrade_active',
  'parley_degrade_signal',
] as const;

const HISTOGRAM_SERIES = ['_bucket', '_count', '_sum'].map((suffix) => `http_request_duration_seconds${suffix}`);

/** prom-client collectDefaultMetrics() (no prefix). */
const NODE_DEFAULT_METRICS = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_eventloop_lag_p99_seconds',
];

/** prometheus-nats-exporter -jsz=all (default `jetstream` prefix). */
const NATS_EXPORTER_METRICS = [
  'jetstream_consumer_num_pending',
  'jetstream_consumer_num_ack_pending',
  'jetstream_consumer_delivered_stream_seq',
  'jetstream_stream_total_messages',
];

/** Every series name an alert or dashboard query may use. */
export const PARLEY_METRICS: readonly string[] = [
  'up',
  'ALERTS',
  ...SERVICE_METRICS.filter((m) => m !== 'http_request_duration_seconds'),
  ...HISTOGRAM_SERIES,
  ...NODE_DEFAULT_METRICS,
  ...NATS_EXPORTER_METRICS,
];

const PROMQL_WORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/**
 * Metric names referenced by a PromQL expression: identifiers that are not inside label
 * matchers, range selectors, strings or grouping clauses, and not function calls or keywords.
 */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const token = match[0];
    const after = stripped.slice((match.index ?? 0) + token.length).trimStart();
    if (after.startsWith('(') || PROMQL_WORDS.has(token.toLowerCase())) continue;
    if (/^[0-9]/.test(token)) continue;
    names.add(token);
  }
  return [...names];
}
