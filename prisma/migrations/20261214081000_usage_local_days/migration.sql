-- usage_daily's `day` becomes the tenant's local calendar day (tenants.timezone), so a billing
-- period (a calendar month in the tenant's time zone) is an exact sum of days (ADR 0017).
-- usage_seals records, per tenant, the instant up to which usage is sealed: the retention job
-- folds only content at or after it into unsealed days and deletes only content before it, so a
-- change of the tenant's time zone (which moves day boundaries) neither loses nor doubles usage.

-- CreateTable
CREATE TABLE "usage_seals" (
    "tenant_id" UUID NOT NULL,
    "sealed_through" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_seals_pkey" PRIMARY KEY ("tenant_id")
);

-- AddForeignKey
ALTER TABLE "usage_seals" ADD CONSTRAINT "usage_seals_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "usage_seals" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_seals" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "usage_seals" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- Days sealed so far were UTC days: their usage is sealed through 00:00 UTC after the last one.
INSERT INTO "usage_seals" ("tenant_id", "sealed_through")
SELECT "tenant_id", (max("day") + 1)::timestamp AT TIME ZONE 'UTC'
  FROM "usage_daily"
 WHERE "sealed_at" IS NOT NULL
 GROUP BY "tenant_id";
