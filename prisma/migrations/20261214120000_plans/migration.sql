-- Plans and quotas (issue 18 point 1, docs/adr/0024-plans-quotas-invoice-preview.md): billing
-- plans the owner defines (platform-level, no tenant_id, so no RLS: only provisioning writes
-- them, on the owner's behalf) and the plan each tenant is on (null = no plan: unlimited, not
-- invoiced). Money is exact: numeric columns, never floats.

-- CreateTable
CREATE TABLE "plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "monthly_fee" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "included_messages" INTEGER,
    "included_tokens" BIGINT,
    "cap_mode" TEXT NOT NULL DEFAULT 'hard',
    "overage_per_message" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "overage_per_1k_tokens" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "rate_limit_per_minute" INTEGER,
    "features" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allowed_providers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "plans_cap_mode_check" CHECK ("cap_mode" IN ('hard', 'soft')),
    CONSTRAINT "plans_amounts_check" CHECK (
      "monthly_fee" >= 0 AND "overage_per_message" >= 0 AND "overage_per_1k_tokens" >= 0
      AND ("included_messages" IS NULL OR "included_messages" >= 0)
      AND ("included_tokens" IS NULL OR "included_tokens" >= 0)
      AND ("rate_limit_per_minute" IS NULL OR "rate_limit_per_minute" >= 1))
);

-- CreateIndex
CREATE UNIQUE INDEX "plans_key_key" ON "plans"("key");

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN "plan_id" UUID;

-- CreateIndex
CREATE INDEX "tenants_plan_id_idx" ON "tenants"("plan_id");

-- AddForeignKey: a plan with tenants on it cannot be deleted.
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "plans" TO parley_app;
GRANT SELECT ON "plans" TO parley_analytics;
