-- The notifier: channels with encrypted secrets (and a rotated-out secret that still signs for a
-- while), routing rules, one notification per event, and one delivery per (notification,
-- channel or inbox recipient). The tables replaced here were created by the first migration and
-- never written by any service.
--
-- Owner-level notifications (L5 alerts, cross-tenant safety) use the scope PLATFORM_TENANT_ID
-- (the nil uuid) under the same RLS policy, so these tables keep tenant_id without a foreign key
-- to tenants (tenants are deactivated, never deleted: see docs/adr/0010-notifier.md).

ALTER TYPE "notification_channel_kind" RENAME VALUE 'in_app' TO 'inbox';

DROP TABLE "notifications";
DROP TYPE "notification_status";

ALTER TABLE "notification_channels" DROP CONSTRAINT "notification_channels_tenant_id_fkey";
ALTER TABLE "notification_channels" DROP COLUMN "events";
ALTER TABLE "notification_channels" ADD COLUMN "config" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "notification_channels" ADD COLUMN "previous_secret_ciphertext" BYTEA;
ALTER TABLE "notification_channels" ADD COLUMN "previous_secret_key_id" TEXT;
ALTER TABLE "notification_channels" ADD COLUMN "previous_secret_expires_at" TIMESTAMPTZ(3);

CREATE TYPE "notification_delivery_status" AS ENUM ('pending', 'sending', 'delivered', 'dead', 'held', 'digested');

CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notifications_tenant_id_created_at_idx" ON "notifications"("tenant_id", "created_at");

CREATE TABLE "notification_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "kinds" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "min_severity" TEXT NOT NULL DEFAULT 'info',
    "channel_ids" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "inbox_user_ids" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "inbox_roles" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "quiet_hours" JSONB,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "digest_hour" INTEGER NOT NULL DEFAULT 8,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_rules_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_rules_tenant_id_name_key" ON "notification_rules"("tenant_id", "name");

CREATE TABLE "notification_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "channel_id" UUID,
    "channel_kind" "notification_channel_kind" NOT NULL,
    "recipient_user_id" UUID,
    -- 'inbox:<user id>' or 'channel:<channel id>': one delivery per target, however often the event comes
    "target_key" TEXT NOT NULL,
    "rule_id" UUID,
    "status" "notification_delivery_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_status_code" INTEGER,
    "latency_ms" INTEGER,
    "delivered_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "digest_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_deliveries_notification_id_target_key_key" ON "notification_deliveries"("notification_id", "target_key");
CREATE INDEX "notification_deliveries_tenant_id_created_at_idx" ON "notification_deliveries"("tenant_id", "created_at");
CREATE INDEX "notification_deliveries_tenant_id_recipient_user_id_created_idx" ON "notification_deliveries"("tenant_id", "recipient_user_id", "created_at");
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries"("status", "next_attempt_at");
CREATE INDEX "notification_deliveries_channel_id_idx" ON "notification_deliveries"("channel_id");

ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security (same policy shape as 20261123090100_rls_grants_lookups).
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notifications" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "notification_rules" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification_rules" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification_rules" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "notification_deliveries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification_deliveries" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification_deliveries" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON "notifications", "notification_rules", "notification_deliveries" TO parley_app;
GRANT SELECT ON "notifications", "notification_rules", "notification_deliveries" TO parley_analytics;

-- The dispatcher works across tenants: it leases due deliveries here (ids and scopes only),
-- then handles each inside that tenant's transaction under RLS. A lease that runs out (a
-- killed notifier) makes the row due again.
CREATE FUNCTION claim_notification_deliveries(batch integer, lease_ms integer)
RETURNS TABLE (id uuid, tenant_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH due AS (
    SELECT d.id FROM notification_deliveries d
    WHERE (d.status = 'pending' AND d.next_attempt_at <= now())
       OR (d.status = 'sending' AND d.locked_until < now())
    ORDER BY d.next_attempt_at
    LIMIT batch
    FOR UPDATE SKIP LOCKED
  )
  UPDATE notification_deliveries d
     SET status = 'sending', locked_until = now() + make_interval(secs => lease_ms / 1000.0), updated_at = now()
    FROM due WHERE d.id = due.id
  RETURNING d.id, d.tenant_id;
$$;
REVOKE ALL ON FUNCTION claim_notification_deliveries(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claim_notification_deliveries(integer, integer) TO parley_app;

-- The digest job finds the scopes that hold notifications (scopes only; the rest under RLS).
CREATE FUNCTION notification_scopes_with_held()
RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT d.tenant_id FROM notification_deliveries d WHERE d.status = 'held';
$$;
REVOKE ALL ON FUNCTION notification_scopes_with_held() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notification_scopes_with_held() TO parley_app;
