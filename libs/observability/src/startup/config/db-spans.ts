/**
 * Which PostgreSQL work gets spans inside a traced request (OTEL_DB_SPANS):
 * - `all`: every statement and every pool connect (the connect span is the wait for a pooled
 *   connection, so an exhausted pool shows as such);
 * - `statements`: every statement, no connect spans (a wait for a connection is a gap before the
 *   statement's span);
 * - `none`: pg is not instrumented; database time shows only as gaps in the request's spans and in
 *   the services' own histograms (chat's turn stages).
 */
export const DB_SPAN_MODES = ['all', 'statements', 'none'] as const;
export type DbSpans = (typeof DB_SPAN_MODES)[number];
