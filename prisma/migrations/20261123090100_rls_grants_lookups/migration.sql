-- Tenant isolation, privileges and the two cross-tenant lookups the app role needs.
-- Written by hand (Prisma does not model policies, grants or functions).
--
-- Roles (created by scripts/db-setup.mjs, cluster-wide, passwords never appear here):
--   parley_owner      owns the schema, runs migrations; BYPASSRLS so SECURITY DEFINER lookups
--                     and data backfills can see every tenant
--   parley_app        services; NOBYPASSRLS, so every tenant-owned row goes through RLS
--   parley_analytics  client-insights owner-level reads; SELECT only, BYPASSRLS

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_app')
     OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_analytics') THEN
    RAISE EXCEPTION 'roles parley_app and parley_analytics must exist before migrating: run scripts/db-setup.mjs';
  END IF;
END
$$;

-- Row-level security -------------------------------------------------------------------------
-- One policy per tenant-owned table, USING and WITH CHECK, comparing the indexed tenant_id to
-- the transaction-local setting. The sub-select makes PostgreSQL evaluate it once per query;
-- missing_ok (true) returns NULL when the setting was never defined, and NULLIF turns the ''
-- left behind by an earlier transaction-local set_config on the same connection into NULL.
-- NULL never equals anything, so "no tenant" sees no rows and can insert none.

ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "api_keys" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "tenant_users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_users" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_users" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "chat_sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "chat_sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "chat_sessions" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "chat_messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "chat_messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "chat_messages" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "message_feedback" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "message_feedback" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "message_feedback" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "message_signals" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "message_signals" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "message_signals" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "tenant_contacts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_contacts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_contacts" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "tenant_interactions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_interactions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_interactions" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "session_summaries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "session_summaries" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "session_summaries" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "knowledge_documents" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "knowledge_documents" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "knowledge_documents" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "knowledge_chunks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "knowledge_chunks" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "knowledge_chunks" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "tenant_tools" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_tools" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_tools" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "integrations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "integrations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "integrations" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "integration_endpoints" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "integration_endpoints" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "integration_endpoints" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "tool_executions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tool_executions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tool_executions" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "notification_channels" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification_channels" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notification_channels" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "notifications" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit_log" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "usage_daily" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_daily" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "usage_daily" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

ALTER TABLE "insight_rollups" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "insight_rollups" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "insight_rollups" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- Privileges -----------------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public TO parley_app, parley_analytics;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO parley_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO parley_app;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO parley_analytics;
-- Tables created by later migrations (run as the owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO parley_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO parley_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO parley_analytics;
-- The migration history is the owner's business only.
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE public."_prisma_migrations" FROM parley_app, parley_analytics;
  END IF;
END
$$;

-- Cross-tenant lookups -----------------------------------------------------------------------
-- Login and API-key verification happen before the tenant is known, so RLS would hide the row.
-- These SECURITY DEFINER functions (owned by the BYPASSRLS owner role) return exactly the
-- columns needed to verify a credential, for one exact key, and nothing else.

-- Everyone who may log in with this e-mail: platform owners (tenant_id NULL) and tenant staff.
CREATE FUNCTION find_login_candidates(p_email text)
RETURNS TABLE (user_id uuid, tenant_id uuid, role text, password_hash text, user_status text, tenant_status text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $fn$
  SELECT p.id, NULL::uuid, 'owner', p.password_hash, p.status::text, NULL::text
    FROM platform_users p
   WHERE p.email = lower(p_email)
  UNION ALL
  SELECT u.id, u.tenant_id, u.role::text, u.password_hash, u.status::text, t.status::text
    FROM tenant_users u
    JOIN tenants t ON t.id = u.tenant_id
   WHERE u.email = lower(p_email)
$fn$;

-- The API key with this prefix (unique), for bcrypt verification by the gateway.
CREATE FUNCTION find_api_key_by_prefix(p_prefix text)
RETURNS TABLE (id uuid, tenant_id uuid, key_hash text, status text, expires_at timestamptz, tenant_status text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $fn$
  SELECT k.id, k.tenant_id, k.key_hash, k.status::text, k.expires_at, t.status::text
    FROM api_keys k
    JOIN tenants t ON t.id = k.tenant_id
   WHERE k.prefix = p_prefix
$fn$;

REVOKE ALL ON FUNCTION find_login_candidates(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION find_api_key_by_prefix(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_login_candidates(text) TO parley_app;
GRANT EXECUTE ON FUNCTION find_api_key_by_prefix(text) TO parley_app;
