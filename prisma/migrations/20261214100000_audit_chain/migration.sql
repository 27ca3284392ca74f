-- Audit trail as hash chains (issue 18, point 5; docs/adr/0023-audit-trail.md).
-- Written by hand: Prisma models the columns and the heads table, not functions or triggers.
--
-- One chain per tenant (chain_id = tenant_id) and one platform chain for rows with no tenant
-- (owner logins, failed logins of unknown emails, the owner's own channels; chain_id =
-- 00000000-0000-0000-0000-000000000000). A row's hash is sha256 over its fields and the previous
-- row's hash (audit_row_hash below; libs/persistence/src/audit/audit-chain.util.ts computes the
-- very same bytes for the verifier). audit_chain_heads holds each chain's last seq and hash, so
-- appends to one chain queue on that row's lock (FOR UPDATE) inside the writer's transaction,
-- while other tenants' chains are not touched; and so a deleted last row is detected too.
--
-- Services never INSERT, UPDATE or DELETE audit_log themselves: they call audit_append() (SECURITY
-- DEFINER) in their own transaction, which checks that a tenant row is for the transaction's
-- tenant (app.tenant_id). A trigger refuses UPDATE, DELETE and TRUNCATE for every role.

-- Columns ---------------------------------------------------------------------------------------
ALTER TABLE "audit_log" ALTER COLUMN "tenant_id" DROP NOT NULL;
ALTER TABLE "audit_log" ADD COLUMN "chain_id" UUID;
ALTER TABLE "audit_log" ADD COLUMN "seq" BIGINT;
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" TEXT;
ALTER TABLE "audit_log" ADD COLUMN "hash" TEXT;

-- CreateTable
CREATE TABLE "audit_chain_heads" (
    "chain_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_chain_heads_pkey" PRIMARY KEY ("chain_id")
);

