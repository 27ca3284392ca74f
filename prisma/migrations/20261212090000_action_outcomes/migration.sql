-- What became of each action the notifier executed (evt.action.requested): `requested` while
-- its notification's deliveries are under way, then `done` (the first delivery succeeded, or
-- an inbox entry was stored) or `failed` (refused, nothing planned, or every delivery dead).
-- Decided once: the decision and `published_at` (the visitor's live frame) are written in one
-- transaction guarded by `status = 'requested'`, so a redelivered event, a second delivery or a
-- restart never says it twice (docs/adr/0010-notifier.md).
CREATE TABLE "action_outcomes" (
    "action_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "action_type" TEXT NOT NULL,
    "notification_id" UUID,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_outcomes_pkey" PRIMARY KEY ("action_id")
);
CREATE INDEX "action_outcomes_tenant_id_created_at_idx" ON "action_outcomes"("tenant_id", "created_at");
CREATE INDEX "action_outcomes_notification_id_idx" ON "action_outcomes"("notification_id");

ALTER TABLE "action_outcomes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "action_outcomes" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "action_outcomes" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE ON "action_outcomes" TO parley_app;
GRANT SELECT ON "action_outcomes" TO parley_analytics;
