/** insight_hourly_terms.kind: what a counted key is (ingest writes them; rollups, portfolio and alerts read them). */
export const TERM_KINDS = { topic: 'topic', unmetNeed: 'unmet_need', model: 'model' } as const;
