-- Retention (issue 17 point 5): usage_daily counts the sessions started per UTC day; the job
-- reads them by tenant and start time (today and yesterday every run, older days once when they
-- are sealed), which no other index serves.

-- CreateIndex
CREATE INDEX "chat_sessions_tenant_id_started_at_idx" ON "chat_sessions"("tenant_id", "started_at");
