-- "Follow-up due" (issue 13): the notifier's due-time reminders. One row per follow-up that was
-- reminded, keyed by the follow-up (`summary:<session summary id>:<item index>` for an L2
-- summary's follow-up, `action:<action id>` for a model's create_follow_up), written in the
-- transaction that stores the reminder notification: a follow-up is reminded once, whatever
-- the replicas and restarts (docs/adr/0010-notifier.md).
CREATE TABLE "follow_up_reminders" (
    "tenant_id" UUID NOT NULL,
    "follow_up_key" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "notification_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follow_up_reminders_pkey" PRIMARY KEY ("tenant_id", "follow_up_key")
);

ALTER TABLE "follow_up_reminders" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "follow_up_reminders" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "follow_up_reminders" FOR ALL
  USING ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK ("tenant_id" = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT ON "follow_up_reminders" TO parley_app;
GRANT SELECT ON "follow_up_reminders" TO parley_analytics;

-- The reminder job finds the tenants that may have a follow-up falling due (tenant ids only;
-- the follow-ups themselves are read under RLS): L2 summaries that need a follow-up with a due
-- day, and the model's create_follow_up notifications, created since `since`.
CREATE FUNCTION follow_up_scopes(since timestamptz)
RETURNS TABLE (tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.tenant_id FROM session_summaries s
   WHERE s.created_at >= since AND s.outcome = 'needs_follow_up'
     AND jsonb_path_exists(s.action_items, '$[*] ? (@.due != null)')
  UNION
  SELECT n.tenant_id FROM notifications n
   WHERE n.created_at >= since AND n.kind = 'follow_up' AND n.source = 'action.requested';
$$;
REVOKE ALL ON FUNCTION follow_up_scopes(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION follow_up_scopes(timestamptz) TO parley_app;
