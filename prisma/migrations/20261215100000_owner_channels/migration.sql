-- The owner's chat channels (issue 19 point 4, docs/adr/0027-owner-chat-channels.md): one row per
-- platform operator with the Slack app (signing secret sealed with INTEGRATION_SECRET_KEYS,
-- AES-256-GCM, bound to the owner's id) and the Discord application (id, Ed25519 public key)
-- whose requests reach the owner assistant, and the Slack team/user and Discord guild/user ids
-- allowed to talk to it. `id` is the public id in the endpoints' URLs. Platform-level like
-- owner_assistant_conversations: no tenant_id, so no tenant RLS; only provisioning reads and
-- writes it (as parley_app); the analytics role gets nothing.

-- CreateTable
CREATE TABLE "owner_chat_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_id" UUID NOT NULL,
    "slack_secret_ciphertext" BYTEA,
    "slack_secret_key_id" TEXT,
    "slack_team_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "slack_user_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "discord_application_id" TEXT,
    "discord_public_key" TEXT,
    "discord_guild_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "discord_user_ids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "owner_chat_channels_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "owner_chat_channels_owner_id_key" ON "owner_chat_channels"("owner_id");

-- AddForeignKey
ALTER TABLE "owner_chat_channels" ADD CONSTRAINT "owner_chat_channels_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "platform_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "owner_chat_channels" TO parley_app;
