-- External identity providers per tenant and revocation of staff tokens (issue 18 points 2-3,
-- docs/adr/0024-external-identity-providers-and-token-revocation.md).

-- Revocation: bumped (same transaction) by every change that must end the user's tokens
-- (disabled, password changed, role changed); user JWTs carry it as `tv`, the gateway compares.
ALTER TABLE "tenant_users" ADD COLUMN "token_version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "tenant_identity_providers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "jwks_url" TEXT NOT NULL,
    "user_id_claim" TEXT NOT NULL DEFAULT 'sub',
    "email_claim" TEXT NOT NULL DEFAULT 'email',
    "roles_claim" TEXT NOT NULL DEFAULT 'realm_access.roles',
    "role_mapping" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_identity_providers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tenant_identity_providers_status_check" CHECK ("status" IN ('active', 'disabled'))
);

-- The issuer names the tenant (a token's `iss` is how the gateway finds it): unique platform-wide.
CREATE UNIQUE INDEX "tenant_identity_providers_issuer_key" ON "tenant_identity_providers"("issuer");
CREATE INDEX "tenant_identity_providers_tenant_id_idx" ON "tenant_identity_providers"("tenant_id");

ALTER TABLE "tenant_identity_providers" ADD CONSTRAINT "tenant_identity_providers_tenant_id_fkey"
  FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "tenant_identity_providers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant_identity_providers" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenant_identity_providers" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON "tenant_identity_providers" TO parley_app;

-- A bearer token presents only its issuer, before the tenant is known: the one provider
-- registered for this exact issuer, with its tenant's status (like find_api_key_by_prefix).
CREATE FUNCTION find_identity_provider_by_issuer(p_issuer text)
RETURNS TABLE (id uuid, tenant_id uuid, name text, issuer text, audience text, jwks_url text,
               user_id_claim text, email_claim text, roles_claim text, role_mapping jsonb, status text,
               created_at timestamptz, updated_at timestamptz, tenant_status text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $fn$
  SELECT p.id, p.tenant_id, p.name, p.issuer, p.audience, p.jwks_url, p.user_id_claim, p.email_claim,
         p.roles_claim, p.role_mapping, p.status, p.created_at, p.updated_at, t.status::text
    FROM tenant_identity_providers p
    JOIN tenants t ON t.id = p.tenant_id
   WHERE p.issuer = p_issuer
$fn$;

REVOKE ALL ON FUNCTION find_identity_provider_by_issuer(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION find_identity_provider_by_issuer(text) TO parley_app;
