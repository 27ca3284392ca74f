-- Plans: per-plan rate limits per user, tenant and client IP, and features enforced
-- (issue 18 points 1 and 4, docs/adr/0025-plans-quotas-invoice-preview.md). A null limit leaves
-- the dimension to the gateway's default (RATE_LIMIT_USER|TENANT|IP_PER_MINUTE).

-- AlterTable
ALTER TABLE "plans"
  ADD COLUMN "rate_limit_user_per_minute" INTEGER,
  ADD COLUMN "rate_limit_tenant_per_minute" INTEGER,
  ADD COLUMN "rate_limit_ip_per_minute" INTEGER,
  ADD CONSTRAINT "plans_rate_limits_check" CHECK (
    ("rate_limit_user_per_minute" IS NULL OR "rate_limit_user_per_minute" >= 1)
    AND ("rate_limit_tenant_per_minute" IS NULL OR "rate_limit_tenant_per_minute" >= 1)
    AND ("rate_limit_ip_per_minute" IS NULL OR "rate_limit_ip_per_minute" >= 1));

-- Features were stored but not enforced until now: every plan that exists keeps what its
-- tenants could do, so it gets the whole catalogue (PLAN_FEATURES in libs/contracts). From here
-- on a plan includes exactly the features it lists.
UPDATE "plans"
SET "features" = ARRAY['knowledge', 'tools', 'integrations', 'notification_channels', 'identity_providers']::TEXT[];
