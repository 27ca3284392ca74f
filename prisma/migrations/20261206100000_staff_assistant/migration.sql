-- Staff assistant sessions (issue 13 point 5, docs/adr/0012-staff-assistant.md): a chat session
-- that belongs to a tenant's staff user instead of a visitor. NULL for every visitor session.
-- The (tenant_id, staff_user_id) index serves "this user's current session" and the per-user
-- memory that reads the user's messages across their sessions. RLS on chat_sessions is unchanged
-- (tenant_id policy); chat checks that the user is an active staff user of the same tenant.

-- AlterTable
ALTER TABLE "chat_sessions" ADD COLUMN     "staff_user_id" UUID;

-- CreateIndex
CREATE INDEX "chat_sessions_tenant_id_staff_user_id_idx" ON "chat_sessions"("tenant_id", "staff_user_id");

-- AddForeignKey
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "tenant_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