-- The hash ------------------------------------------------------------------------------------
-- Each field as "<byte length>:<text>" ("-1:" for NULL), concatenated in a fixed order: no
-- separator can be forged by a field's content. data is hashed as PostgreSQL prints the stored
-- jsonb (data::text is deterministic for a stored value), created_at as ISO-8601 UTC with ms.
CREATE FUNCTION audit_field(p text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $fn$ SELECT CASE WHEN p IS NULL THEN '-1:' ELSE octet_length(p)::text || ':' || p END $fn$;

CREATE FUNCTION audit_row_hash(
  p_chain_id uuid, p_seq bigint, p_id uuid, p_tenant_id uuid, p_actor_type text, p_actor_id text,
  p_action text, p_target_type text, p_target_id text, p_data jsonb, p_request_id text,
  p_created_at timestamptz, p_prev_hash text)
RETURNS text
LANGUAGE sql STABLE
SET search_path = public, pg_temp
AS $fn$
  SELECT encode(sha256(convert_to(
      audit_field(p_chain_id::text) || audit_field(p_seq::text) || audit_field(p_id::text)
    || audit_field(p_tenant_id::text) || audit_field(p_actor_type) || audit_field(p_actor_id)
    || audit_field(p_action) || audit_field(p_target_type) || audit_field(p_target_id)
    || audit_field(p_data::text) || audit_field(p_request_id)
    || audit_field(to_char(p_created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || audit_field(p_prev_hash), 'UTF8')), 'hex')
$fn$;

-- Backfill: the rows written before this migration become the start of their chains, in
-- (created_at, id) order. created_at is cut to milliseconds first (the column keeps ms already).
DO $$
DECLARE
  r record;
  v_chain uuid;
  v_prev_chain uuid := NULL;
  v_seq bigint := 0;
  v_prev text;
  v_hash text;
BEGIN
  FOR r IN
    SELECT a.*, COALESCE(a.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid) AS chain
      FROM audit_log a
     ORDER BY COALESCE(a.tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), a.created_at, a.id
  LOOP
    v_chain := r.chain;
    IF v_prev_chain IS DISTINCT FROM v_chain THEN
      IF v_prev_chain IS NOT NULL THEN
        INSERT INTO audit_chain_heads (chain_id, seq, hash) VALUES (v_prev_chain, v_seq, v_prev);
      END IF;
      v_seq := 0;
      v_prev := repeat('0', 64);
      v_prev_chain := v_chain;
    END IF;
    v_seq := v_seq + 1;
    v_hash := audit_row_hash(v_chain, v_seq, r.id, r.tenant_id, r.actor_type, r.actor_id, r.action, r.target_type,
                             r.target_id, r.data, r.request_id, r.created_at, v_prev);
    UPDATE audit_log SET chain_id = v_chain, seq = v_seq, prev_hash = v_prev, hash = v_hash WHERE id = r.id;
    v_prev := v_hash;
  END LOOP;
  IF v_prev_chain IS NOT NULL THEN
    INSERT INTO audit_chain_heads (chain_id, seq, hash) VALUES (v_prev_chain, v_seq, v_prev);
  END IF;
END
$$;

ALTER TABLE "audit_log" ALTER COLUMN "chain_id" SET NOT NULL;
ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL;
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL;
ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_chain_id_seq_key" ON "audit_log"("chain_id", "seq");

-- CreateIndex
CREATE INDEX "audit_log_created_at_id_idx" ON "audit_log"("created_at", "id");

-- The one way in ----------------------------------------------------------------------------------
CREATE FUNCTION audit_append(
  p_tenant_id uuid, p_actor_type text, p_actor_id text, p_action text, p_target_type text,
  p_target_id text, p_data jsonb, p_request_id text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $fn$
DECLARE
  v_chain uuid := COALESCE(p_tenant_id, '00000000-0000-0000-0000-000000000000'::uuid);
  v_caller uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
  v_id uuid := gen_random_uuid();
  v_seq bigint;
  v_prev text;
  v_at timestamptz;
  v_hash text;
BEGIN
  IF p_tenant_id IS NOT NULL AND v_caller IS DISTINCT FROM p_tenant_id THEN
    RAISE EXCEPTION 'audit_append: tenant % is not this transaction''s tenant', p_tenant_id USING ERRCODE = '42501';
  END IF;
  IF p_actor_type IS NULL OR p_action IS NULL THEN
    RAISE EXCEPTION 'audit_append: actor_type and action are required' USING ERRCODE = '23502';
  END IF;
  INSERT INTO audit_chain_heads (chain_id, seq, hash) VALUES (v_chain, 0, repeat('0', 64)) ON CONFLICT (chain_id) DO NOTHING;
  -- The chain's lock: held until the writer's transaction ends (so keep the append late in it).
  SELECT seq, hash INTO v_seq, v_prev FROM audit_chain_heads WHERE chain_id = v_chain FOR UPDATE;
  v_seq := v_seq + 1;
  v_at := date_trunc('milliseconds', clock_timestamp());
  v_hash := audit_row_hash(v_chain, v_seq, v_id, p_tenant_id, p_actor_type, p_actor_id, p_action, p_target_type,
                           p_target_id, COALESCE(p_data, '{}'::jsonb), p_request_id, v_at, v_prev);
  INSERT INTO audit_log (id, tenant_id, chain_id, seq, prev_hash, hash, actor_type, actor_id, action, target_type,
                         target_id, data, request_id, created_at)
  VALUES (v_id, p_tenant_id, v_chain, v_seq, v_prev, v_hash, p_actor_type, p_actor_id, p_action, p_target_type,
          p_target_id, COALESCE(p_data, '{}'::jsonb), p_request_id, v_at);
  UPDATE audit_chain_heads SET seq = v_seq, hash = v_hash, updated_at = v_at WHERE chain_id = v_chain;
  RETURN v_id;
END
$fn$;

REVOKE ALL ON FUNCTION audit_append(uuid, text, text, text, text, text, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(uuid, text, text, text, text, text, jsonb, text) TO parley_app;

-- Append-only ----------------------------------------------------------------------------------
-- No role may change or remove a row: not the services (no grant, and the trigger), not the
-- owner role. A tenant is never hard-deleted while it has audit rows (the foreign key is
-- RESTRICT); a contact's erasure leaves its audit rows (ids only, no content or PII).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$fn$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE "audit_log" FROM parley_app;
REVOKE ALL ON TABLE "audit_chain_heads" FROM parley_app;
GRANT SELECT ON TABLE "audit_chain_heads" TO parley_analytics;
