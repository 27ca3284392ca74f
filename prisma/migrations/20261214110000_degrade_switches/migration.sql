-- Degrade switches (issue 18 point 6, docs/adr/0020-degrade-switches.md): the owner turns on
-- cheaper models, a leaner context, deterministic-only extraction or offline-only answers for
-- one tenant or for the whole platform. Chat adds its own automatic switches on overload.

-- CreateTable
CREATE TABLE "tenant_degrade_switches" (
    "tenant_id" UUID NOT NULL,
    "cheaper_model" BOOLEAN NOT NULL DEFAULT false,
    "lean_context" BOOLEAN NOT NULL DEFAULT false,
    "skip_model_extraction" BOOLEAN NOT NULL DEFAULT false,
    "offline_only" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_degrade_switches_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "platform_degrade_switches" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "cheaper_model" BOOLEAN NOT NULL DEFAULT false,
    "lean_context" BOOLEAN NOT NULL DEFAULT false,
    "skip_model_extraction" BOOLEAN NOT NULL DEFAULT false,
    "offline_only" BOOLEAN NOT NULL DEFAULT false,
    "reason" TEXT,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "platform_degrade_switches_pkey" PRIMARY KEY ("id"),
    -- A single platform row.
    CONSTRAINT "platform_degrade_switches_single_row" CHECK ("id" = 1)
);

-- AddForeignKey
ALTER TABLE "tenant_degrade_switches" ADD CONSTRAINT "tenant_degrade_switches_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security on the tenant rows (the primary key is the indexed tenant_id).
ALTER TABLE "tenant_degrade_switches" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_degrade_switches" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_degrade_switches" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_degrade_switches", "platform_degrade_switches" TO parley_app;
GRANT SELECT ON "tenant_degrade_switches", "platform_degrade_switches" TO parley_analytics;

-- The tenants with any switch on, for the owner's overview and the per-switch tenant counts of
-- chat's parley_degrade_active{scope="tenant"} gauge: only the switches, never tenant data.
CREATE FUNCTION list_degraded_tenants()
RETURNS TABLE (tenant_id uuid, cheaper_model boolean, lean_context boolean, skip_model_extraction boolean,
               offline_only boolean, reason text, updated_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $fn$
  SELECT d.tenant_id, d.cheaper_model, d.lean_context, d.skip_model_extraction, d.offline_only, d.reason, d.updated_at
    FROM tenant_degrade_switches d
   WHERE d.cheaper_model OR d.lean_context OR d.skip_model_extraction OR d.offline_only
   ORDER BY d.tenant_id
$fn$;

REVOKE ALL ON FUNCTION list_degraded_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION list_degraded_tenants() TO parley_app;
