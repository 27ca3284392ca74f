-- L3 client insights: incremental per-tenant hourly buckets, per-hour term counts (topics, unmet needs, model usage) and per-session state, all under tenant RLS.
-- CreateTable
CREATE TABLE "insight_hourly_buckets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "sessions_started" INTEGER NOT NULL DEFAULT 0,
    "returning_sessions" INTEGER NOT NULL DEFAULT 0,
    "sessions_closed" INTEGER NOT NULL DEFAULT 0,
    "sentiment_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sentiment_count" INTEGER NOT NULL DEFAULT 0,
    "lead_sessions" INTEGER NOT NULL DEFAULT 0,
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "escalated_sessions" INTEGER NOT NULL DEFAULT 0,
    "summarized_sessions" INTEGER NOT NULL DEFAULT 0,
    "resolved_without_human" INTEGER NOT NULL DEFAULT 0,
    "unmet_needs" INTEGER NOT NULL DEFAULT 0,
    "tokens_in" BIGINT NOT NULL DEFAULT 0,
    "tokens_out" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

CONSTRAINT "insight_hourly_buckets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insight_hourly_terms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "tokens_in" BIGINT NOT NULL DEFAULT 0,
    "tokens_out" BIGINT NOT NULL DEFAULT 0,

CONSTRAINT "insight_hourly_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insight_sessions" (
    "tenant_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "contact_id" UUID,
    "first_hour" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "summarized" BOOLEAN NOT NULL DEFAULT false,

CONSTRAINT "insight_sessions_pkey" PRIMARY KEY ("tenant_id","session_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "insight_hourly_buckets_tenant_id_hour_start_key" ON "insight_hourly_buckets"("tenant_id", "hour_start");

-- CreateIndex
CREATE UNIQUE INDEX "insight_hourly_terms_tenant_id_hour_start_kind_key_key" ON "insight_hourly_terms"("tenant_id", "hour_start", "kind", "key");

-- CreateIndex
CREATE INDEX "insight_sessions_tenant_id_contact_id_started_at_idx" ON "insight_sessions"("tenant_id", "contact_id", "started_at");

-- Row-level security (same policy shape as 20261123090100_rls_grants_lookups).
ALTER TABLE "insight_hourly_buckets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "insight_hourly_buckets" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "insight_hourly_buckets" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "insight_hourly_terms" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "insight_hourly_terms" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "insight_hourly_terms" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "insight_sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "insight_sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "insight_sessions" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- Grants (the default privileges already cover new tables; stated explicitly for clarity).
GRANT SELECT, INSERT, UPDATE, DELETE ON "insight_hourly_buckets", "insight_hourly_terms", "insight_sessions" TO parley_app;
GRANT SELECT ON "insight_hourly_buckets", "insight_hourly_terms", "insight_sessions" TO parley_analytics;
