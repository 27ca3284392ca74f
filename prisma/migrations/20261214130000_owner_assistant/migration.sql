-- The owner assistant (issue 19, docs/adr/0026-owner-assistant.md): one row per conversation of
-- a platform operator with the assistant: its recent messages, the change waiting for
-- confirmation and the tenants it is about. Platform-level like plans and
-- platform_degrade_switches: no tenant_id, so no tenant RLS; only provisioning reads and writes
-- it (as parley_app), always filtered by owner_id; the analytics role gets nothing.

-- CreateTable
CREATE TABLE "owner_assistant_conversations" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "state" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "owner_assistant_conversations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "owner_assistant_conversations_owner_id_updated_at_idx" ON "owner_assistant_conversations"("owner_id", "updated_at");

-- AddForeignKey
ALTER TABLE "owner_assistant_conversations" ADD CONSTRAINT "owner_assistant_conversations_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "platform_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "owner_assistant_conversations" TO parley_app;
