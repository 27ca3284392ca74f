-- Who wrote a staff reply during a human handoff (tenant_users.id; NULL for visitor and bot messages).
ALTER TABLE "chat_messages" ADD COLUMN "author_id" UUID;
