-- L5 threshold alerts: one active row per (tenant, rule, subject) while a condition holds, under tenant RLS.
-- CreateEnum
CREATE TYPE "insight_alert_rule" AS ENUM ('sentiment_drop', 'escalation_rate', 'unanswered_question', 'usage_drop');

-- CreateEnum
CREATE TYPE "insight_alert_status" AS ENUM ('active', 'resolved');

-- CreateTable
CREATE TABLE "insight_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "rule" "insight_alert_rule" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "active_key" TEXT,
    "status" "insight_alert_status" NOT NULL DEFAULT 'active',
    "severity" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "title" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

CONSTRAINT "insight_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "insight_alerts_status_fired_at_idx" ON "insight_alerts"("status", "fired_at");

-- CreateIndex
CREATE UNIQUE INDEX "insight_alerts_tenant_id_rule_active_key_key" ON "insight_alerts"("tenant_id", "rule", "active_key");

-- AddForeignKey
ALTER TABLE "insight_alerts" ADD CONSTRAINT "insight_alerts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (same policy shape as 20261123090100_rls_grants_lookups).
ALTER TABLE "insight_alerts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "insight_alerts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "insight_alerts" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- Grants (the default privileges already cover new tables; stated explicitly for clarity).
GRANT SELECT, INSERT, UPDATE, DELETE ON "insight_alerts" TO parley_app;
GRANT SELECT ON "insight_alerts" TO parley_analytics;
