-- Publishable widget keys and the widget's theme (issue 14 points 1-2,
-- docs/adr/0013-widget-and-site-keys.md). A site key (`pk_live_...`) is public: it is stored as
-- is, opens only widget sessions, and only from the tenant's allowed origins (checked by the
-- gateway on the real request). widget_theme holds what the widget may show to anyone.

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "widget_theme" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "site_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "status" "api_key_status" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "site_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "site_keys_key_key" ON "site_keys"("key");

-- CreateIndex
CREATE INDEX "site_keys_tenant_id_idx" ON "site_keys"("tenant_id");

-- AddForeignKey
ALTER TABLE "site_keys" ADD CONSTRAINT "site_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, like api_keys.
ALTER TABLE "site_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "site_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "site_keys" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON "site_keys" TO parley_app;
GRANT SELECT ON "site_keys" TO parley_analytics;

-- The widget presents only its key, before the tenant is known: this returns exactly what the
-- gateway needs to decide (key and tenant status, allowed origins) and what the widget may
-- show (name, theme), for one exact key.
CREATE FUNCTION find_site_key(p_key text)
RETURNS TABLE (id uuid, tenant_id uuid, status text, tenant_status text, tenant_slug text,
               display_name text, allowed_origins text[], widget_theme jsonb)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $fn$
  SELECT k.id, k.tenant_id, k.status::text, t.status::text, t.slug, t.display_name, t.allowed_origins, t.widget_theme
    FROM site_keys k
    JOIN tenants t ON t.id = k.tenant_id
   WHERE k.key = p_key
$fn$;

REVOKE ALL ON FUNCTION find_site_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_site_key(text) TO parley_app;
