-- Human handoff: staff replies are stored as their own role, and a session records who answers it.
ALTER TYPE "message_role" ADD VALUE 'staff';

CREATE TYPE "chat_session_mode" AS ENUM ('bot', 'human');
ALTER TABLE "chat_sessions" ADD COLUMN "mode" "chat_session_mode" NOT NULL DEFAULT 'bot';

-- Tenant extension of the L1a signal term lists (validated by libs/signals on write).
ALTER TABLE "tenants" ADD COLUMN "signal_rules" JSONB NOT NULL DEFAULT '{}';
