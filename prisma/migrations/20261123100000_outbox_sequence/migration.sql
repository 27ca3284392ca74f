-- Outbox rows enqueued in one transaction share created_at (now() is the transaction start),
-- so the relay orders by an insertion sequence instead. Generated with `npm run db:diff`.

-- DropIndex
DROP INDEX "outbox_sent_at_created_at_idx";

-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "outbox_sent_at_seq_idx" ON "outbox"("sent_at", "seq");

